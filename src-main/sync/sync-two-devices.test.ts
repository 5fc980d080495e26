/**
 * Two machines' worth of Lectio (two library folders, two services) syncing through a real CouchDB-protocol server
 * in this process (issue #21, item 4): each scenario of the issue, one by one, through the service's API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleText } from '../api/services/test-sample-service';
import { closeDevices, connect, openDevice, type Device } from './test-devices';
import { startTestCouchServer, type TestCouchServer } from './test-couch-server';

let server: TestCouchServer;
let database = 0;
beforeAll(async () => {
  server = await startTestCouchServer();
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
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
});
