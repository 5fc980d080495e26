/**
 * Test support for the services: a service over a fresh, empty library with a clock the test moves and predictable
 * ids, as the app builds it, and real loopback HTTP servers to import from. `serviceHarness(prefix)` at the top of a
 * test file registers the clean-up: every library it opened is closed and every server it started is stopped after
 * each test.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { inProcessRunner } from '../../analysis/extraction-runner';
import { LibraryStorage } from '../../storage/library-storage';
import type { LectioApi } from '../contract';
import { createService } from '../service';
import type { ServiceOptions } from './deps';

/** The instant a harness library starts at unless told otherwise. */
export const HARNESS_START = '2026-03-04T05:06:07.000Z';

export interface HarnessOptions extends Partial<Omit<ServiceOptions, 'storage' | 'now'>> {
  /** Where the clock starts (ISO); HARNESS_START by default. */
  start?: string;
  /** An existing library folder (a restart); a new temporary one by default. */
  dataDir?: string;
}

export interface HarnessLibrary {
  api: LectioApi;
  storage: LibraryStorage;
  dataDir: string;
  /** The service's clock: set `clock.now` to move time. */
  clock: { now: Date };
}

export interface ServiceHarness {
  /** A service over a library (new and empty unless `dataDir` is given); `options` replace the defaults. */
  open(options?: HarnessOptions): Promise<HarnessLibrary>;
  /** Closes a library now (a restart in a test); the harness forgets it. */
  close(storage: LibraryStorage): void;
  /** Starts a loopback HTTP server answering with `handler`; returns its origin ("http://127.0.0.1:PORT"). */
  serve(handler: RequestListener): Promise<string>;
  /** Stops the server at `origin` now (a site that has gone away). */
  stop(origin: string): Promise<void>;
}

export function serviceHarness(prefix: string): ServiceHarness {
  const libraries: LibraryStorage[] = [];
  const servers = new Map<string, Server>();

  async function closeServer(server: Server): Promise<void> {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  afterEach(async () => {
    for (const storage of libraries.splice(0)) storage.close();
    const open = [...servers.values()];
    servers.clear();
    for (const server of open) await closeServer(server);
  });

  return {
    async open({ start = HARNESS_START, dataDir, ...options } = {}) {
      const folder = dataDir ?? mkdtempSync(path.join(os.tmpdir(), `lectio-${prefix}-`));
      const clock = { now: new Date(start) };
      const now = () => clock.now;
      const storage = await LibraryStorage.open({ dataDir: folder, now });
      libraries.push(storage);
      let n = 0;
      const api = createService({
        storage,
        host: 'browser',
        extraction: inProcessRunner,
        version: '0.0.0',
        now,
        newId: () => `id-${++n}`,
        ...options,
      });
      return { api, storage, dataDir: folder, clock };
    },
    close(storage) {
      const at = libraries.indexOf(storage);
      if (at >= 0) libraries.splice(at, 1);
      storage.close();
    },
    async serve(handler) {
      const server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      servers.set(origin, server);
      return origin;
    },
    async stop(origin) {
      const server = servers.get(origin);
      servers.delete(origin);
      if (server) await closeServer(server);
    },
  };
}

/** Ids "id1", "id2", … for a test that names the records it made. */
export function numbered(): () => string {
  let n = 0;
  return () => `id${++n}`;
}
