/**
 * Importing Web Annotation JSON through the service: annotations go to the document their source names, never
 * silently onto whichever article is open; highlights from other tools (IRI ids) can be edited and deleted; an old
 * annotations file holding IRI ids is given Lectio ids as it opens.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../core/anchoring/describe';
import { lectioIdFor } from '../../core/annotations/highlight-id';
import { ANNOTATION_CONTEXT } from '../../core/annotations/web-annotation';
import type { LibraryStorage } from '../../storage/library-storage';
import { openTestLibrary } from '../../storage/test-library';
import { dispatch } from '../dispatch';

const A_TEXT =
  'The council met on Monday. It approved the budget after a long debate. The mayor said the vote was historic.';
const B_TEXT =
  'Rain fell over the valley all week. Farmers waited for the river to drop before sowing the barley again.';

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

async function library(dataDir?: string) {
  const made = await openTestLibrary(dataDir);
  opened.push(made.storage);
  return made;
}

function at(text: string, quote: string) {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length };
}

/** An annotation as another tool writes it: an IRI id, the page's address as its source. */
function foreign(id: string, source: string, text: string, quote: string) {
  const { start, end } = at(text, quote);
  return {
    id,
    type: 'Annotation',
    created: '2025-01-01T00:00:00Z',
    body: [{ type: 'TextualBody', purpose: 'commenting', value: `note on ${quote}` }],
    target: {
      source,
      selector: [
        { type: 'TextPositionSelector', start, end },
        {
          type: 'TextQuoteSelector',
          exact: quote,
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(end, end + 32),
        },
      ],
    },
  };
}

const page = (items: unknown[]) => JSON.stringify({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationPage', items });

describe('importing annotations onto the right document', () => {
  it('leaves annotations exported from one article off another, and names the article they belong to', async () => {
    const { api } = await library();
    const a = await api.importDocument({ text: A_TEXT, format: 'text', title: 'Council' });
    const b = await api.importDocument({ text: B_TEXT, format: 'text', title: 'Valley' });
    for (const quote of ['approved the budget', 'The mayor said', 'met on Monday', 'long debate']) {
      await api.createHighlight({ documentId: a.id, ...at(A_TEXT, quote), color: 1 });
    }
    const exported = await api.exportAnnotations({ documentId: a.id, format: 'json' });

    const report = await api.importAnnotations({ documentId: b.id, content: exported.content });
    expect(report).toMatchObject({
      imported: 0,
      skipped: 0,
      elsewhere: [{ documentId: a.id, title: 'Council', count: 4 }],
      unmatched: { count: 0 },
    });
    expect((await api.getAnnotations({ documentId: b.id })).highlights).toEqual([]);
    // Imported where they belong, they are the highlights already there.
    expect(await api.importAnnotations({ documentId: a.id, content: exported.content })).toMatchObject({
      imported: 0,
      skipped: 4,
      elsewhere: [],
    });
  });

  it('refuses annotations of an unknown page unless their passages are in this text, or the reader chooses this article', async () => {
    const { api } = await library();
    const b = await api.importDocument({ text: B_TEXT, format: 'text', title: 'Valley' });
    const stray = page([
      foreign('https://example.org/anno/1', 'https://news.example/council', A_TEXT, 'approved the budget'),
    ]);
    const refused = await api.importAnnotations({ documentId: b.id, content: stray });
    expect(refused).toMatchObject({ imported: 0, unmatched: { count: 1, sources: ['https://news.example/council'] } });
    expect((await api.getAnnotations({ documentId: b.id })).highlights).toEqual([]);

    const chosen = await api.importAnnotations({ documentId: b.id, content: stray, attachUnmatched: true });
    expect(chosen).toMatchObject({ imported: 1, unmatched: { count: 0 } });
    expect((await api.getAnnotations({ documentId: b.id })).highlights).toEqual([
      expect.objectContaining({ anchor: null }),
    ]);

    // The same article's annotations from another tool: every passage is in the text, so they go straight on.
    const same = page([foreign('https://example.org/anno/2', 'https://news.example/valley', B_TEXT, 'Farmers waited')]);
    expect(await api.importAnnotations({ documentId: b.id, content: same })).toMatchObject({
      imported: 1,
      unmatched: { count: 0 },
    });
  });

  it('matches another tool’s source to the document imported from that address', async () => {
    const { api } = await library();
    const a = await api.importDocument({
      text: A_TEXT,
      format: 'text',
      title: 'Council',
      source: 'https://news.example/council',
    });
    const b = await api.importDocument({ text: B_TEXT, format: 'text', title: 'Valley' });
    const content = page([
      foreign('https://example.org/anno/1', 'https://news.example/council', A_TEXT, 'long debate'),
    ]);
    expect(await api.importAnnotations({ documentId: b.id, content })).toMatchObject({
      imported: 0,
      elsewhere: [{ documentId: a.id, count: 1 }],
    });
    expect(await api.importAnnotations({ documentId: a.id, content })).toMatchObject({ imported: 1, elsewhere: [] });
  });
});

describe('highlights from other tools', () => {
  it('get Lectio ids, so they can be edited, deleted and restored through the API; a re-import finds them', async () => {
    const { api } = await library();
    const b = await api.importDocument({ text: B_TEXT, format: 'text', title: 'Valley' });
    const content = page([foreign('https://example.org/anno/1', 'https://news.example/valley', B_TEXT, 'Rain fell')]);
    expect(await api.importAnnotations({ documentId: b.id, content })).toMatchObject({ imported: 1 });
    const [imported] = (await api.getAnnotations({ documentId: b.id })).highlights;
    expect(imported).toMatchObject({
      id: lectioIdFor('https://example.org/anno/1'),
      foreignId: 'https://example.org/anno/1',
      note: 'note on Rain fell',
    });

    const edited = await dispatch(api, 'updateHighlight', {
      documentId: b.id,
      id: imported!.id,
      note: 'mine now',
      color: 3,
    });
    expect(edited).toMatchObject({
      ok: true,
      value: { note: 'mine now', color: 3, foreignId: 'https://example.org/anno/1' },
    });
    const removed = await dispatch(api, 'deleteHighlight', { documentId: b.id, id: imported!.id });
    expect(removed).toMatchObject({ ok: true });
    if (!removed.ok) return;
    expect(await dispatch(api, 'restoreHighlight', { documentId: b.id, highlight: removed.value })).toMatchObject({
      ok: true,
    });
    expect(await api.importAnnotations({ documentId: b.id, content })).toMatchObject({ imported: 0, skipped: 1 });
  });

  it('stored under an IRI by an earlier Lectio are given Lectio ids when the file opens, keeping the IRI', async () => {
    const first = await library();
    const doc = await first.api.importDocument({ text: B_TEXT, format: 'text', title: 'Valley' });
    first.storage.close();
    opened.splice(0);
    const file = path.join(first.dataDir, 'annotations', `${doc.id}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    const selectors = describeRange(B_TEXT, ...(Object.values(at(B_TEXT, 'the barley')) as [number, number]));
    const iri = {
      id: 'https://example.org/anno/7',
      documentId: doc.id,
      color: 2,
      selectors,
      note: 'old',
      tags: [],
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    };
    const own = { ...iri, id: 'abc-123', note: 'own' };
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        documentId: doc.id,
        highlights: [iri, own],
        documentNote: '',
        corrections: { renames: {}, merges: [], splits: [], added: [], removed: [], dateValues: {} },
      }),
    );

    const { api } = await library(first.dataDir);
    const highlights = (await api.getAnnotations({ documentId: doc.id })).highlights;
    const newId = lectioIdFor('https://example.org/anno/7');
    expect(highlights.map((h) => [h.id, h.foreignId])).toEqual([
      [newId, 'https://example.org/anno/7'],
      ['abc-123', undefined],
    ]);
    expect(JSON.parse(readFileSync(file, 'utf8')).highlights[0]).toMatchObject({
      id: newId,
      foreignId: 'https://example.org/anno/7',
    });
    expect(await dispatch(api, 'updateHighlight', { documentId: doc.id, id: newId, note: 'edited' })).toMatchObject({
      ok: true,
    });
    expect(await dispatch(api, 'deleteHighlight', { documentId: doc.id, id: newId })).toMatchObject({ ok: true });
  });
});
