import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../analysis/extraction-runner';
import { LibraryStorage } from '../../storage/library-storage';
import type { LectioApi } from '../contract';
import { dispatch } from '../dispatch';
import { createService } from '../service';

const TEXT =
  'The council met on Monday.\nIt approved the budget after a long debate.\nThe mayor said the vote was historic.';
const opened: LibraryStorage[] = [];

async function setup(dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-annotations-'))) {
  const storage = await LibraryStorage.open({ dataDir, now: () => new Date('2026-05-01T10:00:00.000Z') });
  opened.push(storage);
  let n = 0;
  const api: LectioApi = createService({
    storage,
    host: 'browser',
    version: 't',
    now: () => new Date('2026-05-01T10:00:00.000Z'),
    extraction: inProcessRunner,
    newId: () => `h${++n}`,
  });
  return { api, storage, dataDir };
}

afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

function range(quote: string) {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length };
}

describe('annotations service', () => {
  it('creates highlights with both selectors, anchors them, and counts them in the library', async () => {
    const { api } = await setup();
    const doc = await api.importDocument({ text: TEXT, format: 'text', title: 'Council' });
    const created = await api.createHighlight({
      documentId: doc.id,
      ...range('approved the budget'),
      color: 2,
      note: 'Key vote',
      tags: ['#budget', 'budget', ' vote '],
    });
    expect(created.selectors).toEqual([
      { type: 'TextPositionSelector', ...range('approved the budget') },
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'approved the budget' }),
    ]);
    expect(created.tags).toEqual(['budget', 'vote']);
    expect(created.anchor).toMatchObject({ ...range('approved the budget'), method: 'position' });
    expect((await api.listDocuments({})).find((d) => d.id === doc.id)?.highlightCount).toBe(1);
  });

  it('updates, deletes and restores (undo) a highlight, and keeps the document note', async () => {
    const { api } = await setup();
    const doc = await api.importDocument({ text: TEXT, format: 'text' });
    const h = await api.createHighlight({ documentId: doc.id, ...range('The mayor said'), color: 1 });
    const updated = await api.updateHighlight({ documentId: doc.id, id: h.id, color: 4, note: 'Who is the mayor?' });
    expect(updated).toMatchObject({ color: 4, note: 'Who is the mayor?' });
    const removed = await api.deleteHighlight({ documentId: doc.id, id: h.id });
    expect((await api.getAnnotations({ documentId: doc.id })).highlights).toEqual([]);
    await api.restoreHighlight({ documentId: doc.id, highlight: removed });
    expect((await api.getAnnotations({ documentId: doc.id })).highlights.map((x) => x.note)).toEqual([
      'Who is the mayor?',
    ]);
    await api.setDocumentNote({ documentId: doc.id, note: 'Read for Tuesday' });
    expect((await api.getAnnotations({ documentId: doc.id })).documentNote).toBe('Read for Tuesday');
  });

  it('exports Markdown in reading order with labels, notes and tags', async () => {
    const { api } = await setup();
    const doc = await api.importDocument({ text: TEXT, format: 'text', title: 'Council', source: 'City Paper' });
    await api.createHighlight({ documentId: doc.id, ...range('the vote was historic'), color: 5, tags: ['mayor'] });
    await api.createHighlight({ documentId: doc.id, ...range('The council met'), color: 1, note: 'Opening' });
    const md = await api.exportAnnotations({ documentId: doc.id, format: 'markdown' });
    expect(md.fileName).toBe('Council.md');
    expect(md.content).toContain('# Council');
    expect(md.content).toContain('City Paper');
    expect(md.content.indexOf('The council met')).toBeLessThan(md.content.indexOf('the vote was historic'));
    expect(md.content).toContain('Key point');
    expect(md.content).toContain('Disagree');
    expect(md.content).toContain('Opening');
    expect(md.content).toContain('#mayor');
  });

  it('round-trips every highlight through Web Annotation JSON into another library holding the same document', async () => {
    const first = await setup();
    const doc = await first.api.importDocument({ text: TEXT, format: 'text' });
    await first.api.createHighlight({ documentId: doc.id, ...range('long debate'), color: 3, note: 'n1', tags: ['t'] });
    await first.api.createHighlight({ documentId: doc.id, ...range('It approved'), color: 2 });
    const exported = await first.api.exportAnnotations({ documentId: doc.id, format: 'json' });
    expect(JSON.parse(exported.content)).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 2,
    });

    const second = await setup();
    const copy = await second.api.importDocument({ text: TEXT, format: 'text' });
    const report = await second.api.importAnnotations({ documentId: copy.id, content: exported.content });
    expect(report).toEqual({
      imported: 2,
      skipped: 0,
      errors: [],
      elsewhere: [],
      unmatched: { count: 0, sources: [] },
    });
    const back = (await second.api.getAnnotations({ documentId: copy.id })).highlights;
    const original = (await first.api.getAnnotations({ documentId: doc.id })).highlights;
    const strip = (h: (typeof back)[number]) => ({
      color: h.color,
      note: h.note,
      tags: h.tags,
      selectors: h.selectors,
      anchor: h.anchor,
    });
    expect(back.map(strip)).toEqual(original.map(strip));
    expect(await second.api.importAnnotations({ documentId: copy.id, content: exported.content })).toMatchObject({
      imported: 0,
      skipped: 2,
    });
  });

  it('keeps highlights across a restart, and rejects bad ranges and bad files with typed errors', async () => {
    const { api, storage, dataDir } = await setup();
    const doc = await api.importDocument({ text: TEXT, format: 'text' });
    await api.createHighlight({ documentId: doc.id, ...range('budget'), color: 1 });
    storage.close();
    opened.splice(opened.indexOf(storage), 1);
    const again = await setup(dataDir);
    expect((await again.api.getAnnotations({ documentId: doc.id })).highlights).toHaveLength(1);
    expect(
      await dispatch(again.api, 'createHighlight', { documentId: doc.id, start: 5, end: 2, color: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(
      await dispatch(again.api, 'createHighlight', { documentId: doc.id, start: 0, end: 99_999, color: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(
      await dispatch(again.api, 'createHighlight', { documentId: doc.id, start: 0, end: 3, color: 9 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch(again.api, 'importAnnotations', { documentId: doc.id, content: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    const report = await again.api.importAnnotations({ documentId: doc.id, content: '{"type":"Annotation"}' });
    expect(report.imported).toBe(0);
    expect(report.errors.length).toBeGreaterThan(0);
  });
});
