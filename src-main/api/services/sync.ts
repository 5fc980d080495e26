/** Sync's part of the service (issue #21): Settings › Sync's status, set-up, Sync now, live sync and conflicts. */
import type { LectioApi } from '../contract';
import { SyncEngine } from '../../sync/sync-engine';
import type { ServiceDeps } from './deps';

type SyncServiceMethods = Pick<
  LectioApi,
  | 'getSyncStatus'
  | 'configureSync'
  | 'syncNow'
  | 'setLiveSync'
  | 'stopSyncing'
  | 'listSyncConflicts'
  | 'resolveSyncConflict'
  | 'getSyncArrivals'
>;

export function syncMethods(deps: ServiceDeps): SyncServiceMethods {
  // The host's engine (started with the library, closed with it); a service built without one (tests, tools) makes
  // its own, which opens nothing until sync is set up.
  const engine =
    deps.options.sync ??
    new SyncEngine({
      storage: deps.options.storage,
      secrets: deps.options.secrets,
      now: deps.now,
      scheduleFuzz: deps.options.scheduleFuzz,
      zone: deps.options.zone,
    });
  return {
    getSyncStatus: () => engine.status(),
    configureSync: (input) => engine.configure(input),
    syncNow: () => engine.syncNow(),
    setLiveSync: ({ live }) => engine.setLive(live),
    stopSyncing: () => engine.stop(),
    listSyncConflicts: () => engine.conflicts(),
    resolveSyncConflict: ({ id, text }) => engine.resolve(id, text),
    getSyncArrivals: async ({ since }) => engine.arrivals(since),
  };
}
