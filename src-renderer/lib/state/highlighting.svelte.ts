/**
 * How a reader highlights, by mouse and by keyboard: the passage under the pointer or keyboard focus, the selection
 * toolbar, the active highlight, and the keys (↓/↑ or J/K move, H highlights, 1–5 colour, N note, Delete, Ctrl/Cmd+Z).
 * Highlighting is always an explicit act (a toolbar colour, a key, the margin's Highlight button): a plain click only
 * puts the focus on its sentence, since a click is also how people dismiss a selection or place the caret.
 */
import type { AnchoredHighlight } from '@contract';
import type { HighlightColor } from '@core/annotations/highlight';
import { passageAt, passageIndexFrom, snapToWords, type Passage } from '@core/passages';
import { offsetFromPoint, rangeFromOffsets, selectionToOffsets } from '../anchoring/text-map';
import { clearLayer, paintLayer } from '../paint';
import { firstLineTop, isPassageInView, passageIndexInView } from '../passage-view';
import { toolbarFor, type Toolbar } from '../toolbar-place';
import type { AnnotationsState } from './annotations.svelte';

const COLOR_KEYS = new Set(['1', '2', '3', '4', '5']);

/**
 * What the controller asks of the page around it, as calls: the Note button opens the note editor through `openNote`
 * (it was a `noteRequest` field that the Reader watched and reset), and the selection and clipboard are the page's.
 */
export interface HighlightHost {
  /** Opens the note editor of highlight `id` (the Reader shows it in the Highlights tab). */
  openNote(id: string): void;
  /** Clears the page's selection once it has become a highlight. */
  clearSelection(): void;
  /** Puts `text` on the clipboard; resolves whether or not the page allowed it. */
  copy(text: string): Promise<void>;
}

/** The browser's selection and clipboard, with the Reader's way to open a note. */
export function pageHost(openNote: (id: string) => void): HighlightHost {
  return {
    openNote,
    clearSelection: () => document.getSelection()?.removeAllRanges(),
    copy: async (text) => {
      await navigator.clipboard?.writeText(text).catch(() => undefined);
    },
  };
}

export class HighlightController {
  toolbar = $state<Toolbar | null>(null);
  activeId = $state<string | null>(null);
  focused = $state<Passage | null>(null);
  /** Where the focused sentence's first line is, in CSS pixels from the article text's top: the margin button's place. */
  gutterTop = $state<number | null>(null);
  announcement = $state('');
  #hovered: Passage | null = null;

  constructor(
    private readonly root: () => HTMLElement | undefined,
    private readonly annotations: AnnotationsState,
    private readonly passages: () => readonly Passage[],
    private readonly text: () => string,
    private readonly host: HighlightHost,
  ) {}

  /**
   * Paints every highlight by colour, plus the active one; called whenever highlights or the active one change. The
   * spans by colour are kept by the annotations, so a paint costs no pass over the highlights.
   */
  paint(): void {
    const root = this.root();
    if (!root) return;
    const started = performance.now();
    this.annotations.spansByColor.forEach((spans, i) =>
      paintLayer(root, `lectio-hl-${i + 1}`, spans, 2, { windowed: true }),
    );
    const activeId = this.activeId;
    const active = activeId === null ? null : this.annotations.byId(activeId)?.anchor;
    if (active) paintLayer(root, 'lectio-hl-active', [active], 3);
    else clearLayer('lectio-hl-active');
    // A user-timing entry (read by `npm run bench`, visible in DevTools' Performance panel); costs about a microsecond.
    performance.measure('lectio:paint-highlights', {
      start: started,
      detail: { count: this.annotations.highlights.length },
    });
  }

  /**
   * Where a click (no drag) landed, as a text offset. The browser already hit-tested the press and put the caret there
   * (a collapsed selection), so that is read instead of hit-testing the point again; where the press left no caret in
   * the article (an image, a selection kept for dragging), the point is hit-tested.
   */
  #clickOffset(root: HTMLElement, event: MouseEvent): number | null {
    const selection = document.getSelection();
    const caret = selection?.isCollapsed && selection.rangeCount > 0 ? selection.focusNode : null;
    const offset = caret && selection ? offsetFromPoint(root, caret, selection.focusOffset) : null;
    return offset ?? this.#offsetAt(event.clientX, event.clientY);
  }

  #offsetAt(x: number, y: number): number | null {
    const root = this.root();
    const caret = document.caretPositionFromPoint?.(x, y);
    if (!root || !caret || !root.contains(caret.offsetNode)) return null;
    return offsetFromPoint(root, caret.offsetNode, caret.offset);
  }

  #paintPassage(): void {
    const root = this.root();
    const shown = this.focused ?? this.#hovered;
    if (root && shown) paintLayer(root, 'lectio-passage', [shown], 1);
    else clearLayer('lectio-passage');
  }

  #placeGutter(): void {
    const root = this.root();
    this.gutterTop = root && this.focused ? firstLineTop(root, this.focused) : null;
  }

  /**
   * The pointer moved: the passage under it is found and drawn once per frame, just before the frame, not on every
   * event. Drawing at once would leave the page's style to update at the next hit test, so a click that follows a
   * move within a frame would pay for it before finding its highlight.
   */
  hover(event: MouseEvent): void {
    const first = this.#pointer === null;
    this.#pointer = { x: event.clientX, y: event.clientY };
    if (first) requestAnimationFrame(() => this.#hoverFrame());
  }

  #pointer: { x: number; y: number } | null = null;

  #hoverFrame(): void {
    const pointer = this.#pointer;
    this.#pointer = null;
    if (!pointer) return; // The pointer left before the frame.
    const offset = this.#offsetAt(pointer.x, pointer.y);
    const passage = offset === null ? null : passageAt(this.passages(), offset);
    if (passage?.start === this.#hovered?.start) return;
    this.#hovered = passage;
    this.#paintPassage();
  }

  leave(): void {
    this.#pointer = null;
    this.#hovered = null;
    this.#paintPassage();
  }

  #placeToolbar(start: number, end: number, highlightId: string | null): void {
    const root = this.root();
    const toolbar = root ? toolbarFor(root, start, end, highlightId) : null;
    if (toolbar) this.toolbar = toolbar;
  }

  /**
   * After a mouse press ends: a drag (or a double-click's word) selects, and the toolbar offers to highlight it; a
   * click on a highlight activates it; a click on other text focuses its sentence, from which ↓/↑, H and the margin's
   * Highlight button go on. No click makes a highlight by itself.
   */
  pointerUp(event: MouseEvent): Promise<void> {
    const root = this.root();
    if (!root || event.button !== 0) return Promise.resolve();
    // Where the press ended is read now (the selection and the caret change later); acting on it waits its turn in
    // the queue, behind keys pressed before it (an Escape must not undo a click that came after it).
    const selected = this.#selection();
    if (selected) {
      return this.#enqueue(() => {
        this.activeId = null;
        this.#placeToolbar(selected.start, selected.end, null);
      });
    }
    if ((event.target as Element | null)?.closest('a')) return Promise.resolve();
    const started = performance.now();
    const offset = this.#clickOffset(root, event);
    if (offset === null) return Promise.resolve();
    // Click on a highlight: the caret of the click, its canonical offset, the interval-index lookup (read by `npm run bench`).
    const found = this.annotations.at(offset)[0];
    performance.measure('lectio:highlight-lookup', { start: started, detail: { hit: found?.id ?? null } });
    return this.#enqueue(() => this.#clickAt(offset));
  }

  /** A click at `offset`, once earlier actions are done: focuses the sentence there, and selects the highlight there. */
  #clickAt(offset: number): void {
    this.focused = passageAt(this.passages(), offset);
    this.#paintPassage();
    this.#placeGutter();
    const hit = this.annotations.at(offset)[0];
    if (hit?.anchor) this.activate(hit);
    else this.dismiss();
  }

  /** True when the focused sentence is not yet highlighted as a whole: the margin's Highlight button then shows. */
  get focusedCanHighlight(): boolean {
    const focused = this.focused;
    if (!focused) return false;
    void this.annotations.highlights; // Re-read when highlights change (the index lookup below is not reactive).
    return !this.annotations
      .at(focused.start)
      .some((h) => h.anchor && h.anchor.start <= focused.start && h.anchor.end >= focused.end);
  }

  /** The margin's Highlight button: highlights the focused sentence in the first colour. */
  highlightFocused(): Promise<void> {
    return this.#enqueue(async () => {
      const focused = this.focused;
      if (focused) await this.#highlight(focused.start, focused.end, 1);
    });
  }

  /** Keeps the toolbar beside its text while the page scrolls, and the margin button beside its sentence on a resize. */
  reposition(): void {
    const target = this.toolbar;
    if (target) this.#placeToolbar(target.start, target.end, target.highlightId);
    this.#placeGutter();
  }

  activate(highlight: AnchoredHighlight): void {
    this.activeId = highlight.id;
    if (highlight.anchor) this.#placeToolbar(highlight.anchor.start, highlight.anchor.end, highlight.id);
    this.paint();
  }

  dismiss(): void {
    this.toolbar = null;
    this.activeId = null;
    this.paint();
  }

  async #highlight(start: number, end: number, color: HighlightColor): Promise<AnchoredHighlight | null> {
    const created = await this.annotations.create(start, end, color);
    this.host.clearSelection();
    if (created) this.activate(created);
    return created;
  }

  /** Applies a colour to the toolbar's target: recolours the active highlight, or highlights the selection. */
  async color(color: HighlightColor): Promise<void> {
    const target = this.toolbar;
    if (target?.highlightId) await this.annotations.update(target.highlightId, { color });
    else if (target) await this.#highlight(target.start, target.end, color);
    this.paint();
  }

  async note(): Promise<void> {
    const target = this.toolbar;
    if (!target) return;
    const id = target.highlightId ?? (await this.#highlight(target.start, target.end, 1))?.id;
    if (id) this.host.openNote(id);
  }

  async copy(): Promise<void> {
    const target = this.toolbar;
    if (target) await this.host.copy(this.text().slice(target.start, target.end));
    this.announcement = 'Copied';
  }

  async deleteActive(): Promise<void> {
    if (!this.activeId) return;
    await this.annotations.remove(this.activeId);
    this.dismiss();
  }

  /**
   * ↓/↑: the next or previous sentence from the focused one (clicked or reached with the keys) while it is on screen;
   * otherwise the first (↓) or last (↑) sentence the reader is looking at, rather than the article's first.
   */
  #move(step: 1 | -1): void {
    const passages = this.passages();
    const root = this.root();
    if (passages.length === 0 || !root) return;
    const focused = this.focused && isPassageInView(root, this.focused) ? this.focused : null;
    const next = focused
      ? passages[Math.max(0, Math.min(passages.length - 1, passageIndexFrom(passages, focused.start) + step))]
      : passages[passageIndexInView(root, passages, step === 1 ? 'first' : 'last')];
    if (!next) return;
    this.focused = next;
    this.#paintPassage();
    this.#placeGutter();
    const range = rangeFromOffsets(root, next.start, next.end);
    range?.startContainer.parentElement?.closest('[data-start]')?.scrollIntoView({ block: 'nearest' });
    this.announcement = this.text().slice(next.start, next.end);
    const hit = this.annotations.at(next.start)[0];
    if (hit) this.activate(hit);
    else {
      this.activeId = null;
      this.#placeToolbar(next.start, next.end, null);
      this.paint();
    }
  }

  /**
   * Keyboard handling for the reader. Decides at once whether the key is Lectio's (so the caller can prevent the
   * browser's default, which must happen during dispatch), then queues the work: keys pressed quickly act in order,
   * each on the result of the one before (H then 4 recolours the new highlight rather than making a second one).
   */
  key(event: KeyboardEvent): boolean {
    const target = event.target as HTMLElement | null;
    // Keys pressed in a modal dialog (search, shortcuts, a confirmation) are the dialog's: Escape must close it, and
    // the article behind it must not move or change.
    if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return false;
    const action = this.#actionFor(event);
    if (!action) return false;
    void this.#enqueue(action);
    return true;
  }

  #queue: Promise<void> = Promise.resolve();

  /** Runs `action` after every earlier action has finished; toolbar buttons and keys share this one queue. */
  #enqueue(action: () => Promise<void> | void): Promise<void> {
    this.#queue = this.#queue.then(action, action);
    return this.#queue;
  }

  /** The desktop menu's Undo, queued like a key press. */
  undo(): Promise<void> {
    return this.#enqueue(async () => {
      await this.annotations.undo();
      this.paint();
    });
  }

  /** Toolbar: a colour button. */
  chooseColor(color: HighlightColor): Promise<void> {
    return this.#enqueue(() => this.color(color));
  }

  /** Toolbar: the Note button. */
  chooseNote(): Promise<void> {
    return this.#enqueue(() => this.note());
  }

  /** Toolbar: the Delete button. */
  chooseDelete(): Promise<void> {
    return this.#enqueue(() => this.deleteActive());
  }

  #actionFor(event: KeyboardEvent): (() => Promise<void> | void) | null {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      return async () => {
        await this.annotations.undo();
        this.paint();
      };
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return null;
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') return () => this.#move(1);
    if (key === 'ArrowUp' || key === 'k') return () => this.#move(-1);
    if (key === 'Escape') return () => this.dismiss();
    if ((key === 'Delete' || key === 'Backspace') && this.activeId) return () => this.deleteActive();
    if (key === 'h' || COLOR_KEYS.has(key))
      return () => this.#colorKey(key === 'h' ? 1 : (Number(key) as HighlightColor));
    if (key === 'n') return () => this.note();
    return null;
  }

  /** The reader's selection inside the article, widened to whole words; null when there is none. */
  #selection(): Passage | null {
    const root = this.root();
    const selected = root ? selectionToOffsets(root, document.getSelection()) : null;
    return selected ? snapToWords(this.text(), selected.start, selected.end) : null;
  }

  async #colorKey(color: HighlightColor): Promise<void> {
    const selected = this.#selection();
    if (selected) this.#placeToolbar(selected.start, selected.end, null);
    else if (!this.toolbar && this.focused) this.#placeToolbar(this.focused.start, this.focused.end, null);
    await this.color(color);
  }
}
