/**
 * The reader's preferences for the whole app: loaded once, applied to <html> (theme, font, text size, line width)
 * and saved through the API as they change.
 */
import type { LectioApi, Settings } from '@contract';
import { errorMessage } from '../api-client.svelte';

/** Where the reading preferences show: <html>'s data attributes and custom properties. */
export interface ReadingRoot {
  readonly dataset: DOMStringMap;
  readonly style: Pick<CSSStyleDeclaration, 'setProperty'>;
}

export class SettingsState {
  settings = $state<Settings | null>(null);
  error = $state<string | null>(null);
  saved = $state(false);

  /** `root` is the element the reading preferences apply to (the page's <html> by default). */
  constructor(
    private readonly api: LectioApi,
    private readonly root: () => ReadingRoot = () => document.documentElement,
  ) {}

  async load(): Promise<void> {
    try {
      this.settings = await this.api.getSettings({});
      this.apply();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** The saves still on their way: each is sent after the one before it has been answered. */
  #saving: Promise<unknown> = Promise.resolve();

  /**
   * Saves one part of the settings; returns false (with `error` set) when the API refuses it. Saves go one at a time,
   * in the order they were made: two quick changes (a slider moved twice) sent together could reach the service in
   * either order, and the older one would win.
   */
  save(change: Partial<Settings>): Promise<boolean> {
    this.#queued += 1;
    const saved = this.#saving.then(() => this.#save(change));
    this.#saving = saved;
    return saved;
  }

  #queued = 0;

  async #save(change: Partial<Settings>): Promise<boolean> {
    try {
      const answer = await this.api.updateSettings(change);
      // An answer to an older change is not shown while a newer one waits: the screen already shows the newer one.
      if (this.#queued === 1) {
        this.settings = answer;
        this.apply();
      }
      this.error = null;
      this.saved = true;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      // The screen showed the change before it was refused: show what is stored again.
      if (this.#queued === 1) await this.#reload();
      return false;
    } finally {
      this.#queued -= 1;
    }
  }

  async #reload(): Promise<void> {
    try {
      this.settings = await this.api.getSettings({});
      this.apply();
    } catch {
      // The error of the refused save is already shown.
    }
  }

  apply(): void {
    const reading = this.settings?.reading;
    if (!reading) return;
    const root = this.root();
    if (reading.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = reading.theme;
    root.dataset.font = reading.font;
    root.style.setProperty('--reading-size', `${reading.size}px`);
    root.style.setProperty('--measure', `${reading.width}ch`);
  }
}
