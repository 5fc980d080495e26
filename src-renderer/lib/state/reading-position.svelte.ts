/**
 * The Reader's side of organising: the open document's tags, and its reading position, restored on opening and saved
 * as the reader scrolls (a moment after the scrolling stops) and on leaving.
 */
import type { DocumentOrganisation, LectioApi } from '@contract';
import { errorMessage } from '../api-client.svelte';
import { offsetInView, scrollProgress, scrollToOffset } from '../reading-position';

/** How long after the scrolling stops the position is saved. */
const SAVE_AFTER_MS = 600;

export class ReadingPositionState {
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
  ) {}

  async load(): Promise<void> {
    try {
      this.org = await this.api.getDocumentOrganisation({ id: this.id });
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Takes the reader back to where they were, unless the Reader was opened at a passage (`skip`). */
  async restore(root: HTMLElement, skip: boolean): Promise<void> {
    const offset = this.org?.position?.offset;
    if (!skip && offset !== undefined && offset > 0) await scrollToOffset(root, offset);
    this.#ready = true;
    // A short article may fit the window: being open counts as having seen what is in view.
    this.scrolled(root);
  }

  /** Called on every scroll: notes where the reader is (once a frame) and saves it once they stop. */
  scrolled(root: HTMLElement): void {
    if (!this.#ready || this.#measuring) return;
    this.#measuring = true;
    requestAnimationFrame(() => {
      this.#measuring = false;
      const offset = offsetInView(root);
      if (offset !== null) this.#latest = { offset, progress: scrollProgress(root) };
    });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), SAVE_AFTER_MS);
  }

  /** Saves the last position noted (also on leaving the Reader, when the article may be gone); nothing if unchanged. */
  async save(): Promise<void> {
    clearTimeout(this.#timer);
    const latest = this.#latest;
    if (!latest) return;
    if (this.#saved && this.#saved.offset === latest.offset && this.#saved.progress >= latest.progress) return;
    this.#saved = latest;
    try {
      this.org = await this.api.saveReadingPosition({ id: this.id, ...latest });
    } catch (error) {
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
