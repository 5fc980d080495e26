/**
 * Collections, tags and reading positions in sync (issue #21): they reach the other device, and edits made apart merge
 * by their rules, whatever the devices' clocks say: a tag added on one device and removed on the other stays
 * (add-wins), and the furthest progress and position win.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeDevices, connect, openDevice, type Device } from './test-devices';
import { startTestCouchServer, type TestCouchServer } from './test-couch-server';

let server: TestCouchServer;
let database = 0;
beforeAll(async () => {
  server = await startTestCouchServer();
});
afterAll(() => server.stop());
afterEach(() => closeDevices());

const HOUR = 60 * 60 * 1000;

async function twoDevices(clockOffsetMs = 0): Promise<[Device, Device]> {
  const db = `lectio-organisation-${++database}`;
  const a = await openDevice('a');
  const b = await openDevice('b', { clockOffsetMs });
  await connect(a, server.url, false, db);
  await connect(b, server.url, false, db);
  return [a, b];
}

async function syncAll(...devices: Device[]) {
  for (const device of devices) await device.api.syncNow({});
}

async function sampleOf(device: Device) {
  return device.api.getDocumentOrganisation({ id: 'sample' });
}

describe('organisation in sync', () => {
  it('sends collections, tags, membership, the archive flag and the reading position to the other device', async () => {
    const [a, b] = await twoDevices();
    const semester = await a.api.createCollection({ name: 'Semester' });
    await a.api.organiseDocuments({ ids: ['sample'], addTags: ['korea', 'week-1'], addToCollection: semester.id });
    await a.api.saveReadingPosition({ id: 'sample', offset: 120, progress: 0.4 });
    await syncAll(a, b);
    expect((await b.api.getOrganisation({})).collections).toEqual([semester]);
    expect(await sampleOf(b)).toMatchObject({
      tags: ['korea', 'week-1'],
      collections: [semester.id],
      archived: false,
      position: { offset: 120 },
      progress: 0.4,
    });
    // And back: B renames the collection, archives and untags; A follows.
    await b.api.renameCollection({ id: semester.id, name: 'Spring semester' });
    await b.api.organiseDocuments({ ids: ['sample'], removeTags: ['week-1'], archived: true });
    await syncAll(b, a);
    expect((await a.api.getOrganisation({})).collections.map((c) => c.name)).toEqual(['Spring semester']);
    expect(await sampleOf(a)).toMatchObject({ tags: ['korea'], archived: true, collections: [semester.id] });
    expect(await sampleOf(a)).toEqual(await sampleOf(b));
  });

  it('keeps a tag added on one device though the other removed it meanwhile, even from a device an hour behind', async () => {
    const [a, b] = await twoDevices(-HOUR);
    await a.api.organiseDocuments({ ids: ['sample'], addTags: ['kept-elsewhere'] });
    await syncAll(a, b);
    // Apart: A tags, sends, then untags (its remove is later by every clock); B, which never saw A's tag, adds it.
    await a.api.organiseDocuments({ ids: ['sample'], addTags: ['contested'] });
    await a.api.syncNow({});
    await a.api.organiseDocuments({ ids: ['sample'], removeTags: ['contested', 'kept-elsewhere'] });
    await b.api.organiseDocuments({ ids: ['sample'], addTags: ['contested'] });
    await syncAll(a, b, a);
    // The add stands; a remove nobody contested stands too.
    for (const device of [a, b]) expect((await sampleOf(device)).tags).toEqual(['contested']);
  });

  it('keeps the furthest progress and position when both devices read apart, even when the nearer is newer', async () => {
    const [a, b] = await twoDevices(HOUR);
    await a.api.saveReadingPosition({ id: 'sample', offset: 10, progress: 0.1 });
    await syncAll(a, b);
    await a.api.saveReadingPosition({ id: 'sample', offset: 500, progress: 0.7 });
    // B's clock is an hour ahead: its nearer reading carries the later stamp.
    await b.api.saveReadingPosition({ id: 'sample', offset: 200, progress: 0.3 });
    await syncAll(a, b, a);
    for (const device of [a, b])
      expect(await sampleOf(device)).toMatchObject({ progress: 0.7, position: { offset: 500 } });
  });
});

describe('"did it happen?" answers in sync', () => {
  it('sends an answer to the other device by the event key, and a later change of mind back', async () => {
    const [a, b] = await twoDevices();
    // An event's key is its date's value and wording, colons and all.
    const key = '2026-05:the vote on the port budget';
    await a.storage.eventAnswers.answer(key, { outcome: 'happened', at: '2026-06-01T09:00:00.000Z' });
    await syncAll(a, b);
    expect(b.storage.eventAnswers.all()).toEqual({ [key]: { outcome: 'happened', at: '2026-06-01T09:00:00.000Z' } });
    await b.storage.eventAnswers.answer(key, { outcome: 'did-not-happen', at: '2026-06-02T09:00:00.000Z' });
    await syncAll(b, a);
    expect(a.storage.eventAnswers.all()[key]).toEqual({ outcome: 'did-not-happen', at: '2026-06-02T09:00:00.000Z' });
  });
});
