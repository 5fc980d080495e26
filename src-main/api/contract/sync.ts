/**
 * Sync's part of the API contract (issue #21): the server Settings connects to, the state of the replica's
 * replication, and the conflicts left for the reader. Types only, like the rest of the contract.
 */
import type { Empty } from './common';

export interface SyncSettingsInput {
  /** https://…, or http:// only to localhost/127.0.0.1/[::1]. No credentials in the URL. */
  url: string;
  database: string;
  username: string;
  /** Empty string keeps the stored password (editing other fields). */
  password: string;
  live: boolean;
}

export type SyncState = 'off' | 'idle' | 'syncing' | 'live' | 'offline' | 'error';

export interface SyncStatus {
  configured: boolean;
  /** Never with credentials. */
  url: string | null;
  database: string | null;
  /** Never the password. */
  username: string | null;
  live: boolean;
  state: SyncState;
  /** Plain words for the state, e.g. "Synced 2 minutes ago", "Can't reach the server", "Wrong user name or password". */
  message: string;
  lastSyncAt: string | null;
  /** Local changes not yet sent. */
  pending: number;
  /** Conflicts left for the reader to resolve. */
  conflicts: number;
  deviceId: string;
}

export interface SyncRunResult {
  sent: number;
  received: number;
  conflictsMerged: number;
  conflictsLeft: number;
  status: SyncStatus;
}

export interface SyncConflict {
  id: string;
  kind: 'highlight-note' | 'document-note';
  documentId: string;
  documentTitle: string;
  /** The highlighted passage for a highlight note; null for a document note. */
  quote: string | null;
  /** Each side's text (two or more), newest edit first; no side is ever dropped until the reader resolves. */
  versions: { text: string; editedAt: string; device: string }[];
}

/** What sync brought in since the number a screen last saw (see ArrivalLog). */
export interface SyncArrivals {
  /** The number to ask from next time. */
  seq: number;
  /** The documents whose records arrived from another device. */
  documentIds: string[];
  /** True when the log cannot tell (too far behind, or another run of the app): reload whatever is shown. */
  everything: boolean;
}

export interface SyncMethods {
  getSyncStatus: { input: Empty; output: SyncStatus };
  /** Checks the server (reachable, credentials, database exists or can be created) before saving anything. */
  configureSync: { input: SyncSettingsInput; output: SyncStatus };
  syncNow: { input: Empty; output: SyncRunResult };
  setLiveSync: { input: { live: boolean }; output: SyncStatus };
  /** "Stop syncing this device": forgets server and credentials; the local library stays whole. */
  stopSyncing: { input: Empty; output: SyncStatus };
  listSyncConflicts: { input: Empty; output: SyncConflict[] };
  /** The reader's resolution: the text to keep (one side, or their own merge of both). */
  resolveSyncConflict: { input: { id: string; text: string }; output: { id: string } };
  /** What arrived from other devices since `since`, so an open Reader shows a highlight made elsewhere. */
  getSyncArrivals: { input: { since: number }; output: SyncArrivals };
}
