/**
 * What the reader is told when a data file had to be recovered: which file (by the article's title for per-document
 * files), where its bad copy went, and which backup the good copy came from. Recoveries can happen before the library
 * object exists (its index and settings open first), so they are held until it can take them.
 */
import path from 'node:path';
import type { BackupManifest } from './backups';
import { restoreFromBackup, type Recovery, type RecoveryReport, type RestoreOptions } from './recovery';

export interface StorageNotice {
  id: string;
  message: string;
  /** 'warning' when absent: something went wrong and the reader should know. */
  level?: 'info' | 'warning';
}

/**
 * "the backup of 6 Dec 2026, 16:00 EST": the time as the reader's clock shows it (the machine's zone, which is the
 * reader's: both hosts serve this machine only), with the zone named so it cannot be misread. It used to be UTC.
 */
export function describeBackup(backup: Pick<BackupManifest, 'createdAt'>, zone?: string): string {
  const format = new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(zone ? { timeZone: zone } : {}),
  });
  return `the backup of ${format.format(new Date(backup.createdAt))}`;
}

const FILE_NAMES: Record<string, string> = {
  'library.json': 'The library index',
  'settings.json': 'Your settings',
  'cards.json': 'The flashcards file',
  'reviews.json': 'The review history file',
  'quiz.json': 'The quiz history file',
  'organisation.json': 'Your collections, tags, archive and reading positions',
};

/** The notice for one recovered file; `titleOf` names a document by its id. */
export function recoveryNotice(report: RecoveryReport, titleOf: (id: string) => string): StorageNotice {
  const [folder, name] = report.file.includes('/') ? report.file.split('/') : ['', report.file];
  const title = titleOf(path.basename(name ?? '', '.json'));
  const perDocument: Record<string, string> = {
    documents: `The text of “${title}”`,
    annotations: `The highlights and notes of “${title}”`,
    analysis: `The actors and dates of “${title}”`,
  };
  const what =
    (folder === 'reviews' ? `Part of the review history (${report.file})` : undefined) ??
    (folder ? perDocument[folder] : FILE_NAMES[report.file]) ??
    `The file ${report.file}`;
  const outcome = report.restoredFrom
    ? `It was restored from ${describeBackup(report.restoredFrom)}; changes made after that backup are not in it.`
    : 'No backup held a good copy, so it starts again empty.';
  return {
    id: `recovered:${path.basename(report.movedTo)}`,
    message: `${what} could not be read and was moved aside to ${report.movedTo} (nothing was overwritten). ${outcome}`,
  };
}

/** The notice for a review log's torn last line: a grade being saved when Lectio stopped, never acknowledged. */
export function tornNotice(file: string, bytes: number): StorageNotice {
  return {
    id: `torn:${file}:${bytes}`,
    level: 'info',
    message: `Lectio stopped while saving a review: its unfinished last line (${bytes} bytes) was cut off ${file}. Every review that had been saved is kept.`,
  };
}

/** The stores' Recovery: good copies from the library's backups; announcements held until `deliverTo` is called. */
export class Announcements implements Recovery {
  readonly #early: RecoveryReport[] = [];
  #deliver: ((report: RecoveryReport) => void) | null = null;
  readonly #torn: StorageNotice[] = [];
  #deliverTorn: ((notice: StorageNotice) => void) | null = null;

  constructor(private readonly restoring: RestoreOptions) {}

  restore(relative: string): Promise<BackupManifest | null> {
    return restoreFromBackup(this.restoring, relative);
  }

  announce(report: RecoveryReport): void {
    if (this.#deliver) this.#deliver(report);
    else this.#early.push(report);
  }

  /** A torn last line of the review log, cut off: said as a notice (movedTo names what was cut), nothing restored. */
  announceTorn(file: string, bytes: number): void {
    this.#torn.push(tornNotice(file, bytes));
    if (this.#deliverTorn) for (const notice of this.#torn.splice(0)) this.#deliverTorn(notice);
  }

  /** From now on torn-line notices go to `deliver`, starting with those made so far. */
  deliverTornTo(deliver: (notice: StorageNotice) => void): void {
    this.#deliverTorn = deliver;
    for (const notice of this.#torn.splice(0)) deliver(notice);
  }

  /** From now on announcements go to `deliver`, starting with those made so far. */
  deliverTo(deliver: (report: RecoveryReport) => void): void {
    this.#deliver = deliver;
    for (const report of this.#early.splice(0)) deliver(report);
  }
}
