/**
 * The Cards screen's state: every card with its schedule, the browser's filters, the edits (each with an undo: a
 * delete restores the card, schedule and all), new cards by hand, Anki export and import, statistics and the
 * scheduling settings.
 */
import type {
  CardImportReport,
  CardStatsView,
  CardView,
  ColorLabelMap,
  CreateCardInput,
  ExportedFile,
  LectioApi,
  ReviewSettings,
  StoredCard,
  UpdateCardInput,
} from '@contract';
import { InOrder } from './in-order';
import { TaskState } from './task-state.svelte';
import type { HighlightColor } from '@core/annotations/highlight';
import type { DueCountsState } from './due-counts.svelte';
import { ExportTask } from './export-task.svelte';
import { downloadFile } from '../download';

export type DueFilter = 'all' | 'due' | 'new' | 'learning' | 'scheduled' | 'suspended';

export interface CardFilters {
  query: string;
  documentId: string;
  tag: string;
  color: HighlightColor | null;
  due: DueFilter;
}

/** `key` names a run of saves of one card's text (typed and autosaved): they share one undo, back to before the first. */
type Undo = { label: string; run: () => Promise<void>; key?: string };

// "Due" is what the review queue holds now (the service's count, `dueNow`), not a second reckoning with this page's
// clock: the filter, the Cards heading, the Review screen and the top bar then always agree.
function dueState(view: CardView, dueNow: ReadonlySet<string>): Exclude<DueFilter, 'all'> {
  if (view.card.suspended) return 'suspended';
  if (view.schedule.state === 'New') return 'new';
  if (dueNow.has(view.card.id)) return 'due';
  return view.schedule.state === 'Review' ? 'scheduled' : 'learning';
}

export function matches(view: CardView, filters: CardFilters, dueNow: ReadonlySet<string>): boolean {
  const q = filters.query.trim().toLowerCase();
  const { card } = view;
  return (
    (!q ||
      card.front.toLowerCase().includes(q) ||
      card.back.toLowerCase().includes(q) ||
      card.tags.some((t) => t.toLowerCase().includes(q)) ||
      (view.source?.passage.toLowerCase().includes(q) ?? false)) &&
    (!filters.documentId ||
      (filters.documentId === '-' ? view.source === null : view.source?.documentId === filters.documentId)) &&
    (!filters.tag || card.tags.includes(filters.tag)) &&
    (filters.color === null || card.color === filters.color) &&
    (filters.due === 'all' || dueState(view, dueNow) === filters.due)
  );
}

export class CardsState extends TaskState {
  // Raw: 20,000 cards, each replaced whole on a change, would otherwise each get a deep proxy.
  cards = $state.raw<CardView[]>([]);
  stats = $state<CardStatsView | null>(null);
  settings = $state<ReviewSettings | null>(null);
  /** What each highlight colour means to this reader, for the colour filter. */
  labels = $state<ColorLabelMap | null>(null);
  filters = $state<CardFilters>({ query: '', documentId: '', tag: '', color: null, due: 'all' });
  loading = $state(true);
  /** What the last change was, shown with an Undo button when it can be undone. */
  status = $state('');
  canUndo = $state(false);
  /** The Anki export while it runs: its progress and Cancel. */
  readonly exporting: ExportTask;
  #undo: Undo[] = [];
  readonly #changes = new InOrder();

  /** `dueCounts` is the app's one due count, which the statistics keep current; `download` saves an exported file. */
  constructor(
    private readonly api: LectioApi,
    private readonly dueCounts: DueCountsState,
    download: (file: ExportedFile) => void = downloadFile,
  ) {
    super();
    this.exporting = new ExportTask(api, 'cards', download);
  }

  get documents(): { id: string; title: string }[] {
    const seen = new Map<string, string>();
    for (const view of this.cards)
      if (view.source) seen.set(view.source.documentId, view.source.documentTitle ?? 'A deleted article');
    return [...seen].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title));
  }

  get tags(): string[] {
    return [...new Set(this.cards.flatMap((view) => view.card.tags))].sort();
  }

  get shown(): CardView[] {
    const dueNow = this.dueCounts.dueIds;
    return this.cards
      .filter((view) => matches(view, this.filters, dueNow))
      .sort((a, b) => a.schedule.due.localeCompare(b.schedule.due) || a.card.createdAt.localeCompare(b.card.createdAt));
  }

  async load(): Promise<void> {
    this.loading = true;
    await this.run(async () => {
      const [cards, stats, settings] = await Promise.all([
        this.api.listCards({}),
        this.api.getCardStats({}),
        this.api.getSettings({}),
      ]);
      this.cards = cards;
      this.stats = stats;
      this.dueCounts.set(stats.now);
      this.settings = settings.review;
      this.labels = settings.colorLabels;
    });
    this.loading = false;
  }

  async create(input: CreateCardInput): Promise<boolean> {
    return this.#changes.run(() => this.#create(input));
  }

  async #create(input: CreateCardInput): Promise<boolean> {
    const made = await this.run(async () => {
      const view = await this.api.createCard(input);
      this.cards = [...this.cards, view];
      this.#push('new card', async () => {
        await this.api.deleteCard({ id: view.card.id });
        this.cards = this.cards.filter((c) => c.card.id !== view.card.id);
      });
      this.status = 'Card added';
      return true;
    });
    await this.#refreshStats();
    return made ?? false;
  }

  async update(id: string, change: Omit<UpdateCardInput, 'id'>, label = 'edit'): Promise<boolean> {
    return this.#changes.run(() => this.#update(id, change, label));
  }

  async #update(id: string, change: Omit<UpdateCardInput, 'id'>, label = 'edit'): Promise<boolean> {
    const before = this.cards.find((view) => view.card.id === id)?.card;
    if (!before) return false;
    const done = await this.run(async () => {
      this.#replace(await this.api.updateCard({ id, ...change }));
      this.#push(
        label,
        async () => {
          this.#replace(
            await this.api.updateCard({
              id,
              front: before.front,
              back: before.back,
              tags: before.tags,
              suspended: before.suspended,
            }),
          );
        },
        label === 'edit' ? `edit ${id}` : undefined,
      );
      this.status = label === 'suspend' ? 'Card suspended' : label === 'unsuspend' ? 'Card unsuspended' : 'Card saved';
      return true;
    });
    await this.#refreshStats();
    return done ?? false;
  }

  async remove(id: string): Promise<void> {
    return this.#changes.run(() => this.#remove(id));
  }

  async #remove(id: string): Promise<void> {
    await this.run(async () => {
      const removed: StoredCard = await this.api.deleteCard({ id });
      this.cards = this.cards.filter((view) => view.card.id !== id);
      this.#push('delete', async () => {
        this.cards = [...this.cards, await this.api.restoreCard({ card: removed })];
      });
      this.status = 'Card deleted';
    });
    await this.#refreshStats();
  }

  async undo(): Promise<void> {
    return this.#changes.run(() => this.#undoLast());
  }

  async #undoLast(): Promise<void> {
    const last = this.#undo.pop();
    this.canUndo = this.#undo.length > 0;
    if (!last) return;
    await this.run(async () => {
      await last.run();
      this.status = `Undid: ${last.label}`;
    });
    await this.#refreshStats();
  }

  async exportAnki(): Promise<void> {
    const documentId = this.filters.documentId && this.filters.documentId !== '-' ? this.filters.documentId : undefined;
    const outcome = await this.exporting.run(() => this.api.exportCards(documentId ? { documentId } : {}));
    if (!outcome) return;
    this.error = 'error' in outcome ? outcome.error : null;
    if ('file' in outcome) this.status = `Exported ${outcome.file.fileName}: in Anki, File › Import`;
    else if ('cancelled' in outcome) this.status = 'Export cancelled';
  }

  /** The cards (those of the document the filter shows, else all) as an Anki package, downloaded. */
  async exportApkg(): Promise<void> {
    const documentId = this.filters.documentId && this.filters.documentId !== '-' ? this.filters.documentId : undefined;
    const outcome = await this.exporting.run(() => this.api.exportApkg(documentId ? { documentId } : {}));
    if (!outcome) return;
    this.error = 'error' in outcome ? outcome.error : null;
    if ('file' in outcome)
      this.status = `Exported ${outcome.file.fileName}: in Anki, File › Import (a newer export updates the same notes)`;
    else if ('cancelled' in outcome) this.status = 'Export cancelled';
  }

  async importAnki(content: string): Promise<CardImportReport | null> {
    const report = await this.run(() => this.api.importCards({ content }));
    if (report) {
      await this.load();
      const errors = report.errors.length
        ? `; ${report.errors.length} skipped: ${report.errors.slice(0, 3).join(' ')}`
        : '';
      this.status = `Imported: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged${errors}`;
    }
    return report;
  }

  async saveSettings(review: ReviewSettings): Promise<void> {
    await this.run(async () => {
      this.settings = (await this.api.updateSettings({ review })).review;
      this.status = 'Scheduling settings saved';
    });
    await this.#refreshStats();
  }

  #replace(view: CardView): void {
    this.cards = this.cards.map((c) => (c.card.id === view.card.id ? view : c));
  }

  #push(label: string, run: () => Promise<void>, key?: string): void {
    // The undo already on top for this card's text goes back further than this one would.
    if (key !== undefined && this.#undo.at(-1)?.key === key) return;
    this.#undo.push({ label, run, key });
    if (this.#undo.length > 50) this.#undo.shift();
    this.canUndo = true;
  }

  async #refreshStats(): Promise<void> {
    try {
      this.stats = await this.api.getCardStats({});
      this.dueCounts.set(this.stats.now);
    } catch {
      // The statistics are a summary; a failed refresh leaves the last ones, and the next change tries again.
    }
  }
}
