/**
 * The library's date index: for each analysed document, its dated events as the Reader's Timeline shows them (the
 * engine's dates with the reader's corrections applied), kept so the library timeline reads one small index rather
 * than every document's analysis. Only dates with a place on the calendar are kept (not "for ten years", nor a date
 * whose year is unknown). Pure: the service builds entries, storage keeps them.
 */
import type { DateMention, DatePrecision, EventStatus } from '../extract/types';
import { periodOf } from './timex-period';

/** One dated event of one document. Offsets are in the document's canonical text. */
export interface IndexedEvent {
  /** The date as written, and where. */
  text: string;
  start: number;
  end: number;
  value: string;
  precision: DatePrecision;
  /** The clause the date dates, and where (the Reader opens there). */
  event: string;
  eventStart: number;
  eventEnd: number;
  /** Actors named in the clause, as the document names them. */
  actors: string[];
  status: EventStatus;
  /** Worked out once as the entry is built, not on every timeline: the date's days, and the event's key (eventKey). */
  first: string;
  last: string;
  key: string;
}

export interface DateIndexEntry {
  documentId: string;
  /** What the entry was built from (the files' stamps, from storage): a different stamp means rebuild it. */
  stamp: string;
  /**
   * False when the stored analysis was made for another published date (or text) than the document has now: its dates
   * are not shown until the Reader analyses it again.
   */
  current: boolean;
  events: IndexedEvent[];
}

/** The document's dated events, in text order. */
export function indexedEvents(dates: readonly DateMention[]): IndexedEvent[] {
  const events: IndexedEvent[] = [];
  for (const date of dates) {
    const period = date.precision === 'duration' ? null : periodOf(date.value);
    if (!period) continue;
    const wording = eventWording(date);
    events.push({
      text: date.text,
      start: date.start,
      end: date.end,
      value: date.value,
      precision: date.precision,
      event: date.event,
      eventStart: date.eventSpan.start,
      eventEnd: date.eventSpan.end,
      actors: [...date.actors],
      status: date.status,
      first: period.first,
      last: period.last,
      // An event with no words of its own ("in 2024.") is keyed by its place, so it is never merged with another.
      key: wording ? `${date.value}|${wording}` : `${date.value}|@${date.start}`,
    });
  }
  return events.sort((a, b) => a.start - b.start);
}

/** Lower case without accents: "Élysée" and "elysee" are one name. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * What an event says, for telling whether two articles report the same one: the clause without the date as written
 * (so "on 12 June" and "on June 12" do not matter), folded, words only. Two events are merged only when this and the
 * date's value are equal, which keeps "A beat B" and "B beat A" apart.
 */
export function eventWording(event: Pick<IndexedEvent, 'event' | 'text'>): string {
  const without = event.text ? event.event.split(event.text).join(' ') : event.event;
  return foldName(without)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The bucket (of `count`) a document's entry is kept in: FNV-1a of its id, so each write rewrites one small file. */
export function bucketOf(documentId: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < documentId.length; i++) {
    hash ^= documentId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}
