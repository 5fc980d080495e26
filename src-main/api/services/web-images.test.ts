/**
 * Saving a page from a web address with its pictures, metadata and without its furniture, against the crafted pages of
 * test-article-server.ts on the loopback interface: every way a page hides a picture, a fake and an oversized one, ads,
 * share bars, newsletter and "read more" boxes, a page of links only, and a Cancel while the pictures download.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LectioApi } from '../contract';
import { dispatch } from '../dispatch';
import type { LibraryStorage } from '../../storage/library-storage';
import {
  ARTICLE_PARAGRAPHS,
  ARTICLE_TITLE,
  CAPTION,
  FURNITURE_TEXT,
  KEPT_ALTS,
  startArticleServer,
  type ArticleServer,
} from '../../import/test-article-server';
import { serviceHarness } from './test-service-harness';

const harness = serviceHarness('webimg');
let site: ArticleServer | undefined;

afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function setUp(): Promise<{ api: LectioApi; site: ArticleServer; storage: LibraryStorage }> {
  const { api, storage } = await harness.open();
  site = await startArticleServer();
  return { api, site, storage };
}

describe('saving a page with its pictures', () => {
  it(
    'downloads lazy, srcset, <picture> and <noscript> pictures once each, skipping fakes, oversized ones and pixels',
    { timeout: 60_000 },
    async () => {
      const { api, site, storage } = await setUp();
      const saved = await api.importFromUrl({ url: `${site.base}/article` });
      const doc = await api.getDocument({ id: saved.id });
      const images = doc.body.blocks.filter((block) => block.kind === 'image');
      expect(images.map((block) => block.image?.alt)).toEqual(KEPT_ALTS);
      // Lazy data-src over the placeholder; srcset's widest candidate up to 2000w; <picture>'s 2x source (its SVG source
      // skipped); the <noscript> copy in place of the empty lazy <img>.
      expect(site.requested).toEqual(
        expect.arrayContaining(['/img/storm.png', '/img/map-800.png', '/img/boats.png', '/img/office.png']),
      );
      expect(site.requested).not.toEqual(expect.arrayContaining(['/img/map-3000.png']));
      expect(
        site.requested.filter((p) => p.endsWith('.svg') || p === '/img/pixel.png' || p === '/img/boats-small.png'),
      ).toEqual([]);
      expect(images.map((block) => [block.image?.width, block.image?.height])).toEqual([
        [64, 40],
        [80, 60],
        [72, 48],
        [50, 50],
      ]);
      // Stored once each, by content, as the files the ids name; the fake and the 21 MB one are not among them.
      const stored = await storage.images.list();
      expect(stored.sort()).toEqual([...new Set(images.map((block) => block.image?.id))].sort());
      for (const block of images)
        expect((await storage.images.read(block.image?.id ?? ''))?.contentType).toBe('image/png');
      expect(doc.body.text).not.toContain('Not really a picture');
      // The lead image is the article's first picture; image blocks hold no text, so every offset is the text's own.
      expect(saved.leadImage).toBe(images[0]?.image?.id);
      for (const block of images) expect(block.end).toBe(block.start);
    },
  );

  it('keeps the caption as a caption right after its picture', { timeout: 60_000 }, async () => {
    const { api, site } = await setUp();
    const doc = await api.getDocument({ id: (await api.importFromUrl({ url: `${site.base}/article` })).id });
    const at = doc.body.blocks.findIndex((block) => block.kind === 'caption');
    expect(doc.body.text.slice(doc.body.blocks[at]?.start, doc.body.blocks[at]?.end)).toBe(CAPTION);
    expect(doc.body.blocks[at - 1]?.kind).toBe('image');
  });

  it(
    'removes advertisements and their labels, share bars, newsletter and "read more" boxes, and keeps every paragraph',
    { timeout: 60_000 },
    async () => {
      const { api, site } = await setUp();
      const doc = await api.getDocument({ id: (await api.importFromUrl({ url: `${site.base}/article` })).id });
      for (const furniture of FURNITURE_TEXT) expect(doc.body.text).not.toContain(furniture);
      expect(doc.body.text).not.toContain('Share on X');
      for (const paragraph of ARTICLE_PARAGRAPHS) expect(doc.body.text).toContain(paragraph);
    },
  );

  it(
    'saves the page’s metadata: authors, site, language, canonical address, published and modified dates',
    { timeout: 60_000 },
    async () => {
      const { api, site } = await setUp();
      const saved = await api.importFromUrl({ url: `${site.base}/article` });
      expect(saved).toMatchObject({
        title: ARTICLE_TITLE,
        authors: ['Ana Costa', 'Li Wei'],
        siteName: 'The Harbour Times',
        language: 'en-GB',
        canonicalUrl: `${site.base}/news/2026/breakwater`,
        publishedDate: '2026-02-09',
        modifiedDate: '2026-02-12',
      });
      expect((await api.listDocuments({})).find((doc) => doc.id === saved.id)).toMatchObject({
        authors: ['Ana Costa', 'Li Wei'],
        siteName: 'The Harbour Times',
      });
    },
  );

  it(
    'refuses a page of links with "No article found on this page", and imports its whole text when asked to',
    { timeout: 60_000 },
    async () => {
      const { api, site, storage } = await setUp();
      const refused = await dispatch(api, 'importFromUrl', { url: `${site.base}/nav` });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringMatching(/^No article found on this page/) },
      });
      expect(storage.documents.list()).toEqual([]);
      const anyway = await api.importFromUrl({ url: `${site.base}/nav`, wholePage: true });
      const doc = await api.getDocument({ id: anyway.id });
      for (const name of ['News', 'Sport', 'Obituaries', 'Contact']) expect(doc.body.text).toContain(name);
    },
  );

  it(
    'stops at Cancel while the pictures download, and leaves nothing stored: no document, no picture',
    { timeout: 60_000 },
    async () => {
      const { api, site, storage } = await setUp();
      const saving = dispatch(api, 'importFromUrl', { url: `${site.base}/slow` });
      await expect.poll(async () => (await api.webImportProgress({})).total, { timeout: 30_000 }).toBe(3);
      expect(await api.webImportProgress({})).toMatchObject({ running: true, done: 0 });
      expect(await api.cancelWebImport({})).toEqual({ cancelled: true });
      expect(await saving).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      site.release();
      expect(storage.documents.list()).toEqual([]);
      expect(await storage.images.list()).toEqual([]);
      const documents = path.join(storage.dataDir, 'documents');
      expect(existsSync(documents) ? readdirSync(documents).filter((name) => name.endsWith('.json')) : []).toEqual([]);
      expect(await api.webImportProgress({})).toEqual({ running: false, done: 0, total: 0 });
    },
  );

  it(
    'deleting the document removes its pictures; another document with the same picture keeps it',
    { timeout: 60_000 },
    async () => {
      const { api, site, storage } = await setUp();
      const first = await api.importFromUrl({ url: `${site.base}/article` });
      const second = await api.importFromUrl({ url: `${site.base}/article` });
      const count = (await storage.images.list()).length;
      await api.deleteDocument({ id: first.id });
      expect((await storage.images.list()).length).toBe(count);
      await api.deleteDocument({ id: second.id });
      expect(await storage.images.list()).toEqual([]);
    },
  );
});
