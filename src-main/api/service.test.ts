import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, type LectioApi } from './contract';
import { dispatch } from './dispatch';
import { seedNewLibrary } from './service';
import { HARNESS_START, serviceHarness } from './services/test-service-harness';
import type { LibraryStorage } from '../storage/library-storage';

const harness = serviceHarness('service');
const now = () => new Date(HARNESS_START);
let storage: LibraryStorage;

async function makeApi(): Promise<LectioApi> {
  const library = await harness.open();
  storage = library.storage;
  return library.api;
}

describe('service', () => {
  it('seeds the sample article into a new library only', async () => {
    const api = await makeApi();
    await seedNewLibrary(
      storage,
      { text: 'One two three.\nFour.', title: 'Sample', source: 'Donga', publishedDate: null },
      now,
    );
    const docs = await api.listDocuments({});
    expect(docs).toEqual([
      expect.objectContaining({
        id: 'sample',
        title: 'Sample',
        source: 'Donga',
        wordCount: 4,
        publishedDate: null,
        highlightCount: 0,
      }),
    ]);
    const doc = await api.getDocument({ id: 'sample' });
    expect(doc.body.blocks).toHaveLength(2);
  });

  it('imports plain text and Markdown, deriving a title when none is given', async () => {
    const api = await makeApi();
    const plain = await api.importDocument({ text: 'First line here\nSecond paragraph.', format: 'text' });
    // The title line names the document and is not repeated as its first paragraph (issue #16).
    expect(plain).toMatchObject({
      id: 'id-1',
      title: 'First line here',
      origin: 'paste',
      wordCount: 2,
      addedAt: now().toISOString(),
    });
    expect((await api.getDocument({ id: plain.id })).body.text).toBe('Second paragraph.');
    const md = await api.importDocument({
      text: '# Heading\n\nSome *text*.',
      format: 'markdown',
      fileName: 'a.md',
      title: 'Mine',
    });
    const doc = await api.getDocument({ id: md.id });
    expect(doc.title).toBe('Mine');
    expect(doc.origin).toBe('a.md');
    expect(doc.body.blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph']);
  });

  it('a Markdown file’s opening heading is its title, shown once: taken when none is given, dropped when it repeats', async () => {
    const api = await makeApi();
    const text = '# Harbour *talks* resume\n\n## Monday\n\nThe port authority met the union.';
    const untitled = await api.getDocument({ id: (await api.importDocument({ text, format: 'markdown' })).id });
    expect(untitled.title).toBe('Harbour talks resume');
    expect(untitled.body.blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph']);
    expect(untitled.body.text).not.toContain('Harbour');
    const same = await api.importDocument({ text, format: 'markdown', title: 'harbour talks  resume' });
    expect((await api.getDocument({ id: same.id })).body.text).not.toContain('Harbour');
    // Another title given: the heading is the reader's text, kept.
    const other = await api.importDocument({ text, format: 'markdown', title: 'Week 3 reading' });
    expect((await api.getDocument({ id: other.id })).body.text).toContain('Harbour talks resume');
  });

  it('keeps a first line that is a sentence, or when a title is given; stores a page’s published date', async () => {
    const api = await makeApi();
    const sentence = await api.importDocument({
      text: 'Ministers met in Lisbon on Monday.\nThey agreed.',
      format: 'text',
    });
    expect(sentence.title).toBe('Ministers met in Lisbon on Monday');
    expect((await api.getDocument({ id: sentence.id })).body.text).toBe(
      'Ministers met in Lisbon on Monday.\nThey agreed.',
    );
    const titled = await api.importDocument({ text: 'Lisbon talks\n\nThey agreed.', format: 'text', title: 'Mine' });
    expect((await api.getDocument({ id: titled.id })).body.text).toBe('Lisbon talks\n\nThey agreed.');
    const dated = await api.importDocument({ text: 'Words.', format: 'text', publishedDate: '2023-05-02' });
    expect(dated.publishedDate).toBe('2023-05-02');
    expect(
      await dispatch(api, 'importDocument', { text: 'Words.', format: 'text', publishedDate: '2023-02-30' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('updates and deletes documents', async () => {
    const api = await makeApi();
    const doc = await api.importDocument({ text: 'Words.', format: 'text' });
    const updated = await api.updateDocument({ id: doc.id, title: 'New', publishedDate: '2024-01-22' });
    expect(updated).toMatchObject({ title: 'New', publishedDate: '2024-01-22' });
    await api.deleteDocument({ id: doc.id });
    expect(await api.listDocuments({})).toEqual([]);
  });
});

describe('dispatch', () => {
  it('returns typed errors for unknown methods, bad arguments, missing documents and empty imports', async () => {
    const api = await makeApi();
    expect(await dispatch(api, 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(api, 'getDocument', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'getDocument', { id: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'getDocument', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(api, 'importDocument', { text: '   ', format: 'text' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/empty/) },
    });
    expect(await dispatch(api, 'importDocument', { text: 'x', format: 'html' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'updateDocument', { id: 'x', publishedDate: '2024-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'listDocuments', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('has a schema and an implementation for every contract method', async () => {
    const api = await makeApi();
    for (const method of METHOD_NAMES) expect(typeof api[method]).toBe('function');
    expect(await dispatch(api, 'listDocuments', undefined)).toMatchObject({ ok: true });
  });
});
