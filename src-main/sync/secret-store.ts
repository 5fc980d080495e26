/**
 * Where the sync password is kept, apart from the library's data (never in a data file, a backup, a log or an error).
 * The desktop app keeps it with Electron's safeStorage (the OS keychain, src-main/electron/); browser mode and the
 * command line keep it in a file only the user may read (mode 0600), which is what this module implements.
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../storage/durable-file';

export interface SecretStore {
  save(secret: string): Promise<void>;
  load(): Promise<string | null>;
  clear(): Promise<void>;
  /** Where/how it is kept, for Settings: 'os-keychain' (Electron safeStorage) or 'file' (browser mode, mode 0600). */
  readonly kind: 'os-keychain' | 'file';
  /** Why it cannot keep a password safely here (the desktop without a keychain), in plain words; absent or null: it can. */
  problem?(): Promise<string | null>;
}

/** The file the password is kept in, inside the library's `sync/` folder (which backups leave out). */
export const SECRET_FILE_NAME = 'credentials.secret';

/**
 * The password in a file readable by its owner only: the folder 0700, the file 0600 from the moment it exists.
 * Windows has no POSIX modes: there the user profile's ACLs protect it.
 */
export class FileSecretStore implements SecretStore {
  readonly kind = 'file' as const;
  readonly file: string;

  constructor(readonly folder: string) {
    this.file = path.join(folder, SECRET_FILE_NAME);
  }

  async save(secret: string): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    // writeFileDurably creates its temp file 0600 and renames it into place, so the secret is never readable by others.
    await writeFileDurably(this.file, secret);
    await chmod(this.file, 0o600);
  }

  /** The saved secret, or null when none is saved. */
  async load(): Promise<string | null> {
    try {
      const text = await readFile(this.file, 'utf8');
      // Tightened again in case something (a copy, an unzip) loosened it since.
      await chmod(this.file, 0o600).catch(() => undefined);
      return text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
