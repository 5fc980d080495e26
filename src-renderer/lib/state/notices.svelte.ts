/**
 * The notices in the notice bar (a file recovered, a backup restored). They are read when the app opens, and read
 * again shortly after other calls settle: a document's own files are checked on its first opening, not at start-up,
 * so a damaged one is found, recovered and announced in the middle of a session (the Reader opening it, a search).
 */
import type { LectioApi, MethodName, Notice } from '@contract';

/** Calls that cannot raise a notice: appInfo itself (which would loop), dismissing one, and progress polls. */
const isQuiet = (method: MethodName) =>
  method === 'appInfo' || method === 'dismissNotice' || method.endsWith('Progress');
/** How long calls must pause before the notices are read again: a burst of calls costs one read. */
const SETTLE_MS = 150;

export class NoticesState {
  notices = $state<Notice[]>([]);
  /** Dismissed here, so an answer already on its way when the reader dismissed one does not bring it back. */
  readonly #dismissed = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** `onCallSettled` is the client's hook for answered calls (api.svelte.ts's), the cue to read the notices again. */
  constructor(
    private readonly api: LectioApi,
    private readonly onCallSettled: (listener: (method: MethodName) => void) => () => void,
    private readonly settleMs = SETTLE_MS,
  ) {}

  async refresh(): Promise<void> {
    try {
      const { notices } = await this.api.appInfo({});
      this.notices = notices.filter((notice) => !this.#dismissed.has(notice.id));
    } catch {
      // Notices are a courtesy: a failed read keeps the ones shown, and the next call tries again.
    }
  }

  /** Reads the notices now and again after calls settle, until the returned function is called (an effect's cleanup). */
  watch(): () => void {
    void this.refresh();
    const stop = this.onCallSettled((method) => {
      if (isQuiet(method)) return;
      if (this.#timer !== null) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#timer = null;
        void this.refresh();
      }, this.settleMs);
    });
    return () => {
      stop();
      if (this.#timer !== null) clearTimeout(this.#timer);
    };
  }

  async dismiss(id: string): Promise<void> {
    this.#dismissed.add(id);
    this.notices = this.notices.filter((notice) => notice.id !== id);
    try {
      await this.api.dismissNotice({ id });
    } catch {
      // Dismissed here for this session (the App does not wait for it: this was an unhandled rejection); one the
      // library did not hear of is shown again at the next start.
    }
  }
}
