/**
 * The desktop app's sync password store: Electron's safeStorage seals it with the OS keychain (macOS Keychain,
 * Windows DPAPI, GNOME Keyring or KWallet on Linux) and the sealed bytes are kept in one 0600 file in the library
 * folder. Where the system offers no keychain (encryption unavailable, or Linux's `basic_text` fallback, whose key is
 * written in Chromium itself), it refuses to keep the password and says why, rather than keeping it as good as clear.
 */
import type { SafeStorage } from 'electron';
import { LectioError } from '../core/errors';
import type { SecretStore } from '../sync/secret-store';
import { SealedFile } from './sealed-file';

/** The part of Electron's safeStorage this store uses (the async calls: the sync ones are deprecated in Electron 45). */
export type SafeStorageApi = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/** The sealed password's file name, in the library's sync/ folder (which backups leave out). */
export const SEALED_SECRET_FILE = 'sync-password.sealed';

export const NO_KEYCHAIN_MESSAGE =
  'This computer offers Lectio no safe place for the sync password (no system keychain is available or unlocked), ' +
  'so Lectio will not store it. Unlock or install your keychain (GNOME Keyring or KWallet on Linux) and restart Lectio.';

export const BASIC_TEXT_MESSAGE =
  'No keyring (GNOME Keyring or KWallet) is running, so the sync password could only be scrambled with a key that ' +
  'every copy of Chromium knows: as good as clear, so Lectio will not store it. Start your keyring and restart Lectio.';

export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'os-keychain' as const;
  readonly #sealed: SealedFile;

  constructor(
    file: string,
    private readonly safe: SafeStorageApi,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.#sealed = new SealedFile(file);
  }

  /** Why the password cannot be kept safely here, in plain words; null when the keychain can keep it. */
  async problem(): Promise<string | null> {
    if (!(await this.safe.isAsyncEncryptionAvailable())) return NO_KEYCHAIN_MESSAGE;
    if (this.platform === 'linux' && this.safe.getSelectedStorageBackend() === 'basic_text') return BASIC_TEXT_MESSAGE;
    return null;
  }

  /** Seals and keeps the password; throws a LectioError (and writes nothing) when the keychain cannot keep it. */
  async save(secret: string): Promise<void> {
    const problem = await this.problem();
    if (problem) throw new LectioError('storage', problem);
    await this.#sealed.write(await this.safe.encryptStringAsync(secret));
  }

  /** The password kept, or null when none is. Throws a LectioError when the sealed bytes no longer open. */
  async load(): Promise<string | null> {
    const bytes = await this.#sealed.read();
    if (!bytes) return null;
    let opened: { result: string; shouldReEncrypt: boolean };
    try {
      opened = await this.safe.decryptStringAsync(bytes);
    } catch (error) {
      throw new LectioError(
        'storage',
        'The saved sync password can no longer be opened (the system keychain changed or is locked): enter it again in Settings › Sync.',
        { cause: error },
      );
    }
    // The keychain rotated its key: seal it again under the new one, as Electron asks.
    if (opened.shouldReEncrypt) await this.#sealed.write(await this.safe.encryptStringAsync(opened.result));
    return opened.result;
  }

  async clear(): Promise<void> {
    await this.#sealed.remove();
  }
}
