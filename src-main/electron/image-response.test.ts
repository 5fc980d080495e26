import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageUrl } from '../api/contract/image-url';
import { ImageStore } from '../storage/image-store';
import { pngBytes } from '../storage/test-images';
import { imageResponse } from './image-response';

describe('the desktop app’s lectio-image: answers', () => {
  it('serve a stored image by id, typed by its bytes, with nosniff, and nothing else', async () => {
    const store = new ImageStore(mkdtempSync(path.join(os.tmpdir(), 'lectio-proto-')));
    writeFileSync(path.join(store.dataDir, 'library.json'), '{"secret":1}');
    const image = await store.put(pngBytes(3, 2, 4));
    const ok = await imageResponse(store, new Request(imageUrl(image.id, 'file:')));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await ok.arrayBuffer()).equals(pngBytes(3, 2, 4))).toBe(true);
    for (const bad of [
      'lectio-image://image/..%2Flibrary.json',
      'lectio-image://image/../library.json',
      'lectio-image://other/' + image.id,
      `lectio-image://image/${'f'.repeat(64)}.png`,
      'lectio-image://image/%E0%A4%A',
    ]) {
      const refused = await imageResponse(store, new Request(bad));
      expect(refused.status, bad).toBe(404);
      expect(await refused.text()).not.toContain('secret');
    }
    expect(
      (await imageResponse(store, new Request(imageUrl(image.id, 'file:'), { method: 'POST', body: 'x' }))).status,
    ).toBe(404);
  });
});
