/** The settings part of the API contract: colour labels, scheduling, reading and quiz preferences. */
import type { ReviewSettings } from './cards';
import type { Empty } from './common';

export type ColorLabelMap = Record<'1' | '2' | '3' | '4' | '5', string>;

export interface Settings {
  colorLabels: ColorLabelMap;
  /** Scheduling: stored in settings.json, absent in files older than the cards feature (defaults apply). */
  review: ReviewSettings;
  reading: ReadingSettings;
  quiz: { autoCardOnMiss: boolean };
}

/** What updateSettings takes: any part; in `review`, a day start left out keeps the one set. */
export type SettingsChange = Partial<Omit<Settings, 'review'>> & {
  review?: Omit<ReviewSettings, 'dayStartsAt'> & { dayStartsAt?: number };
};

export interface ReadingSettings {
  theme: 'system' | 'light' | 'dark' | 'sepia';
  font: 'serif' | 'sans';
  /** Body text size in pixels. */
  size: number;
  /** Line width in characters. */
  width: number;
}

export interface SettingsMethods {
  getSettings: { input: Empty; output: Settings };
  updateSettings: { input: SettingsChange; output: Settings };
}
