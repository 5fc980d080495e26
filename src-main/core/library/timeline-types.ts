/** The library timeline's shapes: its query, what it answers, and what it is built from (see library-timeline.ts). */
import type { DocumentMeta } from '../model';
import type { DatePrecision, EventStatus } from '../extract/types';
import type { DocumentOrganisation } from './organisation';
import type { DateIndexEntry, IndexedEvent } from './date-index';

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

/** What names an event: its date and wording, the same in every article that reports it. */
export interface EventIdentity {
  /** The date's value and the event's wording: the same in every article that reports it, and where answers are kept. */
  key: string;
  value: string;
  precision: DatePrecision;
  first: string;
  last: string;
  event: string;
}

export interface TimelineEvent extends EventIdentity {
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

/** What one timeline is asked with, beside the events it is built from. */
export interface TimelineRequest {
  /** The listed documents (not deleted). */
  documents: readonly DocumentMeta[];
  organisation: Readonly<Record<string, Readonly<DocumentOrganisation>>>;
  query: TimelineQuery;
  today: string;
  answers: Readonly<Record<string, EventAnswer>>;
  limit: number;
  /** The name an actor key is shown by (an identity's name); by default the spelling most events use. */
  actorName?: (key: string) => string | undefined;
}

export interface TimelineInput extends TimelineRequest {
  entries: Iterable<DateIndexEntry>;
  /**
   * The actor key of a document's actor name: its cross-document identity where the service knows it, else (the
   * default) its folded name (see foldName).
   */
  actorKey?: (documentId: string, name: string) => string;
}

/** One event as every article reports it, before any filter: kept between timelines while the index is unchanged. */
export interface MergedEvent extends EventIdentity {
  reports: { documentId: string; item: IndexedEvent }[];
}
