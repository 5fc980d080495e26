/** The settings part of the service: the reader's preferences, kept in `settings.json`. */
import { DEFAULT_READING_SETTINGS, DEFAULT_REVIEW_SETTINGS } from '../../storage/file-schemas';
import type { LectioApi, Settings } from '../contract';
import type { ServiceDeps } from './deps';

type SettingsMethods = Pick<LectioApi, 'getSettings' | 'updateSettings'>;

export function settingsMethods(deps: ServiceDeps): SettingsMethods {
  // Looked up on every call, never captured: restoring a backup replaces the settings store.
  const settings = () => deps.storage.settings;
  const view = (): Settings => ({
    colorLabels: { ...settings().data.colorLabels },
    review: { ...DEFAULT_REVIEW_SETTINGS, ...settings().data.review },
    reading: { ...DEFAULT_READING_SETTINGS, ...settings().data.reading },
    quiz: { autoCardOnMiss: settings().data.quiz?.autoCardOnMiss ?? false },
  });
  return {
    getSettings: async () => view(),
    async updateSettings(change) {
      await settings().update((data) => {
        if (change.colorLabels) data.colorLabels = { ...change.colorLabels };
        if (change.review) data.review = { ...data.review, ...change.review };
        if (change.reading) data.reading = { ...change.reading };
        if (change.quiz) data.quiz = { ...change.quiz };
      });
      return view();
    },
  };
}
