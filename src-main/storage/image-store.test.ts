import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageStore, NotAnImageError } from './image-store';
import { sniffImage } from './image-sniff';
import { pngBytes } from './test-images';

function freshStore(): ImageStore {
  return new ImageStore(mkdtempSync(path.join(os.tmpdir(), 'lectio-images-')));
}

const GIF = Buffer.from('R0lGODlhAwACAIAAAP///wAAACH5BAAAAAAALAAAAAADAAIAAAICjF8AOw==', 'base64');
const JPEG_HEAD = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00, 0x40, 0x03, 0x01,
  0x22, 0x00,
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF\0\0\0\0WEBPVP8X', 'ascii'),
  Buffer.from([10, 0, 0, 0, 0, 0, 0, 0, 0x3f, 0, 0, 0x1f, 0, 0]),
]);

describe('sniffImage: the format by the bytes, not the name', () => {
  it.each([
    ['PNG', pngBytes(7, 5), { format: 'png', width: 7, height: 5 }],
    ['GIF', GIF, { format: 'gif', width: 3, height: 2 }],
    ['JPEG', JPEG_HEAD, { format: 'jpg', width: 64, height: 48 }],
    ['WebP', WEBP, { format: 'webp', width: 64, height: 32 }],
    ['AVIF', Buffer.from('\0\0\0\x20ftypavif\0\0\0\0', 'binary'), { format: 'avif' }],
  ])('recognises %s', (_name, bytes, expected) => {
    expect(sniffImage(bytes)).toEqual(expected);
  });

  it.each([
    ['HTML', Buffer.from('<!doctype html><html><body>not a picture</body></html>')],
    [
      'SVG (script-capable, refused)',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['too short', Buffer.from([0x89, 0x50])],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffImage(bytes)).toBeNull();
  });
});

describe('ImageStore', () => {
  it('stores an image once under its content hash, whatever it was called', async () => {
    const store = freshStore();
    const first = await store.put(pngBytes(4, 3, 1));
    const again = await store.put(pngBytes(4, 3, 1));
    expect(first.id).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ format: 'png', width: 4, height: 3 });
    expect(readdirSync(path.join(store.folder, first.id.slice(0, 2)))).toEqual([first.id]);
    expect(await store.list()).toEqual([first.id]);
    const read = await store.read(first.id);
    expect(read?.contentType).toBe('image/png');
    expect(Buffer.compare(read?.bytes ?? Buffer.alloc(0), pngBytes(4, 3, 1))).toBe(0);
  });

  it('refuses bytes that are no image and writes nothing', async () => {
    const store = freshStore();
    await expect(store.put(Buffer.from('<html>pretending to be image/png</html>'))).rejects.toBeInstanceOf(
      NotAnImageError,
    );
    expect(await store.list()).toEqual([]);
  });

  it('reads by id only: paths, traversal and other names are no image', async () => {
    const store = freshStore();
    writeFileSync(path.join(store.dataDir, 'library.json'), '{}');
    for (const id of [
      '../library.json',
      '..%2Flibrary.json',
      'library.json',
      `${'a'.repeat(64)}.svg`,
      `${'A'.repeat(64)}.png`,
      '',
    ]) {
      expect(store.fileOf(id)).toBeNull();
      expect(await store.read(id)).toBeNull();
    }
    expect(await store.read(`${'b'.repeat(64)}.png`)).toBeNull();
  });

  it('removes only the images no document names any more', async () => {
    const store = freshStore();
    const shared = await store.put(pngBytes(2, 2, 1));
    const own = await store.put(pngBytes(2, 2, 2));
    mkdirSync(path.join(store.dataDir, 'documents'));
    writeFileSync(
      path.join(store.dataDir, 'documents', 'other.json'),
      JSON.stringify({ body: { blocks: [{ kind: 'image', image: { id: shared.id } }] } }),
    );
    expect(await store.removeUnused([shared.id, own.id])).toEqual([own.id]);
    expect(await store.list()).toEqual([shared.id]);
  });

  it('keeps copies in a backup pool and puts back what a restore needs', async () => {
    const store = freshStore();
    const image = await store.put(pngBytes(3, 3, 5));
    const pool = path.join(store.dataDir, 'backups', 'images');
    await store.linkInto(pool);
    await store.removeUnused([image.id]);
    expect(await store.list()).toEqual([]);
    expect(await store.restoreFrom(pool, [image.id, `${'c'.repeat(64)}.png`])).toEqual([image.id]);
    expect(readFileSync(store.fileOf(image.id) as string).equals(pngBytes(3, 3, 5))).toBe(true);
  });
});
