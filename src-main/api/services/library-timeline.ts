/**
 * The library timeline part of the service: the date index (kept up to date by DateIndexer) joined with the document
 * list, the organisation and the reader's answers, in the reader's today (their time zone's calendar date).
 */
import { readerDayOf } from '../../core/cards/reader-day';
import { LectioError } from '../../core/errors';
import {
  mergeEvents,
  prepareTimeline,
  queryTimeline,
  type LibraryTimeline,
  type MergedEvent,
  type PreparedTimeline,
  type TimelineQuery,
} from '../../core/library/library-timeline';
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
  /**
   * What no query changes, kept while the index's generation is the same: its events merged and sorted, and (for the
   * same identities, `who`) prepared. An answer, a collection's members or a document's title are read on each query.
   */
  let merged: { generation: number; events: MergedEvent[] } | null = null;
  let prepared: { generation: number; who: TimelineActors; timeline: PreparedTimeline } | null = null;

  /** A calendar date, not a study day: the reader's date at midnight in their zone, with no rollover hour. */
  const today = () => readerDayOf({ zone: deps.options.zone ?? readerZone(), rolloverHour: 0 })(deps.now());

  async function build(query: TimelineQuery, limit: number): Promise<LibraryTimeline> {
    if (query.collection) storage.organisation.collection(query.collection);
    // Together: the actor index and the date index are read (the first time, checked) side by side.
    const [who, entries] = await Promise.all([actors(), indexer.entries()]);
    if (merged?.generation !== storage.dateIndex.generation)
      merged = { generation: storage.dateIndex.generation, events: mergeEvents(entries) };
    if (prepared?.generation !== merged.generation || prepared.who !== who)
      prepared = {
        generation: merged.generation,
        who,
        timeline: prepareTimeline(entries, who.keyOf, merged.events),
      };
    return queryTimeline(prepared.timeline, {
      documents: storage.documents.list(),
      organisation: storage.organisation.documents(),
      query,
      today: today(),
      answers: storage.eventAnswers.all(),
      limit,
      actorName: who.nameOf,
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
