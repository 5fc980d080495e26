/** An HTML file's metadata through importDocument, and metadata and picture alt text in search. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { openTestLibrary } from '../../storage/test-library';

describe('capture metadata for HTML files and search', () => {
  it('stores an HTML file’s authors, site, language, canonical address and modified date, and refuses bad ones', async () => {
    const { api, storage } = await openTestLibrary();
    const text = 'The council met on Tuesday.';
    const saved = await api.importDocument({
      text,
      format: 'structured',
      body: { text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }], marks: [] },
      title: 'Council',
      publishedDate: '2026-02-09',
      metadata: {
        authors: ['Ana Costa'],
        siteName: 'The Harbour Times',
        language: 'en-GB',
        canonicalUrl: 'https://harbour.example/council',
        modifiedDate: '2026-02-12',
      },
    });
    expect(storage.documents.meta(saved.id)).toMatchObject({
      authors: ['Ana Costa'],
      siteName: 'The Harbour Times',
      language: 'en-GB',
      canonicalUrl: 'https://harbour.example/council',
      modifiedDate: '2026-02-12',
      publishedDate: '2026-02-09',
    });
    const bad = await dispatch(api, 'importDocument', {
      text,
      format: 'text',
      metadata: { canonicalUrl: 'javascript:alert(1)' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    storage.close();
  });

  it('finds a document by its authors and site, and a picture by its alt text', async () => {
    const { api, storage } = await openTestLibrary();
    const text = 'The council met on Tuesday.\nThe vote was close.';
    const doc = await api.importDocument({
      text,
      format: 'structured',
      body: {
        text,
        blocks: [
          { kind: 'paragraph', start: 0, end: 27 },
          { kind: 'caption', start: 28, end: text.length },
        ],
        marks: [],
      },
      title: 'Council',
      metadata: { authors: ['Marguerite Okonkwo'], siteName: 'Tidewater Gazette' },
    });
    expect((await api.search({ query: 'Okonkwo' })).hits.map((hit) => hit.documentId)).toContain(doc.id);
    expect((await api.search({ query: 'Tidewater' })).hits.map((hit) => hit.documentId)).toContain(doc.id);
    // A stored article's picture is found by what its alt text says.
    await storage.documents.add(
      {
        id: 'pictured',
        title: 'Pictured',
        source: '',
        publishedDate: null,
        addedAt: '2026-03-04T05:06:07.000Z',
        wordCount: 3,
        origin: 'test',
      },
      {
        text: 'Some plain text.',
        blocks: [
          { kind: 'image', start: 0, end: 0, image: { id: `${'e'.repeat(64)}.png`, alt: 'Lighthouse at dusk' } },
          { kind: 'paragraph', start: 0, end: 16 },
        ],
        marks: [],
      },
    );
    expect((await api.search({ query: 'lighthouse' })).hits.map((hit) => hit.documentId)).toContain('pictured');
    storage.close();
  });
});
