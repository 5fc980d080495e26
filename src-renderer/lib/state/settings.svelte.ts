/**
 * The reader's preferences for the whole app: loaded once, applied to <html> (theme, font, text size, line width)
 * and saved through the API as they change.
 */
import type { Settings } from '../../../src-main/api/contract';
import { api, errorMessage } from '../api.svelte';

export class SettingsState {
  settings = $state<Settings | null>(null);
  error = $state<string | null>(null);
  saved = $state(false);

  async load(): Promise<void> {
    try {
      this.settings = await api.getSettings({});
      this.apply();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Saves one part of the settings; returns false (with `error` set) when the API refuses it. */
  async save(change: Partial<Settings>): Promise<boolean> {
    try {
      this.settings = await api.updateSettings(change);
      this.apply();
      this.error = null;
      this.saved = true;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    }
  }

  apply(): void {
    const reading = this.settings?.reading;
    if (!reading) return;
    const root = document.documentElement;
    if (reading.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = reading.theme;
    root.dataset.font = reading.font;
    root.style.setProperty('--reading-size', `${reading.size}px`);
    root.style.setProperty('--measure', `${reading.width}ch`);
  }
}

let shared: SettingsState | null = null;

/** One settings state for the app: the Settings screen edits what every screen reads. */
export function settingsState(): SettingsState {
  shared ??= new SettingsState();
  return shared;
}
