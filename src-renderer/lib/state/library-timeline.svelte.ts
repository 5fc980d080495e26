/**
 * The Library timeline screen's state: the filters (collection, actor, date range, only "did it happen?"), the
 * events the service returns for them, the reader's answers, and finding the dates of articles never analysed (each
 * is analysed as the Reader would, one at a time, with Stop).
 */
import type { Collection, EventOutcome, LectioApi, LibraryTimeline, TimelineQuery } from '@contract';
import { errorMessage } from '../api-client.svelte';
import { TaskState } from './task-state.svelte';

/** Events asked for at a time; "Show more" asks for this many more. */
export const TIMELINE_PAGE = 300;

export type TimelineFilters = Required<{ [K in keyof TimelineQuery]: NonNullable<TimelineQuery[K]> | null }>;

const NO_FILTERS: TimelineFilters = { collection: null, actor: null, from: null, to: null, toCheck: null };

export class LibraryTimelineState extends TaskState {
  filters = $state.raw<TimelineFilters>(NO_FILTERS);
  timeline = $state.raw<LibraryTimeline | null>(null);
  collections = $state.raw<Collection[]>([]);
  limit = $state(TIMELINE_PAGE);
  /** While the dates of unanalysed articles are being found: how many of how many. */
  analysing = $state<{ done: number; total: number } | null>(null);
  /** The event whose answer is being saved, and why the last answer failed (shown beside that event). */
  answering = $state<string | null>(null);
  answerError = $state<{ key: string; message: string } | null>(null);
  #request = 0;
  #stop = false;

  readonly collection = $derived(this.collections.find((c) => c.id === this.filters.collection) ?? null);
  readonly filtered = $derived(
    Boolean(this.filters.actor || this.filters.from || this.filters.to || this.filters.toCheck),
  );

  constructor(
    private readonly api: LectioApi,
    collection: string | null = null,
  ) {
    super();
    this.filters = { ...NO_FILTERS, collection };
  }

  async load(): Promise<void> {
    const request = ++this.#request;
    const query: TimelineQuery & { limit: number } = { limit: this.limit };
    for (const [key, value] of Object.entries(this.filters)) if (value) Object.assign(query, { [key]: value });
    const loaded = await this.run(async () => {
      const [timeline, organisation] = await Promise.all([
        this.api.getLibraryTimeline(query),
        this.api.getOrganisation({}),
      ]);
      return { timeline, collections: organisation.collections };
    });
    // An answer to an older request (the reader changed a filter meanwhile) is dropped.
    if (!loaded || request !== this.#request) return;
    this.timeline = loaded.timeline;
    this.collections = loaded.collections;
  }

  /** Changes some filters and loads again from the first page. A date range the wrong way round is refused here. */
  async filter(change: Partial<TimelineFilters>): Promise<void> {
    const next = { ...this.filters, ...change };
    if (next.from && next.to && next.from > next.to) {
      this.error = 'The range must start before it ends.';
      return;
    }
    this.filters = next;
    this.limit = TIMELINE_PAGE;
    await this.load();
  }

  async clearFilters(): Promise<void> {
    await this.filter({ actor: null, from: null, to: null, toCheck: null });
  }

  async showMore(): Promise<void> {
    this.limit += TIMELINE_PAGE;
    await this.load();
  }

  /** Saves the reader's answer to "did it happen?"; the event shows it at once, and the counts follow. */
  async answer(key: string, outcome: EventOutcome): Promise<void> {
    this.answering = key;
    try {
      const saved = await this.api.answerTimelineEvent({ key, outcome });
      this.answerError = null;
      const timeline = this.timeline;
      if (timeline) {
        const events = timeline.events.map((event) =>
          event.key === key ? { ...event, answer: { outcome: saved.outcome, at: saved.at } } : event,
        );
        const unanswered = events.filter((event) => event.toCheck && !event.answer).length;
        this.timeline = { ...timeline, events, unanswered: Math.min(timeline.unanswered, unanswered) };
      }
    } catch (error) {
      this.answerError = { key, message: errorMessage(error) };
    } finally {
      this.answering = null;
    }
  }

  /** Analyses the articles in view that never were, one at a time (as opening each in the Reader would), then reloads. */
  async analyseRest(): Promise<void> {
    const ids = this.timeline?.unanalysed ?? [];
    if (ids.length === 0 || this.analysing) return;
    this.#stop = false;
    this.analysing = { done: 0, total: ids.length };
    try {
      let done = 0;
      for (const id of ids) {
        if (this.#stop) break;
        if ((await this.run(() => this.api.getAnalysis({ id }))) === null) break;
        this.analysing = { done: ++done, total: ids.length };
      }
    } finally {
      this.analysing = null;
    }
    await this.load();
  }

  /** Stops finding dates after the article under way. */
  stopAnalysing(): void {
    this.#stop = true;
  }
}
