/**
 * Sync (issue #21): a library of 10,000 records (highlights over 50 documents, plus the documents and their texts)
 * pushed to an empty CouchDB-protocol server by a first sync, pulled into a fresh library by another device's first
 * sync, and one change made on one device seen in the other's library with live sync on. Each against raw PouchDB
 * doing the same replication of the same documents in the same run (LevelDB to the same in-process server), which is
 * the floor: what Lectio adds is mirroring the library into the replica and applying what arrives to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Highlight } from '@core/annotations/highlight';
import { importPlainText } from '@core/import/plain-text';
import { openReplica, remoteDatabase, type Replica } from '@main/sync/replica';
import { closeDevice, closeDevices, connect, openDevice, type Device } from '@main/sync/test-devices';
import { startTestCouchServer, TEST_PASSWORD, TEST_USER } from '@main/sync/test-couch-server';
import type { BenchContext, Benchmark } from '../context';
import type { Figure } from '../result';
import { median } from '../stats';

const DOCUMENTS = 50;
const HIGHLIGHTS_PER_DOCUMENT = 200;

function articleText(n: number): string {
  const sentence = (i: number) => `Sentence ${i} of article ${n} says something worth marking about topic ${i % 17}.`;
  return Array.from({ length: 400 }, (_, i) => sentence(i)).join(' ');
}

/** Fills the device's library with the benchmark's records, straight through the repositories. */
async function fill(device: Device): Promise<number> {
  let records = 0;
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `bench-doc-${d}`;
    const body = importPlainText(articleText(d));
    const meta = {
      id,
      title: `Benchmark article ${d}`,
      source: 'bench',
      publishedDate: null,
      addedAt: new Date(Date.UTC(2026, 0, 1, 0, d)).toISOString(),
      wordCount: body.text.split(/\s+/).length,
      origin: 'paste',
    };
    await device.storage.documents.add(meta, body);
    const put: Highlight[] = Array.from({ length: HIGHLIGHTS_PER_DOCUMENT }, (_, h) => {
      const start = h * 30;
      const exact = body.text.slice(start, start + 20);
      return {
        id: `bench-${d}-${h}`,
        documentId: id,
        color: ((h % 5) + 1) as Highlight['color'],
        selectors: [
          { type: 'TextPositionSelector', start, end: start + 20 },
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        ],
        note: h % 3 === 0 ? `Note ${h} on article ${d}` : '',
        tags: h % 4 === 0 ? ['bench'] : [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
    });
    await device.storage.annotations.applySynced(id, { put, remove: [] });
    records += 2 + put.length;
  }
  return records;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('sync benchmark: the change never arrived');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const syncBenchmark: Benchmark = {
  id: 'sync',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const work = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-sync-'));
    const server = await startTestCouchServer();
    const credentials = { username: TEST_USER, password: TEST_PASSWORD };
    const raw: Replica[] = [];
    try {
      const a = await openDevice('bench-a', { dataDir: path.join(work, 'a') });
      const records = await fill(a);
      ctx.log(`sync: ${records.toLocaleString('en')} records in the library`);
      const pushSetUp = await timed(() => connect(a, server.url, false, 'bench'));
      const pushRun = await timed(() => a.api.syncNow({}));
      const push = { ms: pushSetUp.ms + pushRun.ms, result: pushRun.result };
      ctx.log(
        `sync: first push ${(push.ms / 1000).toFixed(1)} s (set-up and mirroring ${(pushSetUp.ms / 1000).toFixed(1)} s), ${push.result.sent} documents sent`,
      );

      // Raw PouchDB: the same documents (copied from A's replica, untimed) replicated to an empty database.
      await closeDevice(a);
      const source = openReplica(path.join(work, 'raw-source'));
      raw.push(source);
      const replica = openReplica(path.join(work, 'a', 'sync', 'replica'));
      await replica.replicate.to(source);
      await replica.close();
      const rawPush = await timed(() =>
        source.replicate.to(remoteDatabase(server.url, 'bench-raw', credentials, { createIfMissing: true }), {
          batch_size: 250,
        }),
      );

      const b = await openDevice('bench-b', { dataDir: path.join(work, 'b') });
      const pullSetUp = await timed(() => connect(b, server.url, false, 'bench'));
      const pullRun = await timed(() => b.api.syncNow({}));
      const pull = { ms: pullSetUp.ms + pullRun.ms, result: pullRun.result };
      ctx.log(`sync: first pull ${(pull.ms / 1000).toFixed(1)} s, ${pull.result.received} documents received`);
      const rawTarget = openReplica(path.join(work, 'raw-target'));
      raw.push(rawTarget);
      const rawPull = await timed(() =>
        rawTarget.replicate.from(remoteDatabase(server.url, 'bench-raw', credentials, { createIfMissing: false }), {
          batch_size: 250,
        }),
      );

      // Live: A (reopened) and B both live; A recolours a highlight, timed until it is in B's library.
      const a2 = await openDevice('bench-a', { dataDir: path.join(work, 'a') });
      await a2.api.setLiveSync({ live: true });
      await b.api.setLiveSync({ live: true });
      const runs = ctx.quick ? 3 : 7;
      const live: number[] = [];
      for (let i = 0; i < runs; i++) {
        const note = `live ${i}`;
        const { ms } = await timed(async () => {
          await a2.api.updateHighlight({ documentId: 'bench-doc-0', id: 'bench-0-1', note });
          await until(async () =>
            (await b.api.getAnnotations({ documentId: 'bench-doc-0' })).highlights.some((h) => h.note === note),
          );
        });
        live.push(ms);
      }
      const rawLive: number[] = [];
      const left = rawTarget.sync(remoteDatabase(server.url, 'bench-raw', credentials, { createIfMissing: false }), {
        live: true,
        retry: true,
      });
      const right = source.sync(remoteDatabase(server.url, 'bench-raw', credentials, { createIfMissing: false }), {
        live: true,
        retry: true,
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (let i = 0; i < runs; i++) {
        const id = `raw-live-${i}`;
        const { ms } = await timed(async () => {
          await source.put({
            _id: id,
            kind: 'hl',
            documentId: null,
            device: 'raw',
            fields: {},
            stamps: {},
            seen: {},
            versions: {},
          });
          await until(async () => (await rawTarget.get(id).catch(() => null)) !== null);
        });
        rawLive.push(ms);
      }
      // Wait until both live replications have stopped: a long poll still open when the server stops ends in an
      // unhandled "socket hang up" that took the whole benchmark run down after its figures were in.
      const stopped = (handler: typeof left) =>
        new Promise<void>((resolve) => {
          handler.on('complete', () => resolve());
          handler.on('error', () => resolve());
          handler.cancel();
        });
      await Promise.all([stopped(left), stopped(right)]);
      return [
        {
          name: `Sync: first push of ${records.toLocaleString('en')} records`,
          value: push.ms / 1000,
          unit: 's',
          better: 'lower',
          target: 15,
          baseline: { name: 'raw PouchDB replication of the same documents', value: rawPush.ms / 1000 },
          detail: `configure + Sync now from a library of ${DOCUMENTS} documents and ${DOCUMENTS * HIGHLIGHTS_PER_DOCUMENT} highlights (mirroring the library into the replica included); ${push.result.sent} documents sent, in-process express-pouchdb server.`,
        },
        {
          name: `Sync: first pull of ${records.toLocaleString('en')} records`,
          value: pull.ms / 1000,
          unit: 's',
          better: 'lower',
          target: 10,
          baseline: { name: 'raw PouchDB replication of the same documents', value: rawPull.ms / 1000 },
          detail: `configure + Sync now on a fresh library: ${pull.result.received} documents received and applied to the library.`,
        },
        {
          name: 'Sync: one change seen on the other device, live sync',
          value: median(live),
          unit: 'ms',
          better: 'lower',
          target: 2000,
          baseline: { name: 'raw PouchDB live replication, one document', value: median(rawLive) },
          detail: `median of ${runs} (max ${Math.max(...live).toFixed(0)} ms): updateHighlight on one device until getAnnotations on the other shows it.`,
        },
      ];
    } finally {
      await closeDevices();
      await Promise.all(raw.map((db) => db.close().catch(() => undefined)));
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
