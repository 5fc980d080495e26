/**
 * The library-wide part of the API contract: what the app is and the notices it has for the reader, search across
 * articles, backups (taking, restoring), and the one export under way (annotations or cards) with its progress.
 */
import type { SearchResult } from '../../core/search/library-index';
import type { Empty } from './common';
import type { SearchFilter } from './organise';

export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  dataDir: string;
  notices: Notice[];
}

/** One backup of the library (`backups/<id>/` in the data folder), as the Restore screen lists it. */
export interface BackupSummary {
  id: string;
  createdAt: string;
  /** Why it was taken: at start-up, on the half-hourly timer, on quit, by hand, or just before a restore. */
  reason: 'start' | 'scheduled' | 'quit' | 'manual' | 'before-restore';
  documents: number;
  files: number;
  bytes: number;
}

/** A file an export made, for the renderer to save. */
export type { ExportedFile } from './common';

export interface LibraryMethods {
  appInfo: { input: Empty; output: AppInfo };
  dismissNotice: { input: { id: string }; output: { id: string } };
  /** `filter`: only hits in documents the Library's filter would show (organise.ts). */
  search: { input: { query: string; limit?: number; filter?: SearchFilter }; output: SearchResult };
  listBackups: { input: Empty; output: BackupSummary[] };
  createBackup: { input: Empty; output: BackupSummary };
  /** How far the backup the reader asked for has got (two steps a file), while one runs. */
  backupProgress: { input: Empty; output: { running: boolean; done: number; total: number } };
  /** Stops that backup; its partial copy is removed and it fails with the 'cancelled' error. */
  cancelBackup: { input: Empty; output: { cancelled: boolean } };
  /** Replaces the library with the backup, after taking a backup of the current state (returned as `safety`). */
  restoreBackup: { input: { id: string }; output: { restored: BackupSummary; safety: BackupSummary } };
  /** How far the export under way (exportAnnotations or exportCards) has got, in highlights or cards. */
  exportProgress: { input: Empty; output: { running: boolean; done: number; total: number } };
  /** Stops that export: it fails with the 'cancelled' error and returns no file. */
  cancelExport: { input: Empty; output: { cancelled: boolean } };
}
