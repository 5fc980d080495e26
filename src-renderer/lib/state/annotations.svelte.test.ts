import { afterEach, describe, expect, it } from 'vitest';
import type { ExportedFile } from '@contract';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { AnnotationsState } from './annotations.svelte';

afterEach(closeSampleLibraries);

/** The sample article's highlights over the real service, loaded; `span` finds a passage of its text. */
async function annotations(documentId = 'sample') {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const downloaded: ExportedFile[] = [];
  const state = new AnnotationsState(client, documentId, (file) => downloaded.push(file));
  await state.load();
  const text = (await client.getDocument({ id: 'sample' })).body.text;
  const span = (words: string) => {
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`not in the sample: ${words}`);
    return { start, end: start + words.length };
  };
  return { state, client, downloaded, span, text };
}

/** Two passages of the sample, one after the other. */
function twoSpans(text: string) {
  const first = { start: 0, end: text.indexOf(' ', 20) };
  const second = { start: first.end + 1, end: text.indexOf(' ', first.end + 30) };
  return [first, second] as const;
}

describe('AnnotationsState', () => {
  it('loads the document’s highlights, its note and the colour labels', async () => {
    const { state, client } = await annotations();
    expect(state.error).toBeNull();
    expect(state.highlights).toEqual([]);
    expect(state.labels['1']).toBe('Key point');
    await client.setDocumentNote({ documentId: 'sample', note: 'Read twice' });
    await client.updateSettings({ colorLabels: { ...state.labels, '1': 'Main idea' } });
    await state.load();
    expect(state.documentNote).toBe('Read twice');
    expect(state.labels['1']).toBe('Main idea');
  });

  it('a missing document gives the service’s message and no highlights', async () => {
    const { state } = await annotations('nowhere');
    expect(state.error).toBe('Document nowhere was not found');
    expect(state.highlights).toEqual([]);
  });

  it('creates highlights: stored, in reading order, found by id and by offset, and painted by colour', async () => {
    const { state, client, text } = await annotations();
    const [first, second] = twoSpans(text);
    const later = await state.create(second.start, second.end, 3);
    const earlier = await state.create(first.start, first.end, 1);
    expect(state.status).toBe('Highlighted as “Key point”');
    expect(state.placed.map((h) => h.id)).toEqual([earlier?.id, later?.id]);
    expect(state.byId(later?.id ?? '')?.color).toBe(3);
    expect(state.at(second.start + 1).map((h) => h.id)).toEqual([later?.id]);
    expect(state.at(second.end + 1)).toEqual([]);
    expect(state.spansByColor[0]).toEqual([expect.objectContaining(first)]);
    expect(state.spansByColor[2]).toEqual([expect.objectContaining(second)]);
    expect((await client.getAnnotations({ documentId: 'sample' })).highlights).toHaveLength(2);
  });

  it('a highlight the service refuses sets the error and adds nothing', async () => {
    const { state } = await annotations();
    expect(await state.create(10, 10, 1)).toBeNull();
    expect(state.error).toMatch(/start < end/);
    expect(state.highlights).toEqual([]);
  });

  it('updates a highlight; Undo puts back its colour and note', async () => {
    const { state, client, text } = await annotations();
    const [first] = twoSpans(text);
    const made = await state.create(first.start, first.end, 1);
    const id = made?.id ?? '';
    expect(await state.update(id, { color: 4 })).toBe(true);
    expect(await state.update(id, { note: 'Why?' })).toBe(true);
    expect(state.byId(id)).toMatchObject({ color: 4, note: 'Why?' });
    await state.undo();
    expect(state.status).toBe('Undid: edit');
    expect(state.byId(id)).toMatchObject({ color: 4, note: '' });
    await state.undo();
    expect(state.byId(id)).toMatchObject({ color: 1 });
    expect((await client.getAnnotations({ documentId: 'sample' })).highlights[0]).toMatchObject({ color: 1, note: '' });
  });

  it('a note typed in several saves is undone in one', async () => {
    const { state, text } = await annotations();
    const [first] = twoSpans(text);
    const id = (await state.create(first.start, first.end, 1))?.id ?? '';
    for (const note of ['W', 'Wh', 'Why', 'Why not?']) await state.update(id, { note });
    await state.undo();
    expect(state.byId(id)?.note).toBe('');
    await state.undo();
    expect(state.byId(id)).toBeUndefined();
  });

  it('an update of a highlight that is gone resolves false with the reason, the list as it was', async () => {
    const { state, client, text } = await annotations();
    const [first] = twoSpans(text);
    const id = (await state.create(first.start, first.end, 1))?.id ?? '';
    expect(await state.update('nowhere', { color: 2 })).toBe(false);
    await client.deleteHighlight({ documentId: 'sample', id });
    expect(await state.update(id, { color: 2 })).toBe(false);
    expect(state.error).toBe(`There is no highlight ${id} on this document.`);
    expect(state.byId(id)?.color).toBe(1);
  });

  it('deletes a highlight; Undo restores it, note and all', async () => {
    const { state, client, text } = await annotations();
    const [first] = twoSpans(text);
    const id = (await state.create(first.start, first.end, 2))?.id ?? '';
    await state.update(id, { note: 'Keep this' });
    await state.remove(id);
    expect(state.status).toBe('Highlight deleted (Ctrl+Z to undo)');
    expect(state.highlights).toEqual([]);
    expect(state.at(first.start)).toEqual([]);
    await state.undo();
    expect(state.byId(id)).toMatchObject({ color: 2, note: 'Keep this' });
    expect((await client.getAnnotations({ documentId: 'sample' })).highlights.map((h) => h.id)).toEqual([id]);
  });

  it('an Undo pressed while a delete is still saving undoes that delete, not the change before it', async () => {
    const { state, client, text } = await annotations();
    const [first] = twoSpans(text);
    const id = (await state.create(first.start, first.end, 2))?.id ?? '';
    await state.update(id, { color: 4 });
    const deleting = state.remove(id);
    await state.undo();
    await deleting;
    expect(state.status).toBe('Undid: delete');
    expect(state.byId(id)).toMatchObject({ color: 4 });
    expect((await client.getAnnotations({ documentId: 'sample' })).highlights).toMatchObject([{ id, color: 4 }]);
  });

  it('Undo of a new highlight removes it; with nothing left, says so', async () => {
    const { state, client, text } = await annotations();
    const [first] = twoSpans(text);
    await state.create(first.start, first.end, 1);
    await state.undo();
    expect(state.status).toBe('Undid: highlight');
    expect(state.highlights).toEqual([]);
    expect((await client.getAnnotations({ documentId: 'sample' })).highlights).toEqual([]);
    await state.undo();
    expect(state.status).toBe('Nothing to undo');
  });

  it('saves the article’s note, undone in one; a document that is gone resolves false', async () => {
    const { state, client } = await annotations();
    expect(await state.setDocumentNote('First')).toBe(true);
    expect(await state.setDocumentNote('First thoughts')).toBe(true);
    expect(state.status).toBe('Note saved');
    expect((await client.getAnnotations({ documentId: 'sample' })).documentNote).toBe('First thoughts');
    await state.undo();
    expect(state.documentNote).toBe('');
    await client.deleteDocument({ id: 'sample' });
    expect(await state.setDocumentNote('Lost?')).toBe(false);
    expect(state.error).toBe('Document sample was not found');
    expect(state.documentNote).toBe('');
  });

  it('exports the highlights as Markdown and downloads the file; a failed export says why', async () => {
    const { state, client, downloaded, text } = await annotations();
    const [first] = twoSpans(text);
    await state.create(first.start, first.end, 1);
    await state.exportAs('markdown');
    expect(state.error).toBeNull();
    expect(state.message).toBe(`Exported ${downloaded[0]?.fileName}`);
    expect(downloaded[0]?.content).toContain(text.slice(first.start, first.end));
    await client.deleteDocument({ id: 'sample' });
    await state.exportAs('markdown');
    expect(state.error).toBe('Document sample was not found');
    expect(downloaded).toHaveLength(1);
  });

  it('imports Web Annotation JSON back, and reloads; a file that is not JSON sets the error', async () => {
    const { state, client, downloaded, text } = await annotations();
    const [first, second] = twoSpans(text);
    await state.create(first.start, first.end, 1);
    await state.create(second.start, second.end, 5);
    await state.exportAs('json');
    const json = downloaded[0]?.content ?? '';
    for (const h of state.highlights) await client.deleteHighlight({ documentId: 'sample', id: h.id });
    const report = await state.importJson(json);
    expect(report).toMatchObject({ imported: 2, skipped: 0, errors: [] });
    expect(state.highlights.map((h) => h.color).sort()).toEqual([1, 5]);

    expect(await state.importJson('not json')).toBeNull();
    expect(state.error).toMatch(/not JSON/);
    expect(state.highlights).toHaveLength(2);
  });

  it('from another article, imports a file onto the document its annotations name', async () => {
    const { state, client, downloaded, text } = await annotations();
    const [first] = twoSpans(text);
    const id = (await state.create(first.start, first.end, 1))?.id ?? '';
    await state.exportAs('json');
    await client.deleteHighlight({ documentId: 'sample', id });
    const other = await client.importDocument({
      text: 'Another article.\nWith other words.',
      format: 'text',
      title: 'Other',
    });
    const onOther = new AnnotationsState(client, other.id);
    const report = await onOther.importInto('sample', downloaded[0]?.content ?? '');
    expect(report).toMatchObject({ imported: 1, errors: [] });
    expect((await client.getAnnotations({ documentId: 'sample' })).highlights.map((h) => h.id)).toEqual([id]);
    expect(await onOther.importInto('nowhere', downloaded[0]?.content ?? '')).toBeNull();
    expect(onOther.error).toBe('Document nowhere was not found');
  });

  it('a highlight whose passage is not in the text is kept as an orphan: listed, not placed', async () => {
    const { state } = await annotations();
    const annotation = {
      id: 'urn:example:1',
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      target: {
        source: 'https://example.org/elsewhere',
        selector: [
          { type: 'TextPositionSelector', start: 10, end: 39 },
          { type: 'TextQuoteSelector', exact: 'Words this article never says', prefix: '', suffix: '' },
        ],
      },
    };
    const json = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [annotation] },
    });
    const report = await state.importJson(json, true);
    expect(report?.imported).toBe(1);
    expect(state.orphans).toHaveLength(1);
    expect(state.placed).toEqual([]);
    expect(state.spansByColor.every((spans) => spans.length === 0)).toBe(true);
  });

  it('deleting a highlight that is gone sets the error and leaves nothing to undo', async () => {
    const { state } = await annotations();
    await state.remove('nowhere');
    expect(state.error).toBe('There is no highlight nowhere on this document.');
    await state.undo();
    expect(state.status).toBe('Nothing to undo');
  });
});
