/**
 * Where this device keeps the sync password, for Settings › Sync to say before the reader types it: in the system
 * keychain (the desktop app) or in a file only they may read (browser mode), and, when the keychain cannot keep it
 * safely, why in plain words (then Lectio refuses to store it rather than keep it as good as clear).
 */
import type { Empty } from './common';

export interface SyncPasswordStore {
  kind: 'os-keychain' | 'file';
  /** Why the password cannot be kept safely on this device; null when it can. */
  problem: string | null;
}

export interface SyncPasswordMethods {
  getSyncPasswordStore: { input: Empty; output: SyncPasswordStore };
}
