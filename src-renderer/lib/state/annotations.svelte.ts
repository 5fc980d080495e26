/**
 * The open document's highlights, notes and tags, saved through the API as they change, with an undo stack: each
 * change records its inverse, and Ctrl/Cmd+Z replays the last one.
 */
import type {
  AnchoredHighlight,
  AnnotationExportFormat,
  AnnotationImportReport,
  ColorLabelMap,
  ExportedFile,
  LectioApi,
  UpdateHighlightInput,
} from '@contract';
import { ExportTask } from './export-task.svelte';
import { InOrder } from './in-order';
import { TaskState } from './task-state.svelte';
import type { HighlightColor } from '@core/annotations/highlight';
import type { Anchored } from '@core/anchoring/anchor';
import { IntervalIndex, type IndexedRange } from '@core/anchoring/interval-index';
import { downloadFile } from '../download';
import { sortedSpans } from '../paint-window';

/** `key` names a run of saves of one field (an autosaved note): they share one undo, back to before the first. */
type Undo = { label: string; run: () => Promise<void>; key?: string };

export class AnnotationsState extends TaskState {
  /** Raw, not deeply proxied: every change replaces the array, and reading 5,000 through proxies was a quarter of a paint. */
  highlights = $state.raw<AnchoredHighlight[]>([]);
  documentNote = $state('');
  labels = $state<ColorLabelMap>({
    '1': 'Key point',
    '2': 'Actor',
    '3': 'Date or event',
    '4': 'Question',
    '5': 'Disagree',
  });
  /** What the last change was, for the status line ("Highlighted", "Undid: delete"). */
  status = $state('');
  /** How the last export or import went, for the Highlights panel ("Exported …", "Export cancelled"). */
  message = $state<string | null>(null);
  /** The export of these highlights while it runs: its progress and Cancel. */
  readonly exporting: ExportTask;
  #undo: Undo[] = [];
  readonly #changes = new InOrder();
  readonly index = new IntervalIndex();

  /** `download` saves an exported file (the browser's download by default). */
  constructor(
    private readonly api: LectioApi,
    readonly documentId: string,
    download: (file: ExportedFile) => void = downloadFile,
  ) {
    super();
    this.exporting = new ExportTask(api, 'highlights', download);
  }

  /** The highlights that anchor in the text, in reading order (kept with the index, rebuilt on every change). */
  get placed(): readonly AnchoredHighlight[] {
    return this.#placed;
  }

  #placed: readonly AnchoredHighlight[] = [];

  get orphans(): AnchoredHighlight[] {
    return this.highlights.filter((h) => h.anchor === null);
  }

  async load(): Promise<void> {
    await this.run(async () => {
      const [view, settings] = await Promise.all([
        this.api.getAnnotations({ documentId: this.documentId }),
        this.api.getSettings({}),
      ]);
      this.highlights = view.highlights;
      this.documentNote = view.documentNote;
      this.labels = settings.colorLabels;
      this.#reindex();
    });
  }

  /** Loads again after the changes already asked for (sync brought this article's highlights from another device). */
  reload(): Promise<void> {
    return this.#changes.run(() => this.load());
  }

  /** By id, through a map rebuilt with the index: a click's lookup must not scan 5,000 highlights. */
  byId(id: string): AnchoredHighlight | undefined {
    return this.#byId.get(id);
  }

  #byId = new Map<string, AnchoredHighlight>();

  /** Highlights containing a text offset, innermost first (through the interval index, not a scan). */
  at(offset: number): AnchoredHighlight[] {
    const found: AnchoredHighlight[] = [];
    for (const range of this.index.containing(offset)) {
      const highlight = this.#byId.get(range.id);
      if (highlight) found.push(highlight);
    }
    return found;
  }

  async create(start: number, end: number, color: HighlightColor): Promise<AnchoredHighlight | null> {
    return this.#changes.run(() => this.#create(start, end, color));
  }

  async #create(start: number, end: number, color: HighlightColor): Promise<AnchoredHighlight | null> {
    return this.run(async () => {
      const created = await this.api.createHighlight({ documentId: this.documentId, start, end, color });
      this.#set([...this.highlights, created]);
      this.#push('highlight', async () => this.#removeQuietly(created.id));
      this.status = `Highlighted as “${this.labels[String(color) as '1']}”`;
      return created;
    });
  }

  /** Saves a change to a highlight; resolves false (with `error` set) when it could not be saved. */
  async update(id: string, change: Omit<UpdateHighlightInput, 'documentId' | 'id'>): Promise<boolean> {
    return this.#changes.run(() => this.#update(id, change));
  }

  async #update(id: string, change: Omit<UpdateHighlightInput, 'documentId' | 'id'>): Promise<boolean> {
    const before = this.byId(id);
    if (!before) return false;
    const saved = await this.run(async () => {
      const updated = await this.api.updateHighlight({ documentId: this.documentId, id, ...change });
      this.#set(this.highlights.map((h) => (h.id === id ? updated : h)));
      const previous = { color: before.color, note: before.note, tags: [...before.tags] };
      // Changes of colour stay separate undos; a note typed in several saves is undone in one.
      const key = change.color === undefined ? `edit ${id}` : undefined;
      this.#push(
        'edit',
        async () => {
          const restored = await this.api.updateHighlight({ documentId: this.documentId, id, ...previous });
          this.#set(this.highlights.map((h) => (h.id === id ? restored : h)));
        },
        key,
      );
      this.status = 'Saved';
      return true;
    });
    return saved ?? false;
  }

  async remove(id: string): Promise<void> {
    return this.#changes.run(() => this.#remove(id));
  }

  async #remove(id: string): Promise<void> {
    await this.run(async () => {
      const removed = await this.api.deleteHighlight({ documentId: this.documentId, id });
      this.#set(this.highlights.filter((h) => h.id !== id));
      this.#push('delete', async () => {
        const restored = await this.api.restoreHighlight({ documentId: this.documentId, highlight: removed });
        this.#set([...this.highlights, restored]);
      });
      this.status = 'Highlight deleted (Ctrl+Z to undo)';
    });
  }

  /** Saves the note on the article; resolves false (with `error` set) when it could not be saved. */
  async setDocumentNote(note: string): Promise<boolean> {
    return this.#changes.run(() => this.#setDocumentNote(note));
  }

  async #setDocumentNote(note: string): Promise<boolean> {
    const previous = this.documentNote;
    if (note === previous) return true;
    const saved = await this.run(async () => {
      await this.api.setDocumentNote({ documentId: this.documentId, note });
      this.documentNote = note;
      this.#push(
        'document note',
        async () => {
          await this.api.setDocumentNote({ documentId: this.documentId, note: previous });
          this.documentNote = previous;
        },
        'document note',
      );
      this.status = 'Note saved';
      return true;
    });
    return saved ?? false;
  }

  /**
   * Imports Web Annotation JSON onto this document: only the annotations that name it (or whose passages are in its
   * text), and with `attachUnmatched` those naming no document of the library. The report says what was left out.
   */
  async importJson(content: string, attachUnmatched = false): Promise<AnnotationImportReport | null> {
    return this.run(async () => {
      const report = await this.api.importAnnotations({
        documentId: this.documentId,
        content,
        ...(attachUnmatched ? { attachUnmatched } : {}),
      });
      await this.load();
      return report;
    });
  }

  /** Imports the same file onto another document of the library, the one its annotations name. */
  async importInto(documentId: string, content: string): Promise<AnnotationImportReport | null> {
    return this.run(() => this.api.importAnnotations({ documentId, content }));
  }

  /** Exports the highlights (Markdown or Web Annotation JSON) and downloads the file; a failure sets `error`. */
  async exportAs(format: AnnotationExportFormat): Promise<void> {
    const outcome = await this.exporting.run(() => this.api.exportAnnotations({ documentId: this.documentId, format }));
    if (!outcome) return;
    this.error = 'error' in outcome ? outcome.error : null;
    if ('file' in outcome) this.message = `Exported ${outcome.file.fileName}`;
    else if ('cancelled' in outcome) this.message = 'Export cancelled';
  }

  /** Undoes the last change, after every change begun before this call has finished. */
  async undo(): Promise<void> {
    return this.#changes.run(() => this.#undoLast());
  }

  async #undoLast(): Promise<void> {
    const last = this.#undo.pop();
    if (!last) {
      this.status = 'Nothing to undo';
      return;
    }
    await this.run(async () => {
      await last.run();
      this.status = `Undid: ${last.label}`;
    });
  }

  async #removeQuietly(id: string): Promise<void> {
    await this.api.deleteHighlight({ documentId: this.documentId, id });
    this.#set(this.highlights.filter((h) => h.id !== id));
  }

  #push(label: string, run: () => Promise<void>, key?: string): void {
    // The undo already on top for this field goes back further than this one would.
    if (key !== undefined && this.#undo.at(-1)?.key === key) return;
    this.#undo.push({ label, run, key });
    if (this.#undo.length > 100) this.#undo.shift();
  }

  #set(highlights: AnchoredHighlight[]): void {
    this.highlights = highlights;
    this.#reindex();
  }

  /**
   * On every change (not on every paint, nor every click): the highlights by id, the placed ones in reading order,
   * their spans by colour in that order (the painter finds those near the view by binary search), and the interval
   * index.
   */
  #reindex(): void {
    this.#byId = new Map(this.highlights.map((h) => [h.id, h]));
    const placed = this.highlights
      .filter((h) => h.anchor !== null)
      .sort((a, b) => (a.anchor?.start ?? 0) - (b.anchor?.start ?? 0));
    const byColor: Anchored[][] = [[], [], [], [], []];
    const ranges: IndexedRange[] = [];
    for (const highlight of placed) {
      const anchor = highlight.anchor as Anchored;
      byColor[highlight.color - 1]?.push(anchor);
      ranges.push({ id: highlight.id, start: anchor.start, end: anchor.end });
    }
    this.#placed = placed;
    this.#spansByColor = byColor.map((spans) => sortedSpans(spans));
    this.index.reset(ranges);
  }

  #spansByColor: readonly (readonly Anchored[])[] = [[], [], [], [], []];

  /** The placed highlights' spans, by colour (index 0 is colour 1); new arrays after every change, never edited. */
  get spansByColor(): readonly (readonly Anchored[])[] {
    return this.#spansByColor;
  }
}
