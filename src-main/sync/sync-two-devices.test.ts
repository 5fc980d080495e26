/**
 * Two machines' worth of Lectio (two library folders, two services) syncing through a real CouchDB-protocol server
 * in this process (issue #21, item 4): each scenario of the issue, one by one, through the service's API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleText } from '../api/services/test-sample-service';
import { replayReviews } from '../core/cards/replay';
import { isLectioError } from '../core/errors';
import { TEST_PASSWORD } from './test-couch-server';
import { closeDevices, connect, openDevice, type Device } from './test-devices';
import { startTestCouchServer, type TestCouchServer } from './test-couch-server';

let server: TestCouchServer;
let database = 0;
// Everything sync logs, to check no credential ever reaches a log.
const logged: string[] = [];
beforeAll(async () => {
  server = await startTestCouchServer();
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
});
afterAll(async () => {
  await server.stop();
  expect(logged.join('\n')).not.toContain(TEST_PASSWORD);
  vi.restoreAllMocks();
});
afterEach(async () => {
  server.cutAfterBulkDocs = null;
  await closeDevices();
});

/** Two fresh devices on a database of their own. */
async function twoDevices(options: { clockOffsetMs?: number } = {}): Promise<[Device, Device, string]> {
  const db = `lectio-${++database}`;
  const a = await openDevice('a');
  const b = await openDevice('b', options);
  await connect(a, server.url, false, db);
  await connect(b, server.url, false, db);
  return [a, b, db];
}

const range = (phrase: string) => {
  const start = sampleText.indexOf(phrase);
  if (start < 0) throw new Error(`not in the sample: ${phrase}`);
  return { start, end: start + phrase.length };
};
const firstWords = () => sampleText.split(/\s+/).slice(0, 3).join(' ');

async function syncAll(...devices: Device[]) {
  const results = [];
  for (const device of devices) results.push(await device.api.syncNow({}));
  return results;
}

async function highlightsOf(device: Device) {
  return (await device.api.getAnnotations({ documentId: 'sample' })).highlights;
}

describe('sync between two devices', () => {
  it('holds one sample article, not two, and sends a highlight made on one to the other', async () => {
    const [a, b] = await twoDevices();
    const made = await a.api.createHighlight({ documentId: 'sample', ...range(firstWords()), color: 2, note: 'First' });
    await syncAll(a, b, a);
    const docsA = await a.api.listDocuments({});
    const docsB = await b.api.listDocuments({});
    expect(docsA.map((d) => d.id)).toEqual(['sample']);
    expect(docsB.map((d) => d.id)).toEqual(['sample']);
    expect((await highlightsOf(b)).map((h) => ({ id: h.id, note: h.note, color: h.color }))).toEqual([
      { id: made.id, note: 'First', color: 2 },
    ]);
  });

  it('tells an open screen which documents a pull changed, and only a pull: its own edits are not arrivals', async () => {
    const [a, b] = await twoDevices();
    await syncAll(a, b);
    const seen = await b.api.getSyncArrivals({ since: 0 });
    await b.api.createHighlight({ documentId: 'sample', ...range(firstWords()), color: 1 });
    expect(await b.api.getSyncArrivals({ since: seen.seq })).toEqual({ ...seen, documentIds: [] });
    await a.api.setDocumentNote({ documentId: 'sample', note: 'From the desk' });
    await syncAll(a, b);
    const after = await b.api.getSyncArrivals({ since: seen.seq });
    expect(after).toEqual({ seq: seen.seq + 1, documentIds: ['sample'], everything: false });
    expect((await b.api.getAnnotations({ documentId: 'sample' })).documentNote).toBe('From the desk');
  });
});

/** What a library holds that sync keeps the same: documents, highlights, notes, cards and reviews. */
async function records(device: Device) {
  const documents = await device.api.listDocuments({});
  const annotations = await Promise.all(
    documents.map(async (doc) => {
      const { highlights, documentNote } = await device.api.getAnnotations({ documentId: doc.id });
      return {
        id: doc.id,
        title: doc.title,
        documentNote,
        highlights: [...highlights].sort((x, y) => (x.id < y.id ? -1 : 1)),
      };
    }),
  );
  const cards = (await device.api.listCards({})).map((view) => ({ card: view.card, schedule: view.schedule }));
  await device.storage.cards.ready();
  const reviews = [...device.storage.reviews.all()].sort((x, y) => (x.id < y.id ? -1 : 1));
  return { annotations, cards: cards.sort((x, y) => (x.card.id < y.card.id ? -1 : 1)), reviews };
}

describe('merging', () => {
  it('keeps both sides of one highlight edited offline on both: fields merge, the two notes wait for the reader', async () => {
    const [a, b] = await twoDevices();
    const h = await a.api.createHighlight({ documentId: 'sample', ...range(firstWords()), color: 1, note: 'Start' });
    await syncAll(a, b);
    await a.api.updateHighlight({ documentId: 'sample', id: h.id, color: 4, note: 'Note from A' });
    await b.api.updateHighlight({ documentId: 'sample', id: h.id, tags: ['from-b'], note: 'Note from B' });
    const [, fromB, back] = await syncAll(a, b, a);
    expect(fromB!.conflictsMerged).toBe(1);
    expect(back!.conflictsLeft).toBe(1);
    for (const device of [a, b]) {
      const [merged] = await highlightsOf(device);
      expect(merged).toMatchObject({ id: h.id, color: 4, tags: ['from-b'] });
      const conflicts = await device.api.listSyncConflicts({});
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ kind: 'highlight-note', documentId: 'sample', quote: firstWords() });
      expect(conflicts[0]!.versions.map((v) => v.text).sort()).toEqual(['Note from A', 'Note from B']);
    }
    expect(await records(a)).toEqual(await records(b));

    await b.api.resolveSyncConflict({ id: (await b.api.listSyncConflicts({}))[0]!.id, text: 'A and B' });
    await syncAll(b, a);
    for (const device of [a, b]) {
      expect((await highlightsOf(device))[0]).toMatchObject({ note: 'A and B', color: 4, tags: ['from-b'] });
      expect(await device.api.listSyncConflicts({})).toEqual([]);
    }
  });

  it('keeps an edit made on one device over a delete made on the other', async () => {
    const [a, b] = await twoDevices();
    const h = await a.api.createHighlight({ documentId: 'sample', ...range(firstWords()), color: 3 });
    await syncAll(a, b);
    await a.api.deleteHighlight({ documentId: 'sample', id: h.id });
    await b.api.updateHighlight({ documentId: 'sample', id: h.id, note: 'Still needed' });
    await syncAll(a, b, a);
    for (const device of [a, b]) expect((await highlightsOf(device)).map((x) => x.note)).toEqual(['Still needed']);
    expect(await records(a)).toEqual(await records(b));
  });

  it('merges both review logs of one card and sets its schedule to the replay of the merged log on each side', async () => {
    const [a, b] = await twoDevices();
    const { card } = await a.api.createCard({ kind: 'basic', front: 'Who?', back: 'Them' });
    await syncAll(a, b);
    expect((await b.api.listCards({})).map((view) => view.card.id)).toEqual([card.id]);
    await a.api.gradeCard({ id: card.id, grade: 3 });
    await b.api.gradeCard({ id: card.id, grade: 1 });
    await syncAll(a, b, a);
    for (const device of [a, b]) {
      await device.storage.cards.ready();
      const log = device.storage.reviews.all().filter((r) => r.cardId === card.id);
      expect(log.map((r) => r.grade).sort()).toEqual([1, 3]);
      const replayed = replayReviews(card, log, { desiredRetention: 0.9, fuzz: false, rolloverHour: 4, zone: 'UTC' });
      const [view] = await device.api.listCards({});
      expect(view!.schedule).toMatchObject({
        reps: 2,
        due: replayed.at(-1)!.next.due,
        stability: replayed.at(-1)!.next.stability,
      });
    }
    expect(await records(a)).toEqual(await records(b));
  });

  it('orders by what each device had seen, not by clocks: a later edit on a device an hour behind still wins', async () => {
    const [a, b] = await twoDevices({ clockOffsetMs: -60 * 60 * 1000 });
    const h = await a.api.createHighlight({ documentId: 'sample', ...range(firstWords()), color: 1 });
    await a.api.updateHighlight({ documentId: 'sample', id: h.id, color: 3 });
    await syncAll(a, b);
    // Apart: B (its clock an hour behind) recolours what it saw; A, later by every clock, edits the note.
    await b.api.updateHighlight({ documentId: 'sample', id: h.id, color: 5 });
    await a.api.updateHighlight({ documentId: 'sample', id: h.id, note: 'A, later' });
    await syncAll(b, a, b);
    // B's colour was made over A's, so it stands though its stamp's wall time is an hour earlier; A's note stands too.
    for (const device of [a, b]) expect((await highlightsOf(device))[0]).toMatchObject({ color: 5, note: 'A, later' });
    expect(await records(a)).toEqual(await records(b));
  });
});

describe('a library replaced as a whole', () => {
  it('compares the whole library with the replica again after a backup is restored, so the restored state syncs', async () => {
    const [a, b] = await twoDevices();
    const h = await a.api.createHighlight({ documentId: 'sample', ...range(firstWords()), color: 2, note: 'Kept' });
    const backup = await a.api.createBackup({});
    await a.api.updateHighlight({ documentId: 'sample', id: h.id, note: 'Changed after the backup' });
    await syncAll(a, b);
    expect((await highlightsOf(b))[0]!.note).toBe('Changed after the backup');
    // The restore writes the files directly, past the per-record change events.
    await a.api.restoreBackup({ id: backup.id });
    await expect.poll(async () => (await a.api.getSyncStatus({})).pending, { timeout: 30_000 }).toBeGreaterThan(0);
    await syncAll(a, b);
    for (const device of [a, b]) expect((await highlightsOf(device)).map((x) => x.note)).toEqual(['Kept']);
  });
});

describe('the connection', () => {
  it('resumes a replication killed halfway and sends only what the server had not received', async () => {
    const a = await openDevice('a', { batchSize: 20 });
    const db = `lectio-${++database}`;
    await connect(a, server.url, false, db);
    const start = sampleText.indexOf(firstWords());
    await a.storage.annotations.applySynced('sample', {
      put: Array.from({ length: 120 }, (_, i) => ({
        id: `bulk-${i}`,
        documentId: 'sample',
        color: 1 as const,
        selectors: [
          { type: 'TextPositionSelector' as const, start, end: start + 5 },
          { type: 'TextQuoteSelector' as const, exact: sampleText.slice(start, start + 5), prefix: '', suffix: '' },
        ] as const,
        note: `n${i}`,
        tags: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      })),
      remove: [],
    });
    const pending = (await a.api.getSyncStatus({})).pending;
    expect(pending).toBeGreaterThan(120);
    server.cutAfterBulkDocs = 3;
    const failed = await a.api.syncNow({}).catch((error: unknown) => error);
    expect(isLectioError(failed, 'sync-server')).toBe(true);
    expect((failed as Error).message).toContain("Can't reach the server");
    expect((failed as Error).message).not.toContain(TEST_PASSWORD);
    const firstPart = await server.docCount(db);
    expect(firstPart).toBeGreaterThan(0);
    expect(firstPart).toBeLessThan(pending);
    server.cutAfterBulkDocs = null;
    const resumed = await a.api.syncNow({});
    // The checkpoints and the server's revision list mean only what the server lacked is sent again.
    expect(resumed.sent).toBe(pending - firstPart);
    expect(await server.docCount(db)).toBe(pending);
    expect((await a.api.getSyncStatus({})).pending).toBe(0);
  });

  it('says plainly when the password is wrong, without the password, and saves nothing', async () => {
    const a = await openDevice('a');
    const wrong = 'not-the-Pa55word';
    const error = await a.api
      .configureSync({ url: server.url, database: 'lectio-x', username: 'reader', password: wrong, live: false })
      .catch((e: unknown) => e);
    expect(isLectioError(error, 'sync-server')).toBe(true);
    expect((error as Error).message).toBe('Wrong user name or password.');
    expect(JSON.stringify(error)).not.toContain(wrong);
    expect((await a.api.getSyncStatus({})).configured).toBe(false);
  });

  it('keeps every change when the server goes away mid-sync, and sends them once it is back', async () => {
    const [a, b] = await twoDevices();
    await a.api.createHighlight({ documentId: 'sample', ...range(firstWords()), color: 2, note: 'Offline work' });
    await server.stop();
    try {
      const error = await a.api.syncNow({}).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(
        /^Can't reach the server at http:\/\/127\.0\.0\.1:\d+\. Nothing was lost/,
      );
      const status = await a.api.getSyncStatus({});
      expect(status).toMatchObject({ state: 'offline', message: expect.stringContaining("Can't reach") as unknown });
      expect(status.pending).toBeGreaterThan(0);
    } finally {
      await server.restart();
    }
    await syncAll(a, b);
    expect((await highlightsOf(b)).map((h) => h.note)).toEqual(['Offline work']);
  });

  it('goes on with live sync after the server restarts, and a change reaches the other device', async () => {
    const [a, b] = await twoDevices();
    await a.api.setLiveSync({ live: true });
    await b.api.setLiveSync({ live: true });
    await server.stop();
    const h = await a.api.createHighlight({ documentId: 'sample', ...range(firstWords()), color: 2, note: 'Live' });
    await server.restart();
    await expect
      .poll(async () => (await highlightsOf(b)).map((x) => x.id), { timeout: 30_000, interval: 200 })
      .toEqual([h.id]);
    await b.api.updateHighlight({ documentId: 'sample', id: h.id, color: 5 });
    await expect.poll(async () => (await highlightsOf(a))[0]?.color, { timeout: 30_000, interval: 200 }).toBe(5);
    for (const device of [a, b])
      await expect.poll(async () => (await device.api.getSyncStatus({})).pending, { timeout: 30_000 }).toBe(0);
    expect((await a.api.getSyncStatus({})).state).toMatch(/live|syncing/);
  });
});
