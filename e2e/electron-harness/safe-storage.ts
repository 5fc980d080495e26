/**
 * The stand-in's `safeStorage`, as Chromium's os_crypt does it on Linux: AES-128-CBC, a key from PBKDF2-SHA1 with
 * the salt "saltysalt", a 16-space IV, and a version prefix. LECTIO_HARNESS_KEYRING picks the machine it plays:
 * `none` (the default, as on a headless Linux box: the `basic_text` backend, whose password "peanuts" is written in
 * Chromium itself, prefix v10), `unlocked` (GNOME Keyring: a random password kept in the run's config folder, prefix
 * v11) or `locked` (no encryption available at all).
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app } from './runtime';

type Keyring = 'none' | 'unlocked' | 'locked';

function keyring(): Keyring {
  const value = process.env.LECTIO_HARNESS_KEYRING ?? 'none';
  if (value === 'none' || value === 'unlocked' || value === 'locked') return value;
  throw new Error(`LECTIO_HARNESS_KEYRING must be none, unlocked or locked, not "${value}"`);
}

const IV = Buffer.alloc(16, ' ');

function keyFrom(password: string): Buffer {
  return pbkdf2Sync(password, 'saltysalt', 1, 16, 'sha1');
}

/** The keyring's password for this run's "login": made once, kept in the run's config folder like a keyring file. */
function keyringPassword(): string {
  const file = path.join(app.getPath('appData'), 'harness-keyring', 'lectio-safe-storage');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(16).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
}

function current(): { prefix: string; key: Buffer } {
  const ring = keyring();
  if (ring === 'locked')
    throw new Error(
      'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
    );
  return ring === 'unlocked'
    ? { prefix: 'v11', key: keyFrom(keyringPassword()) }
    : { prefix: 'v10', key: keyFrom('peanuts') };
}

export const safeStorage = {
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return app.isReady() && keyring() !== 'locked';
  },
  getSelectedStorageBackend(): 'basic_text' | 'gnome_libsecret' | 'unknown' {
    if (!app.isReady()) return 'unknown';
    return keyring() === 'unlocked' ? 'gnome_libsecret' : 'basic_text';
  },
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    const { prefix, key } = current();
    const cipher = createCipheriv('aes-128-cbc', key, IV);
    return Buffer.concat([Buffer.from(prefix), cipher.update(plainText, 'utf8'), cipher.final()]);
  },
  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const { prefix, key } = current();
    if (encrypted.subarray(0, 3).toString() !== prefix)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const decipher = createDecipheriv('aes-128-cbc', key, IV);
    const result = Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]).toString('utf8');
    return { result, shouldReEncrypt: false };
  },
};
