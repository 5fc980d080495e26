/**
 * Where the sync password is kept on this device, and whether it can be kept safely there: the host's store (the
 * desktop's safeStorage one), or browser mode's 0600 file, which the sync engine uses when the host gives none.
 */
import type { LectioApi } from '../contract';
import type { ServiceDeps } from './deps';

export function syncPasswordMethods(deps: ServiceDeps): Pick<LectioApi, 'getSyncPasswordStore'> {
  return {
    async getSyncPasswordStore() {
      // The engine's own store (the host's, or its 0600 file); a service built with neither uses the file too.
      const store = deps.options.sync?.secrets ?? deps.options.secrets;
      if (!store) return { kind: 'file', problem: null };
      return { kind: store.kind, problem: (await store.problem?.()) ?? null };
    },
  };
}
