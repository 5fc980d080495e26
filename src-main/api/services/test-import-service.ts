/**
 * Test support for the import services (web, PDF, EPUB): a service over a fresh, empty library with a fixed clock and
 * predictable ids, and real loopback HTTP servers to import from. `importHarness()` at the top of a test file registers
 * the clean-up: every library it opened is closed and every server it started is stopped after each test.
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

export const importTestNow = () => new Date('2026-03-04T05:06:07.000Z');

export interface ImportHarness {
  /** A service over a new empty library in a temporary folder; `options` replace the defaults. */
  open(options?: Partial<Omit<ServiceOptions, 'storage' | 'now'>>): Promise<{
    api: LectioApi;
    storage: LibraryStorage;
    dataDir: string;
  }>;
  /** Starts a loopback HTTP server answering with `handler`; returns its origin ("http://127.0.0.1:PORT"). */
  serve(handler: RequestListener): Promise<string>;
  /** Stops the server at `origin` now (a site that has gone away). */
  stop(origin: string): Promise<void>;
}

export function importHarness(prefix: string): ImportHarness {
  const libraries: LibraryStorage[] = [];
  const servers = new Map<string, Server>();

  async function close(server: Server): Promise<void> {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  afterEach(async () => {
    for (const storage of libraries.splice(0)) storage.close();
    const open = [...servers.values()];
    servers.clear();
    for (const server of open) await close(server);
  });

  return {
    async open(options = {}) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), `lectio-${prefix}-`));
      const storage = await LibraryStorage.open({ dataDir, now: importTestNow });
      libraries.push(storage);
      let n = 0;
      const api = createService({
        storage,
        host: 'browser',
        extraction: inProcessRunner,
        version: '0.0.0',
        now: importTestNow,
        newId: () => `id-${++n}`,
        ...options,
      });
      return { api, storage, dataDir };
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
      if (server) await close(server);
    },
  };
}
