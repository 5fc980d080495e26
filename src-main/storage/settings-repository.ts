/**
 * The reader's preferences (`settings.json`): colour labels, review, reading and quiz settings, each read with the
 * defaults filling in what was never set. Changes go through `#write`, which saves them and reports them to the
 * change feed.
 */
import type { Low } from 'lowdb';
import type { ChangeFeed } from './change-feed';
import {
  DEFAULT_READING_SETTINGS,
  DEFAULT_REVIEW_SETTINGS,
  type FsrsParametersFile,
  type ReadingSettingsFile,
  type SettingsFile,
} from './file-schemas';

export interface ReviewSettingsValues {
  desiredRetention: number;
  newPerDay: number;
  dayStartsAt: number;
}

/** A change of settings: each part given replaces the stored one, except `review`, whose fields are merged in. */
export interface SettingsUpdate {
  colorLabels?: SettingsFile['colorLabels'];
  review?: SettingsFile['review'];
  reading?: ReadingSettingsFile;
  quiz?: { autoCardOnMiss: boolean };
}

export class SettingsRepository {
  constructor(
    /** Looked up on every call, never captured: restoring a backup replaces the settings file. */
    private readonly file: () => Low<SettingsFile>,
    private readonly feed: ChangeFeed,
  ) {}

  colorLabels(): SettingsFile['colorLabels'] {
    return { ...this.file().data.colorLabels };
  }

  review(): ReviewSettingsValues {
    return { ...DEFAULT_REVIEW_SETTINGS, ...this.file().data.review };
  }

  reading(): ReadingSettingsFile {
    return { ...DEFAULT_READING_SETTINGS, ...this.file().data.reading };
  }

  quiz(): { autoCardOnMiss: boolean } {
    return { autoCardOnMiss: this.file().data.quiz?.autoCardOnMiss ?? false };
  }

  /** The browser connector's pairing: the token's SHA-256 and when it was made, or null before any token. */
  connectorPairing(): { tokenHash: string; createdAt: string } | null {
    const pairing = this.file().data.connector;
    return pairing ? { ...pairing } : null;
  }

  /** Replaces the connector's pairing token (its hash): the old token stops working. */
  async setConnectorPairing(pairing: { tokenHash: string; createdAt: string }): Promise<void> {
    await this.#write((data) => {
      data.connector = { ...pairing };
    });
  }

  /** FSRS parameters optimised from the reader's reviews, or null for FSRS's defaults. */
  fsrsParameters(): FsrsParametersFile | null {
    const fsrs = this.file().data.fsrs;
    return fsrs ? structuredClone(fsrs) : null;
  }

  /** Keeps optimised parameters (the scheduler uses them from the next call on), or null to go back to the defaults. */
  async setFsrsParameters(fsrs: FsrsParametersFile | null): Promise<void> {
    await this.#write((data) => {
      if (fsrs) data.fsrs = structuredClone(fsrs);
      else delete data.fsrs;
    });
  }

  async update(change: SettingsUpdate): Promise<void> {
    await this.#write((data) => {
      if (change.colorLabels) data.colorLabels = { ...change.colorLabels };
      if (change.review) data.review = { ...data.review, ...change.review };
      if (change.reading) data.reading = { ...change.reading };
      if (change.quiz) data.quiz = { ...change.quiz };
    });
  }

  /** The one place settings.json is changed: saved, then reported. */
  async #write(change: (data: SettingsFile) => void): Promise<void> {
    await this.file().update(change);
    this.feed.emit([{ kind: 'settings', id: 'settings', documentId: null, op: 'put' }]);
  }
}
