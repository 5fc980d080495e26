/**
 * Saves what the reader types as they type: a short pause after the last change, and at once when the field goes
 * away, the tab is hidden, or the page is reloaded or closed (and, in the desktop app, before its window closes: main
 * calls `flushAllDrafts` through `window.lectioFlushDrafts`). A note that saved only on blur was lost to a reload with
 * the cursor still in the box. One saver per field; every text field that edits stored data uses one.
 */

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/** A pause this long after the last keystroke saves: short enough to beat a reload, long enough not to save each key. */
export const AUTOSAVE_DELAY_MS = 400;

/** What a field's status line reads from its saver. */
export interface SaveProgress {
  readonly status: SaveStatus;
  readonly error: string | null;
}

/** The savers with a change not yet saved, whatever they save. */
const live = new Set<{ flush(): Promise<void> }>();

/** Saves every field's pending change now; resolves when all have been answered. */
export async function flushAllDrafts(): Promise<void> {
  await Promise.all([...live].map((saver) => saver.flush()));
}

declare global {
  interface Window {
    /** For the desktop app's main process, which calls it before the window closes (see electron/close-guard.ts). */
    lectioFlushDrafts?: () => Promise<void>;
  }
}

let listening = false;

function listenForLeaving(): void {
  if (listening) return;
  listening = true;
  window.lectioFlushDrafts = flushAllDrafts;
  // 'pagehide' and 'beforeunload' come on reload and close; 'visibilitychange' also when the tab is hidden, after
  // which a mobile or sleeping browser may discard the page without either.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAllDrafts();
  });
  window.addEventListener('pagehide', () => void flushAllDrafts());
  window.addEventListener('beforeunload', () => void flushAllDrafts());
}

export class AutoSave<T> implements SaveProgress {
  status = $state<SaveStatus>('idle');
  /** Why the last save failed, for the field's status line. */
  error = $state<string | null>(null);
  #pending: { value: T } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | null = null;
  #savedAny = false;

  /**
   * `save` stores a value and throws (or rejects) when it could not. `delay` null saves only on flush (the field's
   * blur, the page going away): for a field where each saved value does real work, such as renaming an actor, which
   * re-runs the analysis and would otherwise rename it to every prefix of the new name.
   */
  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly delay: number | null = AUTOSAVE_DELAY_MS,
  ) {}

  /** The field changed: saves `value` after a pause, unless another change comes first. */
  change(value: T): void {
    this.#pending = { value };
    this.status = 'pending';
    clearTimeout(this.#timer);
    if (this.delay !== null) this.#timer = setTimeout(() => void this.flush(), this.delay);
    live.add(this);
    listenForLeaving();
  }

  /** True while a change is waiting or being saved. */
  get busy(): boolean {
    return this.#pending !== null || this.#saving !== null;
  }

  /** Whether anything was saved since the field opened (a Cancel then has something to put back). */
  get savedAny(): boolean {
    return this.#savedAny;
  }

  /** Saves the pending change now, after any save under way (saves run in order); resolves when done. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    while (this.#saving || this.#pending) {
      if (this.#saving) {
        await this.#saving;
        continue;
      }
      const { value } = this.#pending as { value: T };
      this.#pending = null;
      this.#saving = this.#store(value);
      await this.#saving;
      this.#saving = null;
    }
    live.delete(this);
  }

  /** Drops a change not yet saved (the reader cancelled); a save under way still finishes. */
  async cancel(): Promise<void> {
    clearTimeout(this.#timer);
    this.#pending = null;
    if (this.#saving) await this.#saving;
    live.delete(this);
    if (this.status === 'pending') this.status = 'idle';
  }

  async #store(value: T): Promise<void> {
    this.status = 'saving';
    try {
      await this.save(value);
      this.#savedAny = true;
      this.error = null;
      if (!this.#pending) this.status = 'saved';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'failed';
    }
  }
}
