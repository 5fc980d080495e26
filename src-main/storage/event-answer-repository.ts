/**
 * The reader's answers to "did it happen?" on the library timeline (`event-answers.json`): one library-wide file, keyed
 * by the event's key (its date's value and wording), so an answer holds for every article that reports the event and
 * means the same on every device. A library from before the timeline has no such file: it opens empty and is written
 * on the first answer. Every change goes through `#write`, which saves and then reports it to the change feed.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import type { EventAnswer } from '../core/library/library-timeline';
import type { ChangeFeed } from './change-feed';
import { openStoreHoldingNewer, type NewerSchema } from './json-store';
import { openRecovering, type Recovery } from './recovery';

export const EVENT_ANSWERS_SCHEMA_VERSION = 1;
export const EVENT_ANSWERS_FILE = 'event-answers.json';

export interface EventAnswersFile {
  schemaVersion: number;
  answers: Record<string, EventAnswer>;
}

/** One answer, as the file holds it (and as sync checks one that arrives). */
export const eventAnswerSchema = z.object({
  outcome: z.enum(['happened', 'did-not-happen', 'unknown']),
  at: z.string(),
});

const eventAnswersFile = z.object({
  schemaVersion: z.literal(EVENT_ANSWERS_SCHEMA_VERSION),
  answers: z.record(z.string(), eventAnswerSchema),
});

export function isEventAnswersFile(data: unknown): data is EventAnswersFile {
  return eventAnswersFile.safeParse(data).success;
}

export class EventAnswerRepository {
  #db: Low<EventAnswersFile> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly feed: ChangeFeed,
    /** Restores and announces an unreadable file; without it a bad file is only moved aside. */
    private readonly recovery?: Recovery,
  ) {}

  /** Opens the file (a damaged one is moved aside and restored; a newer one held untouched); returns what is held. */
  async open(): Promise<NewerSchema | undefined> {
    const spec = {
      file: path.join(this.dataDir, EVENT_ANSWERS_FILE),
      schemaVersion: EVENT_ANSWERS_SCHEMA_VERSION,
      defaults: (): EventAnswersFile => ({ schemaVersion: EVENT_ANSWERS_SCHEMA_VERSION, answers: {} }),
      isValid: isEventAnswersFile,
    };
    const opened = await openStoreHoldingNewer(
      () => openRecovering<EventAnswersFile>(spec, EVENT_ANSWERS_FILE, this.recovery, this.now()),
      spec,
    );
    this.#db = opened.db;
    return opened.heldNewer;
  }

  get #file(): Low<EventAnswersFile> {
    if (!this.#db) throw new Error('The event answers file is not open');
    return this.#db;
  }

  /** Every answer, by event key (a copy). */
  all(): Record<string, EventAnswer> {
    return structuredClone(this.#file.data.answers);
  }

  /** Keeps the reader's answer for the event, replacing an earlier one. */
  async answer(key: string, answer: EventAnswer): Promise<void> {
    await this.#write(key, (data) => {
      data.answers[key] = { ...answer };
    });
  }

  /** The one place the file is changed: saved, then reported. */
  async #write(key: string, change: (data: EventAnswersFile) => void): Promise<void> {
    await this.#file.update(change);
    this.feed.emit([{ kind: 'event-answer', id: key, documentId: null, op: 'put' }]);
  }
}
