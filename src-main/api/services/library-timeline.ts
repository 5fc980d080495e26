/**
 * The library timeline part of the service: the date index (kept up to date by DateIndexer) joined with the document
 * list, the organisation and the reader's answers, in the reader's today (their time zone's calendar date).
 */
import { readerDayOf } from '../../core/cards/reader-day';
import { LectioError } from '../../core/errors';
import {
  libraryTimeline,
  mergeEvents,
  type LibraryTimeline,
  type MergedEvent,
  type TimelineQuery,
} from '../../core/library/library-timeline';
import type { IndexedEvent } from '../../core/library/date-index';
import type { LectioApi } from '../contract';
import { DateIndexer } from './date-indexer';
import { timelineActors, type TimelineActors } from './timeline-actors';
import { readerZone, type ServiceDeps } from './deps';

type TimelineMethods = Pick<LectioApi, 'getLibraryTimeline' | 'answerTimelineEvent'>;

const DEFAULT_LIMIT = 300;

export function timelineMethods(deps: ServiceDeps): TimelineMethods {
  const { storage } = deps;
  const indexer = new DateIndexer(storage);
  const actors = timelineActors(storage);
  let merged: { generation: number; events: MergedEvent[] } | null = null;
  /** The reports' actor keys, for the same index and the same identities (`who`). */
  let keys: { generation: number; who: TimelineActors; cache: WeakMap<IndexedEvent, readonly string[]> } | null = null;

  /** A calendar date, not a study day: the reader's date at midnight in their zone, with no rollover hour. */
  const today = () => readerDayOf({ zone: deps.options.zone ?? readerZone(), rolloverHour: 0 })(deps.now());

  async function build(query: TimelineQuery, limit: number): Promise<LibraryTimeline> {
    if (query.collection) storage.organisation.collection(query.collection);
    const who = await actors();
    const entries = await indexer.entries();
    if (merged?.generation !== storage.dateIndex.generation)
      merged = { generation: storage.dateIndex.generation, events: mergeEvents(entries) };
    if (keys?.generation !== merged.generation || keys.who !== who)
      keys = { generation: merged.generation, who, cache: new WeakMap() };
    return libraryTimeline({
      entries,
      merged: merged.events,
      documents: storage.documents.list(),
      organisation: storage.organisation.documents(),
      query,
      today: today(),
      answers: storage.eventAnswers.all(),
      limit,
      actorKey: who.keyOf,
      actorName: who.nameOf,
      keyCache: keys.cache,
    });
  }

  return {
    async getLibraryTimeline({ limit, ...query }) {
      return build(query, limit ?? DEFAULT_LIMIT);
    },

    async answerTimelineEvent({ key, outcome }) {
      const asking = await build({ toCheck: true }, Number.MAX_SAFE_INTEGER);
      if (!asking.events.some((event) => event.key === key))
        throw new LectioError(
          'invalid-argument',
          'That event is not one whose date has passed while it was still expected, so there is nothing to answer.',
        );
      const at = deps.now().toISOString();
      await storage.eventAnswers.answer(key, { outcome, at });
      return { key, outcome, at };
    },
  };
}
