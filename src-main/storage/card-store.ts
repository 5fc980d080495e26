/**
 * The flashcards on disk: `cards.json` holds what a card says (a lowdb file, changed when the reader writes or edits),
 * `reviews/` holds the review log (review-segments.ts: append-only JSON Lines segments, one record appended per grade).
 * A card's schedule is the `next` state of its latest review, so studying never rewrites the content file, and undoing
 * a grade is dropping its record. Both are read on first use (`ready`), not when the library opens: neither the Library
 * nor the Reader needs them. `ready` reads cards.json card by card and keeps each card's summary (card-file-scan.ts);
 * the cards' content is loaded whole only by `contentReady` (the card list, edits, exports, sync), and studying reads
 * just the cards it shows (`readCards`). Each card's schedule and the last days of the log come from the card schedule index
 * (card-schedule-index.ts), brought up to date from the log's tail; the whole log is read (streamed, segment by
 * segment) only when something needs every record (statistics, the optimiser, an export, sync). An old single-file
 * `reviews.json` is converted on the first opening (review-log-migration.ts).
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import type { ReviewRecord, StoredCard } from '../core/cards/card';
import { isLectioError } from '../core/errors';
import { CARDS_SCHEMA_VERSION, isCardsFile, type CardsFile } from './card-file-schemas';
import { moveAside } from './json-store';
import { readCardsAt, scanCardsFile, summaryOf, type CardSummary } from './card-file-scan';
import { markVerified } from './verified-files';
import { openRecovering, type Recovery } from './recovery';
import {
  RECENT_MS,
  addToIndex,
  catchUpFrom,
  emptyIndex,
  latestOf,
  readScheduleIndex,
  recentTail,
  stampOf,
  writeScheduleIndex,
  type LatestReview,
  type ScheduleIndex,
} from './card-schedule-index';
import { LEGACY_REVIEWS_FILE, migrateLegacyLog } from './review-log-migration';
import {
  REVIEWS_FOLDER,
  SEGMENT_CAP,
  SegmentLog,
  positionKey,
  type LogPosition,
  type TailRepair,
} from './review-segments';

/** How long after a grade the schedule index is saved (grades in a burst share one save; a crash only delays it). */
const INDEX_SAVE_DELAY_MS = 2000;

export class CardStore {
  /** What cards.json says, whole: loaded only for what needs every card's content (`contentReady`). */
  #cards: Low<CardsFile> | null = null;
  /** Every card's summary, in the file's order: enough for the schedules, the queue's order and the due counts. */
  #summaries = new Map<string, CardSummary>();
  #contentOpening: Promise<void> | null = null;
  #log: SegmentLog;
  #index: ScheduleIndex = emptyIndex();
  /** The whole log, in log order, with each record's position; null until `logReady`. */
  #all: ReviewRecord[] | null = null;
  #positions = new Map<string, LogPosition>();
  #opening: Promise<void> | null = null;
  #logOpening: Promise<void> | null = null;
  #isReady = false;
  /** Every change of the log and every save of the index, one at a time (an index is stamped with no append under way). */
  #serial: Promise<unknown> = Promise.resolve();
  #indexTimer: ReturnType<typeof setTimeout> | null = null;
  /** How many times the whole log was streamed (to build the index, or for `logReady`): tests check it is not. */
  fullLogReads = 0;
  /** How many times cards.json was loaded whole (tests check the due counts and the review queue do not). */
  contentLoads = 0;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
    /** Restores and announces an unreadable file; without it a bad file is only moved aside (tests). */
    private readonly recovery?: Recovery,
    private readonly segmentCap = SEGMENT_CAP,
  ) {
    this.#log = new SegmentLog(this.reviewsFolder, segmentCap);
  }

  get cardsFile(): string {
    return path.join(this.dataDir, 'cards.json');
  }

  /** The old single-file log, converted to `reviewsFolder` on opening. */
  get reviewsFile(): string {
    return path.join(this.dataDir, LEGACY_REVIEWS_FILE);
  }

  get reviewsFolder(): string {
    return path.join(this.dataDir, REVIEWS_FOLDER);
  }

  /** The segmented log (tests and backups read it). */
  get log(): SegmentLog {
    return this.#log;
  }

  /** Opens both files once, on first use; concurrent callers share the opening, and a failed one is tried again. */
  ready(): Promise<void> {
    if (!this.#opening) {
      const opening = this.#read();
      this.#opening = opening;
      opening.catch(() => {
        if (this.#opening === opening) this.#opening = null;
      });
    }
    return this.#opening;
  }

  /** True once `ready` (or `open`) has been called: the files are open, or being opened. */
  get isOpening(): boolean {
    return this.#opening !== null;
  }

  /** True when the files are open and nothing is reading them again: callers may skip awaiting `ready`. */
  get isReady(): boolean {
    return this.#isReady;
  }

  /** Reads both files again now (after a restore); throws the 'newer-schema' error and I/O errors as they come. */
  open(): Promise<void> {
    this.#opening = null;
    this.#isReady = false;
    return this.ready();
  }

  /** Loads every card's content too (the card list, exports, imports, edits, sync); once, after `ready`. */
  async contentReady(): Promise<void> {
    await this.ready();
    if (!this.#contentOpening) {
      const opening = this.#loadContent();
      this.#contentOpening = opening;
      opening.catch(() => {
        if (this.#contentOpening === opening) this.#contentOpening = null;
      });
    }
    await this.#contentOpening;
  }

  /** True when every card's content is in memory: callers may skip awaiting `contentReady`. */
  get isContentReady(): boolean {
    return this.#isReady && this.#cards !== null;
  }

  /** Opens cards.json whole, through the recovering path (a damaged file is moved aside and restored). */
  async #openContent(): Promise<void> {
    const cards = await openRecovering<CardsFile>(
      {
        file: this.cardsFile,
        schemaVersion: CARDS_SCHEMA_VERSION,
        defaults: () => ({ schemaVersion: CARDS_SCHEMA_VERSION, cards: [] }),
        isValid: isCardsFile,
      },
      'cards.json',
      this.recovery,
      this.now(),
    );
    this.contentLoads++;
    this.#cards = cards.db;
    this.#summaries = new Map(cards.db.data.cards.map((card) => [card.id, summaryOf(card)]));
  }

  async #loadContent(): Promise<void> {
    if (this.#cards) return;
    await this.#openContent();
  }

  /**
   * Reads each card's summary from cards.json card by card (card-file-scan.ts); a file that cannot be read so (missing,
   * damaged, another version) is opened whole instead, which recovers, upgrades or refuses it as every data file is.
   */
  async #openSummaries(): Promise<void> {
    this.#cards = null;
    this.#contentOpening = null;
    const summaries = await scanCardsFile(this.cardsFile);
    if (!summaries) return this.#openContent();
    this.#summaries = new Map(summaries.map((summary) => [summary.id, summary]));
    // Checked card by card, as a whole load checks it: a backup may copy it without parsing it again.
    await markVerified(this.cardsFile);
  }

  /**
   * Reads the cards; converts an old `reviews.json`; cuts a torn last line; reads the schedule index and brings it up
   * to date from the log's tail (or builds it again, streaming the log, when it is missing or stale).
   */
  async #read(): Promise<void> {
    await this.#serial.catch(() => undefined);
    await this.#openSummaries();
    this.#all = null;
    this.#positions = new Map();
    this.#logOpening = null;
    this.#log = new SegmentLog(this.reviewsFolder, this.segmentCap);
    const since = this.#recentSince();
    const built = emptyIndex();
    const migrated = await this.#migrate((record, at) => addToIndex(built, record, at, since));
    for (const cut of await this.#repairTail()) this.#announceTorn(cut.file, cut.bytes);
    const saved = migrated === null ? await readScheduleIndex(this.dataDir) : null;
    const from = saved ? await catchUpFrom(saved.stamp, this.#log) : null;
    const added = migrated === null && saved && from ? await this.#catchUp(saved.index, from, since) : -1;
    if (migrated !== null) this.#index = built;
    else if (added === 0) {
      this.#isReady = true;
      return;
    } else if (added < 0) {
      await this.#streamRecovering(() => {
        const index = emptyIndex();
        this.#index = index;
        return (record, at) => addToIndex(index, record, at, since);
      });
    }
    await this.#saveIndex();
    this.#isReady = true;
  }

  /**
   * Adds the records appended after the index was saved (its stamp's end) and makes it the store's index; returns how
   * many were added, or -1 (the index is then built again) when the tail cannot be read.
   */
  async #catchUp(index: ScheduleIndex, from: LogPosition | 'start', since: number): Promise<number> {
    let added = 0;
    try {
      for await (const { record, at } of this.#log.records(from === 'start' ? undefined : from, new Set())) {
        addToIndex(index, record, at, since);
        added++;
      }
    } catch (error) {
      if (!isLectioError(error, 'corrupt-file')) throw error;
      return -1;
    }
    index.recent = recentTail(index.recent, since);
    this.#index = index;
    return added;
  }

  /** Converts `reviews.json`; a damaged one is moved aside and the newest backup's good copy converted instead. */
  async #migrate(onReview: (record: ReviewRecord, at: LogPosition) => void): Promise<number | null> {
    try {
      return await migrateLegacyLog(this.dataDir, onReview, this.segmentCap);
    } catch (error) {
      if (!isLectioError(error, 'corrupt-file')) throw error;
      const movedTo = await moveAside(this.reviewsFile, this.now());
      const restoredFrom = (await this.recovery?.restore(LEGACY_REVIEWS_FILE)) ?? null;
      this.recovery?.announce({ file: LEGACY_REVIEWS_FILE, movedTo, restoredFrom });
      return restoredFrom ? migrateLegacyLog(this.dataDir, onReview, this.segmentCap) : null;
    }
  }

  /** Checks the open segment and cuts a torn last line; a damaged one is restored from a backup, then checked again. */
  async #repairTail(): Promise<TailRepair[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#log.repairTail();
      } catch (error) {
        if (attempt > 3 || !(await this.#recoverSegment(error))) throw error;
      }
    }
  }

  /** Moves a damaged log file aside, puts the newest backup's copy in its place and announces it; false: not one. */
  async #recoverSegment(error: unknown): Promise<boolean> {
    const file = isLectioError(error, 'corrupt-file') ? (error.details as { file?: string }).file : undefined;
    if (!file || path.dirname(file) !== this.reviewsFolder) return false;
    const relative = `${REVIEWS_FOLDER}/${path.basename(file)}`;
    const movedTo = await moveAside(file, this.now());
    const restoredFrom = (await this.recovery?.restore(relative)) ?? null;
    this.recovery?.announce({ file: relative, movedTo, restoredFrom });
    return true;
  }

  #announceTorn(file: string, bytes: number): void {
    this.recovery?.announceTorn?.(file, bytes);
  }

  /**
   * Streams every live record to the visitor `start` returns; a damaged segment is moved aside, replaced by the newest
   * backup's copy (sealed segments are shared by the backups) and announced, and the stream starts again with a fresh
   * visitor (`start` is called once per attempt, so the caller begins from scratch).
   */
  async #streamRecovering(start: () => (record: ReviewRecord, at: LogPosition) => void): Promise<void> {
    this.fullLogReads++;
    for (let attempt = 0; ; attempt++) {
      const visit = start();
      try {
        const dropped = await this.#log.dropped();
        for await (const entry of this.#log.records(undefined, dropped)) visit(entry.record, entry.at);
        return;
      } catch (error) {
        if (attempt > 3 || !(await this.#recoverSegment(error))) throw error;
      }
    }
  }

  /** True once the whole review log has been read (tests: the schedules and recent reviews do not need it). */
  get isLogOpen(): boolean {
    return this.#all !== null;
  }

  /** Reads the whole log into memory (streamed), for the callers that need every record; once. */
  async logReady(): Promise<void> {
    await this.ready();
    if (!this.#logOpening) {
      const opening = this.#loadAll();
      this.#logOpening = opening;
      opening.catch(() => {
        if (this.#logOpening === opening) this.#logOpening = null;
      });
    }
    await this.#logOpening;
  }

  async #loadAll(): Promise<void> {
    await this.#serial.catch(() => undefined);
    let all: ReviewRecord[] = [];
    let positions = new Map<string, LogPosition>();
    await this.#streamRecovering(() => {
      all = [];
      positions = new Map();
      return (record, at) => {
        all.push(record);
        positions.set(record.id, at);
      };
    });
    this.#all = all;
    this.#positions = positions;
  }

  #recentSince(): number {
    return this.now().getTime() - RECENT_MS;
  }

  async #saveIndex(): Promise<void> {
    await this.#log.settled();
    await writeScheduleIndex(this.dataDir, await stampOf(this.#log), this.#index);
  }

  /** Saves the schedule index soon (grades), so a burst of grades costs one save. */
  #saveIndexSoon(): void {
    if (this.#indexTimer) return;
    this.#indexTimer = setTimeout(() => {
      this.#indexTimer = null;
      void this.#run(() => this.#saveIndex()).catch(() => undefined);
    }, INDEX_SAVE_DELAY_MS);
    this.#indexTimer.unref?.();
  }

  /** Resolves once every change so far is on disk, the schedule index included (tests, closing). */
  async settled(): Promise<void> {
    if (this.#indexTimer) {
      clearTimeout(this.#indexTimer);
      this.#indexTimer = null;
      await this.#run(() => this.#saveIndex());
    }
    await this.#serial.catch(() => undefined);
  }

  #run<T>(change: () => Promise<T>): Promise<T> {
    const run = this.#serial.then(change);
    this.#serial = run.catch(() => undefined);
    return run;
  }

  /** Every card's content: only after `contentReady`. */
  get cards(): readonly StoredCard[] {
    return this.#cardsDb().data.cards;
  }

  /** Every card's summary, in the order they were made; after `ready`, without loading their content. */
  summaries(): IterableIterator<CardSummary> {
    return this.#summaries.values();
  }

  get cardCount(): number {
    return this.#summaries.size;
  }

  findSummary(id: string): CardSummary | undefined {
    return this.#summaries.get(id);
  }

  /** The cards `ids` (unknown ones left out), reading just their text unless every card is loaded already. */
  async readCards(ids: readonly string[]): Promise<StoredCard[]> {
    await this.ready();
    const wanted = ids.map((id) => this.#summaries.get(id)).filter((summary) => summary !== undefined);
    if (!this.#cards) {
      const read = await readCardsAt(this.cardsFile, wanted).catch(() => null);
      if (read) return read;
      // Not where the scan found it (the file changed beneath us): load it whole, which checks and recovers it.
      await this.contentReady();
    }
    const byId = new Map(this.cards.map((card) => [card.id, card]));
    return wanted.map((summary) => byId.get(summary.id)).filter((card) => card !== undefined);
  }

  /** The whole log: only after `logReady`. */
  get reviews(): readonly ReviewRecord[] {
    if (!this.#all) throw new Error('The review log was used before it was opened (await logReady() first).');
    return this.#all;
  }

  /** The log's records of the last days (at least RECENT_MS back), in log order: enough for today's counts. */
  get recentReviews(): readonly ReviewRecord[] {
    return this.#index.recent;
  }

  /** A card's content: only after `contentReady` (see `readCards`). */
  findCard(id: string): StoredCard | undefined {
    return this.#summaries.has(id) ? this.cards.find((card) => card.id === id) : undefined;
  }

  latestReview(cardId: string): LatestReview | undefined {
    return this.#index.latest.get(cardId);
  }

  /** The record `id` when it is its card's latest (what an undo may remove), without reading the log. */
  findLatest(id: string): LatestReview | undefined {
    for (const review of this.#index.latest.values()) if (review.id === id) return review;
    return undefined;
  }

  /** Replaces the card list with `change(cards)` and saves cards.json. */
  async updateCards(change: (cards: StoredCard[]) => StoredCard[]): Promise<void> {
    await this.contentReady();
    await this.#cardsDb().update((data) => {
      data.cards = change(data.cards);
      // Content stays loaded from now on, so the summaries need no position in the file.
      this.#summaries = new Map(data.cards.map((card) => [card.id, summaryOf(card)]));
    });
  }

  /** Appends a grade's record to the log (one line, flushed before this resolves). */
  async appendReview(record: ReviewRecord): Promise<void> {
    await this.ready();
    await this.#run(async () => {
      const [at] = await this.#log.append([record]);
      if (!at) return;
      this.#index.latest.set(record.cardId, latestOf(record));
      this.#index.latestAt.set(record.cardId, at);
      this.#index.recent = [...recentTail(this.#index.recent, this.#recentSince()), record];
      if (this.#all) {
        this.#all.push(record);
        this.#positions.set(record.id, at);
      }
    });
    this.#saveIndexSoon();
  }

  /** Removes one record (undo); the card's schedule falls back to its previous review. Returns false if absent. */
  async removeReview(id: string): Promise<boolean> {
    await this.ready();
    return this.#run(async () => {
      const found = await this.#locate(id);
      if (!found) return false;
      const { record, at } = found;
      await this.#log.drop([at]);
      if (this.#all) {
        const index = this.#all.findIndex((review) => review.id === id);
        if (index >= 0) this.#all.splice(index, 1);
        this.#positions.delete(id);
      }
      if (this.#index.latest.get(record.cardId)?.id === id) {
        const earlier = await this.#latestOf(record.cardId);
        if (earlier) {
          this.#index.latest.set(record.cardId, latestOf(earlier.record));
          this.#index.latestAt.set(record.cardId, earlier.at);
        } else {
          this.#index.latest.delete(record.cardId);
          this.#index.latestAt.delete(record.cardId);
        }
      }
      this.#index.recent = this.#index.recent.filter((review) => review.id !== id);
      await this.#saveIndex();
      return true;
    });
  }

  /** Where record `id` lies: a card's latest from the index, else from the loaded log, else by reading the log. */
  async #locate(id: string): Promise<{ record: LatestReview; at: LogPosition } | null> {
    const latest = this.findLatest(id);
    const at = latest && this.#index.latestAt.get(latest.cardId);
    if (latest && at) return { record: latest, at };
    if (this.#all) {
      const record = this.#all.find((review) => review.id === id);
      const position = this.#positions.get(id);
      return record && position ? { record, at: position } : null;
    }
    for await (const entry of this.#log.records()) if (entry.record.id === id) return entry;
    return null;
  }

  /** The card's latest live record, reading the segments from the newest back (an undo usually stops at the first). */
  async #latestOf(cardId: string): Promise<{ record: ReviewRecord; at: LogPosition } | null> {
    if (this.#all) {
      const record = this.#all.findLast((review) => review.cardId === cardId);
      const at = record && this.#positions.get(record.id);
      return record && at ? { record, at } : null;
    }
    const dropped = await this.#log.dropped();
    for (const name of (await this.#log.segments()).reverse()) {
      let found: { record: ReviewRecord; at: LogPosition } | null = null;
      for await (const entry of this.#log.segmentRecords(name, dropped))
        if (entry.record.cardId === cardId) found = entry;
      if (found) return found;
    }
    return null;
  }

  /**
   * Replaces the review logs of some cards by `logs` (each card's records in replay order): sync's merge of logs from
   * several devices. Their old records are dropped and the new ones appended; other cards' records are untouched.
   * Needs the whole log (`logReady`), as sync reads it.
   */
  async replaceReviewLogs(logs: ReadonlyMap<string, readonly ReviewRecord[]>): Promise<void> {
    await this.logReady();
    await this.#run(async () => {
      const all = this.#all as ReviewRecord[];
      const old = all.filter((review) => logs.has(review.cardId));
      await this.#log.drop(old.map((review) => this.#positions.get(review.id)).filter((at) => at !== undefined));
      const fresh = [...logs.values()].flat();
      const positions = await this.#log.append(fresh);
      const kept = all.filter((review) => !logs.has(review.cardId));
      for (const review of old) this.#positions.delete(review.id);
      fresh.forEach((review, i) => this.#positions.set(review.id, positions[i] as LogPosition));
      this.#all = [...kept, ...fresh];
      for (const [cardId, log] of logs) {
        const last = log.at(-1);
        const at = last && this.#positions.get(last.id);
        if (last && at) {
          this.#index.latest.set(cardId, latestOf(last));
          this.#index.latestAt.set(cardId, at);
        } else {
          this.#index.latest.delete(cardId);
          this.#index.latestAt.delete(cardId);
        }
      }
      this.#index.recent = recentTail(this.#all, this.#recentSince());
      await this.#saveIndex();
    });
  }

  #cardsDb(): Low<CardsFile> {
    if (!this.#cards) throw new Error('The card store was used before it was opened (await ready() first).');
    return this.#cards;
  }
}

/** The key of a record's position (tests). */
export { positionKey };
