/**
 * The desktop password store's own rules, over a real file and a real cipher standing where the OS keychain would:
 * it refuses (writing nothing) where the keychain is missing or is Linux's basic_text, keeps only sealed bytes on
 * disk, seals again when the keychain rotates its key, and says plainly when sealed bytes no longer open. Electron's
 * own safeStorage is exercised by the harness spec (e2e/harness/sync-password.spec.ts) and the Electron spec.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BASIC_TEXT_MESSAGE,
  NO_KEYCHAIN_MESSAGE,
  SafeStorageSecretStore,
  type SafeStorageApi,
} from './safe-storage-secret-store';

/** A keychain of one AES-256-GCM key, which a test may rotate; `backend` and `available` are the machine it plays. */
function keychain(options: { available?: boolean; backend?: ReturnType<SafeStorageApi['getSelectedStorageBackend']> }) {
  const state = { key: randomBytes(32), oldKeys: [] as Buffer[] };
  const seal = (text: string, key: Buffer) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const open = (bytes: Buffer, key: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  };
  const api: SafeStorageApi = {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (text) => seal(text, state.key),
    decryptStringAsync: async (bytes) => {
      try {
        return { result: open(bytes, state.key), shouldReEncrypt: false };
      } catch {
        for (const old of state.oldKeys) {
          try {
            return { result: open(bytes, old), shouldReEncrypt: true };
          } catch {
            // not this one
          }
        }
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
    },
  };
  return {
    api,
    rotate() {
      state.oldKeys.push(state.key);
      state.key = randomBytes(32);
    },
    forget() {
      state.oldKeys = [];
      state.key = randomBytes(32);
    },
  };
}

function secretFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-safe-')), 'sync-password.sealed');
}

describe('SafeStorageSecretStore', () => {
  it('keeps the password sealed on disk, loads it back, and forgets it on clear', async () => {
    const file = secretFile();
    const store = new SafeStorageSecretStore(file, keychain({}).api, 'linux');
    expect(store.kind).toBe('os-keychain');
    expect(await store.problem()).toBeNull();
    expect(await store.load()).toBeNull();
    await store.save('correct horse battery');
    expect(readFileSync(file).includes('correct horse')).toBe(false);
    expect(await store.load()).toBe('correct horse battery');
    await store.clear();
    expect(existsSync(file)).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('refuses to keep the password, writing nothing, where no keychain is available', async () => {
    const file = secretFile();
    const store = new SafeStorageSecretStore(file, keychain({ available: false }).api, 'darwin');
    expect(await store.problem()).toBe(NO_KEYCHAIN_MESSAGE);
    await expect(store.save('secret')).rejects.toThrow(/will not store it/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses Linux’s basic_text backend (a key every Chromium knows), and only on Linux', async () => {
    const linux = new SafeStorageSecretStore(secretFile(), keychain({ backend: 'basic_text' }).api, 'linux');
    expect(await linux.problem()).toBe(BASIC_TEXT_MESSAGE);
    await expect(linux.save('secret')).rejects.toThrow(/as good as clear/);
    // The call is Linux-only; elsewhere the keychain is the OS's own.
    const mac = new SafeStorageSecretStore(secretFile(), keychain({ backend: 'basic_text' }).api, 'darwin');
    expect(await mac.problem()).toBeNull();
  });

  it('seals the password again when the keychain rotated its key', async () => {
    const file = secretFile();
    const ring = keychain({});
    const store = new SafeStorageSecretStore(file, ring.api, 'linux');
    await store.save('pw');
    const before = readFileSync(file);
    ring.rotate();
    expect(await store.load()).toBe('pw');
    expect(readFileSync(file).equals(before)).toBe(false);
    ring.forget();
    await expect(store.load()).rejects.toThrow(/can no longer be opened.*enter it again/);
  });
});
