/**
 * The screen states that outlive a screen, one each for the app, over the app's API client: the settings (the Settings
 * screen edits what every screen reads), the due count (the top bar, Review and Cards show the same figures) and the
 * quiz (so "Show in article" and back returns to the question where it was).
 */
import { api } from '../api.svelte';
import { DueCountsState } from './due-counts.svelte';
import { QuizState } from './quiz.svelte';
import { SettingsState } from './settings.svelte';
import { TodayState } from './today.svelte';

let settings: SettingsState | null = null;
let dueCounts: DueCountsState | null = null;
let quiz: QuizState | null = null;

export function settingsState(): SettingsState {
  settings ??= new SettingsState(api);
  return settings;
}

export function dueCountsState(): DueCountsState {
  dueCounts ??= new DueCountsState(api);
  return dueCounts;
}

export function quizState(): QuizState {
  quiz ??= new QuizState(api);
  return quiz;
}

let today: TodayState | null = null;

/** The Today screen's, kept for the app run: a part skipped stays skipped when the reader comes back. */
export function todayState(): TodayState {
  today ??= new TodayState(api, quizState(), dueCountsState(), () => settingsState().settings?.review.dayStartsAt ?? 4);
  return today;
}
