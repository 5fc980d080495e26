/**
 * The library timeline part of the API contract (issue #20, part 3): every dated event across the library or a
 * collection, filtered by actor and date range, with "did it happen?" for expected events whose date has passed.
 */
import type { EventOutcome, LibraryTimeline, TimelineQuery } from '../../core/library/library-timeline';

export type {
  EventAnswer,
  EventOutcome,
  LibraryTimeline,
  TimelineActor,
  TimelineEvent,
  TimelineQuery,
  TimelineSource,
} from '../../core/library/library-timeline';

export interface LibraryTimelineInput extends TimelineQuery {
  /** At most this many events (the first in date order); the total is always given. 300 when absent. */
  limit?: number;
}

export interface TimelineMethods {
  /** Reads the library's date index (brought up to date first), never every document's analysis. */
  getLibraryTimeline: { input: LibraryTimelineInput; output: LibraryTimeline };
  /**
   * The reader's answer to "did it happen?" for one event (by key), kept for every article reporting it. Throws an
   * 'invalid-argument' error for a key that names no event asking it.
   */
  answerTimelineEvent: {
    input: { key: string; outcome: EventOutcome };
    output: { key: string; outcome: EventOutcome; at: string };
  };
}
