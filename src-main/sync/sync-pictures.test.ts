/**
 * Pictures in sync (issue #21): a web article saved with its pictures on one device shows them on the other, with the
 * same bytes under the same ids; a picture over the import's limit, or whose bytes are not what its id names, is
 * refused; a picture missing on a device comes back from the replica once a document names it.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startArticleServer, type ArticleServer } from '../import/test-article-server';
import { pngBytes } from '../storage/test-images';
import { MAX_SYNCED_PICTURE_BYTES } from './pictures';
import { remoteDatabase, type Replica } from './replica';
import { closeDevices, connect, openDevice, type Device } from './test-devices';
import { startTestCouchServer, TEST_PASSWORD, TEST_USER, type TestCouchServer } from './test-couch-server';

let server: TestCouchServer;
let site: ArticleServer;
let database = 0;
beforeAll(async () => {
  server = await startTestCouchServer();
  site = await startArticleServer();
});
afterAll(async () => {
  await site.close();
  await server.stop();
});
afterEach(() => closeDevices());

async function twoDevices(): Promise<[Device, Device, string]> {
  const db = `lectio-pictures-${++database}`;
  const a = await openDevice('a');
  const b = await openDevice('b');
  await connect(a, server.url, false, db);
  await connect(b, server.url, false, db);
  return [a, b, db];
}

function serverDatabase(db: string): Replica {
  return remoteDatabase(server.url, db, { username: TEST_USER, password: TEST_PASSWORD }, { createIfMissing: false });
}

async function pictureIds(device: Device, documentId: string): Promise<string[]> {
  const doc = await device.api.getDocument({ id: documentId });
  return doc.body.blocks.flatMap((block) => (block.kind === 'image' && block.image ? [block.image.id] : []));
}

describe('pictures in sync', () => {
  it('shows a web article saved on one device with its pictures on the other: same ids, same bytes', async () => {
    const [a, b, db] = await twoDevices();
    const saved = await a.api.importFromUrl({ url: `${site.base}/article` });
    const ids = await pictureIds(a, saved.id);
    expect(ids.length).toBeGreaterThan(1);
    await a.api.syncNow({});
    // One record per picture on the server, the bytes as an attachment.
    const remote = serverDatabase(db);
    const { rows } = await remote.allDocs({ startkey: 'img:', endkey: 'img:\uffff' });
    await remote.close();
    expect(rows.map((row) => row.id).sort()).toEqual([...new Set(ids)].map((id) => `img:${id}`).sort());

    await b.api.syncNow({});
    expect(await pictureIds(b, saved.id)).toEqual(ids);
    for (const id of ids) {
      const there = await b.storage.images.read(id);
      expect(there?.contentType).toBe('image/png');
      expect(there?.bytes.equals((await a.storage.images.read(id))!.bytes)).toBe(true);
    }
    // The same pictures seen back on A are no new revision and no conflict.
    const back = await a.api.syncNow({});
    expect(back.conflictsMerged).toBe(0);
    expect(await a.api.listSyncConflicts({})).toEqual([]);
  });

  it('refuses a picture over the size limit, and one whose bytes are not the picture its id names', async () => {
    const [a, b, db] = await twoDevices();
    const saved = await a.api.importFromUrl({ url: `${site.base}/article` });
    const [forgedId, keptId] = await pictureIds(a, saved.id);
    // A second document naming a picture over the limit (as an older or another client might have stored it).
    const big = await a.storage.images.put(pngBytes(8, 8, 7, MAX_SYNCED_PICTURE_BYTES + 1024));
    const { body } = await a.api.getDocument({ id: saved.id });
    const at = body.blocks[0]!.end;
    await a.storage.documents.add(
      { ...(await a.api.listDocuments({})).find((d) => d.id === saved.id)!, id: 'big-picture', highlightCount: 0 },
      {
        ...body,
        blocks: [
          ...body.blocks,
          { kind: 'image', start: at, end: at, image: { id: big.id, alt: 'Too large' } },
        ] as typeof body.blocks,
      },
    );
    await a.api.syncNow({});
    const remote = serverDatabase(db);
    try {
      // A does not send it; put there by some other client anyway, B does not store it.
      expect((await remote.allDocs({ keys: [`img:${big.id}`] })).rows[0]?.value).toBeUndefined();
      const bytes = (await a.storage.images.read(big.id))!.bytes;
      await remote.put({
        _id: `img:${big.id}`,
        kind: 'img',
        documentId: null,
        device: '',
        fields: { id: big.id },
        stamps: {},
        seen: {},
        versions: {},
        _attachments: { picture: { content_type: 'image/png', data: bytes.toString('base64') } },
      } as never);
      // Other bytes (a valid picture, named nowhere) put under this picture's id.
      const forged = await remote.get(`img:${forgedId}`);
      const other = pngBytes(5, 5, 99);
      await remote.put({
        ...forged,
        _attachments: { picture: { content_type: 'image/png', data: other.toString('base64') } },
      } as never);
    } finally {
      await remote.close();
    }
    await b.api.syncNow({});
    expect(await b.storage.images.has(big.id)).toBe(false);
    expect(await b.storage.images.has(forgedId!)).toBe(false);
    expect(await b.storage.images.has(keptId!)).toBe(true);
    // Nothing was stored in the forged picture's place either: B holds exactly the article's other pictures.
    const expected = (await pictureIds(a, saved.id)).filter((id) => id !== forgedId);
    expect(await b.storage.images.list()).toEqual([...new Set(expected)].sort());
    // The documents themselves arrive: only the refused pictures are missing.
    expect((await b.api.listDocuments({})).map((d) => d.id).sort()).toEqual(['big-picture', saved.id, 'sample'].sort());
  });

  it('brings back a picture a device lacks from the replica when it starts, since a document there names it', async () => {
    const [a, b] = await twoDevices();
    const saved = await a.api.importFromUrl({ url: `${site.base}/article` });
    const [id] = await pictureIds(a, saved.id);
    await a.api.syncNow({});
    await b.api.syncNow({});
    expect(await b.storage.images.has(id!)).toBe(true);
    // Lost from B's image store (the document was applied before its picture could be stored, say).
    rmSync(b.storage.images.fileOf(id!)!);
    const reopened = await b.reopen();
    await expect.poll(() => reopened.storage.images.has(id!), { timeout: 30_000 }).toBe(true);
    expect((await reopened.storage.images.read(id!))!.bytes.equals((await a.storage.images.read(id!))!.bytes)).toBe(
      true,
    );
  });
});
