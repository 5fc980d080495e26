import { request } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentBody } from '../core/model';
import { startHttpHost } from '../http/http-host';
import { openTestLibrary } from './test-library';
import { pngBytes } from './test-images';

function pictureBody(text: string, imageId: string): DocumentBody {
  return {
    text,
    blocks: [
      { kind: 'image', start: 0, end: 0, image: { id: imageId, alt: 'A chart' } },
      { kind: 'paragraph', start: 0, end: text.length },
    ],
    marks: [],
  };
}

function meta(id: string) {
  return {
    id,
    title: id,
    source: '',
    publishedDate: null,
    addedAt: '2026-03-04T05:06:07.000Z',
    wordCount: 2,
    origin: 'test',
  };
}

describe('a document’s pictures in the library', () => {
  it('are removed with the last document that shows them, and kept while another does', async () => {
    const { storage } = await openTestLibrary();
    const shared = await storage.images.put(pngBytes(5, 5, 1));
    const own = await storage.images.put(pngBytes(5, 5, 2));
    await storage.documents.add(
      { ...meta('a'), leadImage: own.id },
      {
        ...pictureBody('Alpha text', shared.id),
        blocks: [
          ...pictureBody('Alpha text', shared.id).blocks,
          { kind: 'image', start: 10, end: 10, image: { id: own.id, alt: '' } },
        ],
      },
    );
    await storage.documents.add(meta('b'), pictureBody('Beta text', shared.id));
    await storage.documents.delete('a');
    expect(await storage.images.list()).toEqual([shared.id]);
    await storage.documents.delete('b');
    expect(await storage.images.list()).toEqual([]);
    storage.close();
  });

  it('survive in backups: restoring a backup taken before a delete brings them back', async () => {
    const { storage } = await openTestLibrary();
    const image = await storage.images.put(pngBytes(6, 4, 3));
    await storage.documents.add(meta('a'), pictureBody('Alpha text', image.id));
    const backup = await storage.backups.create('manual');
    await storage.documents.delete('a');
    expect(await storage.images.has(image.id)).toBe(false);
    await storage.restoreBackup(backup?.id ?? '');
    expect(storage.documents.list().map((doc) => doc.id)).toEqual(['a']);
    expect(await storage.images.has(image.id)).toBe(true);
    storage.close();
  });

  it('are listed in each backup’s manifest, and the backups’ pool keeps only what a kept backup names', async () => {
    const { storage } = await openTestLibrary();
    const image = await storage.images.put(pngBytes(6, 4, 4));
    await storage.documents.add(meta('a'), pictureBody('Alpha text', image.id));
    const pool = path.join(storage.backups.folder, 'images');
    const stray = `${'9'.repeat(64)}.png`;
    mkdirSync(path.join(pool, '99'), { recursive: true });
    writeFileSync(path.join(pool, '99', stray), pngBytes(1, 1));
    const backup = await storage.backups.create('manual');
    expect(backup?.images).toEqual([image.id]);
    expect(existsSync(path.join(pool, image.id.slice(0, 2), image.id))).toBe(true);
    expect(existsSync(path.join(pool, '99', stray))).toBe(false);
    storage.close();
  });

  it('are served read-only by id over browser mode’s HTTP, typed by their bytes, with nosniff and the strict CSP', async () => {
    const { storage, api, dataDir } = await openTestLibrary();
    const image = await storage.images.put(pngBytes(2, 2, 9));
    const rendererDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-r-')), 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lectio</title>');
    writeFileSync(path.join(dataDir, 'secret.json'), '{"secret":1}');
    const host = await startHttpHost({ api, rendererDir, token: 't', port: 0, images: storage.images });
    const get = (pathname: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: host.port, path: pathname, headers: { host: `127.0.0.1:${host.port}` } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      });
    try {
      const ok = await get(`/images/${image.id}`);
      expect(ok.status).toBe(200);
      expect(ok.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
      expect(String(ok.headers['content-security-policy'])).toContain("default-src 'none'");
      expect(ok.bytes.equals(pngBytes(2, 2, 9))).toBe(true);
      for (const bad of [
        '/images/..%2Fsecret.json',
        '/images/../secret.json',
        `/images/${image.id.slice(0, 2)}%2F${image.id}`,
        '/images/secret.json',
        `/images/${'d'.repeat(64)}.png`,
      ]) {
        const refused = await get(bad);
        expect(refused.bytes.toString()).not.toContain('secret');
        expect(refused.headers['content-type']).not.toBe('image/png');
      }
    } finally {
      await host.close();
      storage.close();
    }
  });
});
