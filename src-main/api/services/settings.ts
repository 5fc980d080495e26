/** The settings part of the service: the reader's preferences, kept in `settings.json`. */
import type { LectioApi, Settings } from '../contract';
import type { ServiceDeps } from './deps';

type SettingsMethods = Pick<LectioApi, 'getSettings' | 'updateSettings'>;

export function settingsMethods(deps: ServiceDeps): SettingsMethods {
  const { settings } = deps.storage;
  const view = (): Settings => ({
    colorLabels: settings.colorLabels(),
    review: settings.review(),
    reading: settings.reading(),
    quiz: settings.quiz(),
  });
  return {
    getSettings: async () => view(),
    async updateSettings(change) {
      await settings.update(change);
      return view();
    },
  };
}
