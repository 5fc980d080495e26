/**
 * One timeline for the whole library or a collection, from the date index: every dated event in date order, the
 * same event reported by several articles shown once with all its sources, filtered by collection, actor and date
 * range. An event that was expected when it was written, whose dates have all passed by the reader's today and that
 * no article reports as done, is asked about: "did it happen?", with the reader's answer when given.
 *
 * Built in two steps (timeline-prepared.ts): what no filter changes is prepared once per state of the index, and each
 * query is one quick pass over it. `libraryTimeline` does both, for a caller that keeps nothing.
 */
import { eventWording, type IndexedEvent } from './date-index';
import { prepareTimeline, queryTimeline } from './timeline-prepared';
import type { LibraryTimeline, TimelineInput } from './timeline-types';

export type {
  EventAnswer,
  EventOutcome,
  LibraryTimeline,
  MergedEvent,
  TimelineActor,
  TimelineEvent,
  TimelineInput,
  TimelineQuery,
  TimelineRequest,
  TimelineSource,
} from './timeline-types';
export { mergeEvents, prepareTimeline, queryTimeline, type PreparedTimeline } from './timeline-prepared';

/** The key answers and merging use: the date's value and the event's wording. */
export function eventKey(event: Pick<IndexedEvent, 'value' | 'event' | 'text'>): string {
  return `${event.value}|${eventWording(event)}`;
}

/** Builds the timeline; the events come in date order (first day, then last day, then value and wording). */
export function libraryTimeline(input: TimelineInput): LibraryTimeline {
  const entries = [...input.entries];
  return queryTimeline(prepareTimeline(entries, input.actorKey), input);
}
