/**
 * The Reader's side of organising: the open document's tags, and its reading position, restored on opening and saved
 * as the reader scrolls (a moment after the scrolling stops) and on leaving.
 */
import type { DocumentOrganisation, LectioApi } from '@contract';
import { errorMessage } from '../api-client.svelte';
import { offsetInView, scrollProgress, scrollToOffset } from '../reading-position';

/** How long after the scrolling stops the position is saved. */
export const SAVE_AFTER_MS = 600;

/**
 * What the state asks of the article on screen: where the reader is in it, taking them to an offset, and the next
 * frame. The Reader's is the DOM's (`articlePage`); the unit tests give one that describes a page in numbers.
 */
export interface ArticlePage<Root> {
  /** The offset of the first text in view and how far down the article the window has reached; null when none is. */
  measure(root: Root): { offset: number; progress: number } | null;
  scrollTo(root: Root, offset: number): Promise<unknown>;
  nextFrame(callback: () => void): void;
}

/** The article in the Reader's window. */
export const articlePage: ArticlePage<HTMLElement> = {
  measure(root) {
    const offset = offsetInView(root);
    return offset === null ? null : { offset, progress: scrollProgress(root) };
  },
  scrollTo: scrollToOffset,
  nextFrame: (callback) => requestAnimationFrame(() => callback()),
};

export class ReadingPositionState<Root = HTMLElement> {
  org = $state<DocumentOrganisation | null>(null);
  error = $state<string | null>(null);
  /** Set once the saved position was applied (or there was none): saving before then would overwrite it with the top. */
  #ready = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saved: { offset: number; progress: number } | null = null;
  #latest: { offset: number; progress: number } | null = null;
  #measuring = false;

  constructor(
    private readonly api: LectioApi,
    private readonly id: string,
    private readonly page: ArticlePage<Root> = articlePage as unknown as ArticlePage<Root>,
  ) {}

  async load(): Promise<void> {
    try {
      this.org = await this.api.getDocumentOrganisation({ id: this.id });
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Takes the reader back to where they were, unless the Reader was opened at a passage (`skip`). */
  async restore(root: Root, skip: boolean): Promise<void> {
    const offset = this.org?.position?.offset;
    if (!skip && offset !== undefined && offset > 0) await this.page.scrollTo(root, offset);
    this.#ready = true;
    // A short article may fit the window: being open counts as having seen what is in view.
    this.scrolled(root);
  }

  /** Called on every scroll: notes where the reader is (once a frame) and saves it once they stop. */
  scrolled(root: Root): void {
    if (!this.#ready) return;
    // Every scroll puts the save back, also one that comes while the frame is awaited: it is saved once they stop.
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), SAVE_AFTER_MS);
    if (this.#measuring) return;
    this.#measuring = true;
    this.page.nextFrame(() => {
      this.#measuring = false;
      this.#latest = this.page.measure(root) ?? this.#latest;
    });
  }

  /** Saves the last position noted (also on leaving the Reader, when the article may be gone); nothing if unchanged. */
  async save(): Promise<void> {
    clearTimeout(this.#timer);
    const latest = this.#latest;
    if (!latest) return;
    if (this.#saved && this.#saved.offset === latest.offset && this.#saved.progress >= latest.progress) return;
    const before = this.#saved;
    this.#saved = latest;
    try {
      this.org = await this.api.saveReadingPosition({ id: this.id, ...latest });
      this.error = null;
    } catch (error) {
      // Not saved: the next save (on the next scroll, or on leaving) sends this position again.
      if (this.#saved === latest) this.#saved = before;
      this.error = errorMessage(error);
    }
  }

  async setTags(tags: string[]): Promise<boolean> {
    try {
      this.org = await this.api.setDocumentTags({ id: this.id, tags });
      this.error = null;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    }
  }
}
