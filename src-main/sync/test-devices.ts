/**
 * Test support: "devices", each a Lectio service over its own temporary library folder (seeded with the sample, as
 * the app seeds a new library) with its own sync engine, so tests can run two machines' worth of Lectio against one
 * test server. Call `closeDevices` after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inProcessRunner } from '../analysis/extraction-runner';
import type { LectioApi } from '../api/contract';
import { createService, seedNewLibrary } from '../api/service';
import { sampleText } from '../api/services/test-sample-service';
import { LibraryStorage } from '../storage/library-storage';
import { SyncEngine } from './sync-engine';
import { TEST_PASSWORD, TEST_USER } from './test-couch-server';

export interface Device {
  name: string;
  dataDir: string;
  storage: LibraryStorage;
  api: LectioApi;
  engine: SyncEngine;
  /** Closes it (a quit) and opens it again on the same folder. */
  reopen(): Promise<Device>;
}

const open: Device[] = [];
const folders: string[] = [];

export async function openDevice(
  name: string,
  options: { dataDir?: string; clockOffsetMs?: number; batchSize?: number } = {},
): Promise<Device> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), `lectio-sync-${name}-`));
  if (!options.dataDir) folders.push(dataDir);
  const now = () => new Date(Date.now() + (options.clockOffsetMs ?? 0));
  const storage = await LibraryStorage.open({ dataDir, now });
  await seedNewLibrary(storage, { text: sampleText, title: 'Sample', source: 'Donga', publishedDate: null }, now);
  const engine = new SyncEngine({
    storage,
    now,
    scheduleFuzz: false,
    zone: 'UTC',
    retryDelayMs: 200,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  await engine.start();
  const api = createService({
    storage,
    host: 'browser',
    version: 't',
    now,
    extraction: inProcessRunner,
    scheduleFuzz: false,
    zone: 'UTC',
    sync: engine,
  });
  const device: Device = {
    name,
    dataDir,
    storage,
    api,
    engine,
    async reopen() {
      await closeDevice(device);
      return openDevice(name, { ...options, dataDir });
    },
  };
  open.push(device);
  return device;
}

export async function closeDevice(device: Device): Promise<void> {
  const index = open.indexOf(device);
  if (index >= 0) open.splice(index, 1);
  await device.engine.close();
  device.storage.close();
}

export async function closeDevices(): Promise<void> {
  for (const device of [...open]) await closeDevice(device);
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Sets the device up against `serverUrl` with the test user. */
export function connect(device: Device, serverUrl: string, live = false, database = 'lectio') {
  return device.api.configureSync({ url: serverUrl, database, username: TEST_USER, password: TEST_PASSWORD, live });
}
