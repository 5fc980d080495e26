/**
 * The service as the node benchmarks drive it: browser host, extraction in process, the wall clock. `options` adds
 * what one benchmark needs (a PDF runner, an EPUB reader, its ids). One set-up, so every figure is measured on the
 * same service.
 */
import { inProcessRunner } from '@main/analysis/extraction-runner';
import { createService, type ServiceOptions } from '@main/api/service';
import type { LibraryStorage } from '@main/storage/library-storage';

export function benchService(storage: LibraryStorage, options: Partial<ServiceOptions> = {}) {
  return createService({
    storage,
    host: 'browser',
    version: 'bench',
    now: () => new Date(),
    extraction: inProcessRunner,
    ...options,
  });
}
