/**
 * One timeline for the whole library or a collection, from the date index: every dated event in date order, the
 * same event reported by several articles shown once with all its sources, filtered by collection, actor and date
 * range. An event that was expected when it was written, whose dates have all passed by the reader's today and that
 * no article reports as done, is asked about: "did it happen?", with the reader's answer when given.
 */
import type { DocumentMeta } from '../model';
import type { DatePrecision, EventStatus } from '../extract/types';
import type { DocumentOrganisation } from './organisation';
import { eventWording, foldName, type DateIndexEntry, type IndexedEvent } from './date-index';
import { hasPassed } from './timex-period';

export type EventOutcome = 'happened' | 'did-not-happen' | 'unknown';

/** The reader's answer to "did it happen?" for one event (by its key), library-wide. */
export interface EventAnswer {
  outcome: EventOutcome;
  /** When it was given (ISO). */
  at: string;
}

export interface TimelineQuery {
  collection?: string | null;
  /** An actor's key (see TimelineActor): events naming that actor. */
  actor?: string | null;
  /** YYYY-MM-DD: events whose dates reach into [from, to]. */
  from?: string | null;
  to?: string | null;
  /** Only the events that ask "did it happen?" (answered or not). */
  toCheck?: boolean;
}

/** One article's report of an event. */
export interface TimelineSource {
  documentId: string;
  title: string;
  source: string;
  publishedDate: string | null;
  /** The date as this article writes it, and what it said of the event then. */
  text: string;
  status: EventStatus;
  event: string;
  start: number;
  end: number;
  eventStart: number;
  eventEnd: number;
}

export interface TimelineEvent {
  /** The date's value and the event's wording: the same in every article that reports it, and where answers are kept. */
  key: string;
  value: string;
  precision: DatePrecision;
  first: string;
  last: string;
  event: string;
  actors: string[];
  /** 'expected' when any source expected it and none reports it done; 'past' when one does. */
  status: EventStatus;
  /** Expected, and its dates have passed: the reader is asked whether it happened. */
  toCheck: boolean;
  answer: EventAnswer | null;
  sources: TimelineSource[];
}

export interface TimelineActor {
  /** Case and accents folded: "Macron" and "MACRON" are one actor. */
  key: string;
  /** The spelling most articles use. */
  name: string;
  events: number;
}

export interface LibraryTimeline {
  events: TimelineEvent[];
  /** Events matching the query, before `limit`. */
  total: number;
  /** Of those, the ones asking "did it happen?" with no answer yet. */
  unanswered: number;
  /** Actors of the events in the collection and date range (the actor filter's choices). */
  actors: TimelineActor[];
  /** Documents in scope with a date index entry, and the ids of those never analysed. */
  analysed: number;
  unanalysed: string[];
  /** The reader's today (YYYY-MM-DD) the flags were worked out against. */
  today: string;
}

export interface TimelineInput {
  entries: Iterable<DateIndexEntry>;
  /** The listed documents (not deleted). */
  documents: readonly DocumentMeta[];
  organisation: Readonly<Record<string, Readonly<DocumentOrganisation>>>;
  query: TimelineQuery;
  today: string;
  answers: Readonly<Record<string, EventAnswer>>;
  limit: number;
  /**
   * The actor key of a document's actor name: its cross-document identity where the service knows it, else (the
   * default) its folded name (see foldName).
   */
  actorKey?: (documentId: string, name: string) => string;
  /** The name an actor key is shown by (an identity's name); by default the spelling most events use. */
  actorName?: (key: string) => string | undefined;
  /** mergeEvents(entries), when the caller kept it from an earlier timeline over the same entries. */
  merged?: readonly MergedEvent[];
  /**
   * Each report's actor keys, filled as they are worked out: a caller that keeps it while the entries and `actorKey`
   * stay the same saves every later timeline the 150,000 lookups of a large library.
   */
  keyCache?: WeakMap<IndexedEvent, readonly string[]>;
}

/** The key answers and merging use: the date's value and the event's wording. */
export function eventKey(event: Pick<IndexedEvent, 'value' | 'event' | 'text'>): string {
  return `${event.value}|${eventWording(event)}`;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One event as every article reports it, before any filter: kept between timelines while the index is unchanged. */
export interface MergedEvent {
  key: string;
  value: string;
  precision: DatePrecision;
  first: string;
  last: string;
  event: string;
  reports: { documentId: string; item: IndexedEvent }[];
}

/**
 * Every current entry's events, the same event of several documents as one, in date order (first day, last day, then
 * key). The slow part of a timeline over a large library, so the service keeps it until the index changes.
 */
export function mergeEvents(entries: Iterable<DateIndexEntry>): MergedEvent[] {
  const merged = new Map<string, MergedEvent>();
  for (const entry of entries) {
    if (!entry.current) continue;
    for (const item of entry.events) {
      // A key made from a place (an event with no words of its own) is the document's alone.
      const key = item.key.includes('|@') ? `${item.key}:${entry.documentId}` : item.key;
      let found = merged.get(key);
      if (!found) {
        found = {
          key,
          value: item.value,
          precision: item.precision,
          first: item.first,
          last: item.last,
          event: item.event,
          reports: [],
        };
        merged.set(key, found);
      }
      // One report per document: an article that says it twice is one source.
      if (found.reports.at(-1)?.documentId !== entry.documentId)
        found.reports.push({ documentId: entry.documentId, item });
    }
  }
  return [...merged.values()].sort(
    (a, b) => byString(a.first, b.first) || byString(a.last, b.last) || byString(a.key, b.key),
  );
}

function inCollection(org: Readonly<DocumentOrganisation> | undefined, collection: string | null | undefined): boolean {
  return !collection || (org?.collections.includes(collection) ?? false);
}

/** Builds the timeline; the events come in date order (first day, then last day, then value and wording). */
export function libraryTimeline(input: TimelineInput): LibraryTimeline {
  const { query, today } = input;
  const folded = new Map<string, string>();
  const actorKey =
    input.actorKey ??
    ((_id: string, name: string) => {
      let key = folded.get(name);
      if (key === undefined) folded.set(name, (key = foldName(name)));
      return key;
    });
  const metas = new Map(
    input.documents
      .filter((meta) => inCollection(input.organisation[meta.id], query.collection))
      .map((meta) => [meta.id, meta]),
  );
  const indexed = new Set<string>();
  const entries = [...input.entries];
  for (const entry of entries) if (entry.current && metas.has(entry.documentId)) indexed.add(entry.documentId);
  const merged = input.merged ?? mergeEvents(entries);

  const actorCounts = new Map<string, { spellings: Map<string, number>; events: number }>();
  const events: TimelineEvent[] = [];
  let total = 0;
  let unanswered = 0;
  for (const candidate of merged) {
    if (query.from && candidate.last < query.from) continue;
    if (query.to && candidate.first > query.to) continue;
    // Most events have one report, in scope: the common case allocates nothing (this loop runs 150,000 times).
    const reports = candidate.reports.every((report) => indexed.has(report.documentId))
      ? candidate.reports
      : candidate.reports.filter((report) => indexed.has(report.documentId));
    if (reports.length === 0) continue;
    const keys: string[] = [];
    let past = false;
    let expected = false;
    for (const { documentId, item } of reports) {
      past ||= item.status === 'past';
      expected ||= item.status === 'expected';
      let akeys = input.keyCache?.get(item);
      if (!akeys) {
        akeys = item.actors.map((name) => actorKey(documentId, name));
        input.keyCache?.set(item, akeys);
      }
      for (const [i, name] of item.actors.entries()) {
        const akey = akeys[i]!;
        let counted = actorCounts.get(akey);
        if (!counted) actorCounts.set(akey, (counted = { spellings: new Map<string, number>(), events: 0 }));
        counted.spellings.set(name, (counted.spellings.get(name) ?? 0) + 1);
        if (!keys.includes(akey)) {
          keys.push(akey);
          counted.events++;
        }
      }
    }
    if (query.actor && !keys.includes(query.actor)) continue;
    const status: EventStatus = past ? 'past' : expected ? 'expected' : 'unknown';
    const toCheck = status === 'expected' && hasPassed(candidate, today);
    if (query.toCheck && !toCheck) continue;
    const answer = toCheck ? (input.answers[candidate.key] ?? null) : null;
    total++;
    if (toCheck && !answer) unanswered++;
    // Only the events shown are written out in full.
    if (events.length >= input.limit) continue;
    const spellings = new Map<string, Map<string, number>>();
    for (const { documentId, item } of reports)
      for (const name of item.actors) {
        const akey = actorKey(documentId, name);
        const counted = spellings.get(akey) ?? new Map<string, number>();
        counted.set(name, (counted.get(name) ?? 0) + 1);
        spellings.set(akey, counted);
      }
    const sources = reports.map(({ documentId, item }): TimelineSource => {
      const meta = metas.get(documentId) as DocumentMeta;
      return {
        documentId,
        title: meta.title,
        source: meta.siteName || meta.source,
        publishedDate: meta.publishedDate,
        text: item.text,
        status: item.status,
        event: item.event,
        start: item.start,
        end: item.end,
        eventStart: item.eventStart,
        eventEnd: item.eventEnd,
      };
    });
    sources.sort((a, b) => byString(a.publishedDate ?? '9999', b.publishedDate ?? '9999') || a.start - b.start);
    events.push({
      key: candidate.key,
      value: candidate.value,
      precision: candidate.precision,
      first: candidate.first,
      last: candidate.last,
      event: candidate.event,
      actors: [...spellings].map(([akey, names]) => input.actorName?.(akey) ?? mostUsed(names)),
      status,
      toCheck,
      answer,
      sources,
    });
  }
  const actors = [...actorCounts].map(([key, counted]) => ({
    key,
    name: input.actorName?.(key) ?? mostUsed(counted.spellings),
    events: counted.events,
  }));
  actors.sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  return {
    events,
    total,
    unanswered,
    actors,
    analysed: indexed.size,
    unanalysed: [...metas.keys()].filter((id) => !indexed.has(id)),
    today,
  };
}

function mostUsed(spellings: Map<string, number>): string {
  let best = '';
  let count = -1;
  // On a tie, the spelling that sorts first in the reader's collation ("France" before "FRANCE").
  for (const [name, n] of spellings)
    if (n > count || (n === count && name.localeCompare(best) < 0)) [best, count] = [name, n];
  return best;
}
