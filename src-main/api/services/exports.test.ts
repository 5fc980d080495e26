/**
 * Long exports through the service: built a chunk at a time with the same bytes as the whole-file builders, their
 * progress readable while they run, stopped by cancelExport with the 'cancelled' error and no file, and one at a time.
 */
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { anchor } from '../../core/anchoring/anchor';
import { describe as describeRange } from '../../core/anchoring/describe';
import { exportMarkdown } from '../../core/annotations/export-markdown';
import type { Highlight, HighlightColor } from '../../core/annotations/highlight';
import { toAnnotationCollection } from '../../core/annotations/web-annotation';
import { toAnkiText } from '../../core/cards/anki-export';
import type { StoredCard } from '../../core/cards/card';
import type { LibraryStorage } from '../../storage/library-storage';
import { openTestLibrary } from '../../storage/test-library';
import type { ApiResult, ExportedFile, LectioApi } from '../contract';
import { dispatch } from '../dispatch';
import { EXPORT_CHUNK } from './exports';

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

// Enough items for several chunks, with the awkward content an export must carry over unchanged.
const COUNT = EXPORT_CHUNK * 2 + 57;
const SENTENCES = Array.from(
  { length: 60 },
  (_, i) => `Sentence ${i}: the “council” met\tin region ${i % 7}, and 📜 said "yes; no".`,
);
const TEXT = SENTENCES.join('\n');
const NOTES = ['', 'A note', 'Two lines\nof note', '# not a heading\n> nor a quote', 'Quotes " and \\ backslash'];
const TAGS = [[], ['budget'], ['big picture', '#europe'], ['a', 'b', 'c']];

async function library() {
  const made = await openTestLibrary();
  opened.push(made.storage);
  const { api, storage } = made;
  const doc = await api.importDocument({ text: TEXT, format: 'text', title: 'Council: the "long" one' });
  const gone = await api.importDocument({ text: 'A document that will be deleted.', format: 'text', title: 'Gone' });
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
  const highlights: Highlight[] = Array.from({ length: COUNT }, (_, i) => {
    const sentence = SENTENCES[(i * 7) % SENTENCES.length] ?? '';
    const start = TEXT.indexOf(sentence) + (i % 5);
    const selectors = describeRange(TEXT, start, start + 12 + (i % 9));
    // Every 50th is an orphan: its quote is nowhere in the text, so it keeps its stored place in the reading order.
    if (i % 50 === 0) selectors[1] = { ...selectors[1], exact: `vanished words ${i}` };
    return {
      id: `h${i}`,
      documentId: doc.id,
      color: ((i % 5) + 1) as HighlightColor,
      selectors,
      note: NOTES[i % NOTES.length] ?? '',
      tags: TAGS[i % TAGS.length] ?? [],
      createdAt: at(i),
      updatedAt: at(i + 1),
    };
  });
  await storage.files.annotations.update(doc.id, (data) => {
    data.highlights = highlights;
  });
  const cards: StoredCard[] = Array.from({ length: COUNT }, (_, i) => {
    const sentence = SENTENCES[i % SENTENCES.length] ?? '';
    const start = TEXT.indexOf(sentence);
    const source =
      i % 10 === 3
        ? null
        : i % 10 === 7
          ? { documentId: gone.id, selectors: describeRange('A document that will be deleted.', 2, 10) }
          : { documentId: doc.id, selectors: describeRange(TEXT, start, start + sentence.length) };
    return {
      id: `c${i}`,
      kind: i % 2 ? 'cloze' : 'basic',
      front: i % 2 ? `The {{c1::council}} met ${i}` : `Question ${i}\n"quoted"`,
      back: NOTES[i % NOTES.length] ?? '',
      tags: TAGS[i % TAGS.length] ?? [],
      source,
      highlightId: null,
      color: null,
      suspended: false,
      guid: i % 11 ? null : `foreign-${i}`,
      createdAt: at(i),
      updatedAt: at(i),
    };
  });
  await storage.files.cards.updateCards(() => cards);
  await api.deleteDocument({ id: gone.id });
  return { ...made, documentId: doc.id };
}

/** Calls `method` without waiting, and reads its progress at every turn of the event loop until it ends. */
async function watch(
  api: LectioApi,
  call: Promise<ApiResult<unknown>>,
  onTurn?: (progress: { running: boolean; done: number; total: number }) => Promise<void> | void,
) {
  let ended = false;
  void call.finally(() => (ended = true));
  const seen: { running: boolean; done: number; total: number }[] = [];
  while (!ended) {
    const progress = await api.exportProgress({});
    seen.push(progress);
    await onTurn?.(progress);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { result: await call, seen };
}

function valueOf(result: ApiResult<unknown>): ExportedFile {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ExportedFile;
}

describe('exports in chunks', () => {
  it('write the same bytes as the whole-file builders', async () => {
    const { api, storage, documentId } = await library();
    const views = await api.listCards({});
    const expectedCards = toAnkiText(
      views.map((view) => ({
        card: view.card,
        documentTitle: view.source?.documentTitle ?? null,
        passage: view.source?.passage ?? null,
      })),
    );
    expect((await api.exportCards({})).content).toBe(expectedCards);
    const mine = views.filter((view) => view.card.source?.documentId === documentId);
    const expectedMine = toAnkiText(
      mine.map((view) => ({
        card: view.card,
        documentTitle: view.source?.documentTitle ?? null,
        passage: view.source?.passage ?? null,
      })),
    );
    expect(await api.exportCards({ documentId })).toEqual({
      fileName: 'Council-the-long-one-anki.txt',
      mimeType: 'text/plain',
      content: expectedMine,
    });

    const doc = await storage.documents.get(documentId);
    const highlights = (await storage.files.annotations.get(documentId)).data.highlights;
    const labels = { 1: 'Key point', 2: 'Actor', 3: 'Date or event', 4: 'Question', 5: 'Disagree' } as const;
    const positions = new Map(
      highlights.map((h) => [h.id, anchor(doc.body.text, h.selectors)?.start ?? h.selectors[0].start]),
    );
    const markdown = await api.exportAnnotations({ documentId, format: 'markdown' });
    expect(markdown.content).toBe(
      exportMarkdown({ title: doc.title, source: doc.source, highlights, labels, positions }),
    );
    expect(markdown.content.split('\n---\n')).toHaveLength(COUNT);
    const json = await api.exportAnnotations({ documentId, format: 'json' });
    expect(json.content).toBe(`${JSON.stringify(toAnnotationCollection(highlights, doc.title), null, 2)}\n`);
  });

  it('report their progress while they run, and the event loop keeps turning', async () => {
    const { api, documentId } = await library();
    for (const start of [
      () => dispatch(api, 'exportCards', {}),
      () => dispatch(api, 'exportAnnotations', { documentId, format: 'markdown' }),
      () => dispatch(api, 'exportAnnotations', { documentId, format: 'json' }),
    ]) {
      const { result, seen } = await watch(api, start());
      valueOf(result);
      const during = seen.filter((p) => p.running);
      expect(during.length).toBeGreaterThanOrEqual(3);
      expect(during.every((p) => p.total === COUNT)).toBe(true);
      expect(during.some((p) => p.done > 0 && p.done < COUNT)).toBe(true);
      const done = during.map((p) => p.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(await api.exportProgress({})).toEqual({ running: false, done: 0, total: 0 });
    }
  });

  it('stop when cancelled: the call fails with the typed error and no file, and the next export runs', async () => {
    const { api, dataDir, documentId } = await library();
    const filesBefore = readdirSync(dataDir, { recursive: true }).sort();
    for (const start of [
      () => dispatch(api, 'exportCards', {}),
      () => dispatch(api, 'exportAnnotations', { documentId, format: 'markdown' }),
      () => dispatch(api, 'exportAnnotations', { documentId, format: 'json' }),
    ]) {
      let answer: { cancelled: boolean } | null = null;
      const { result, seen } = await watch(api, start(), async (progress) => {
        if (answer === null && progress.running && progress.done > 0) answer = await api.cancelExport({});
      });
      expect(answer).toEqual({ cancelled: true });
      expect(result).toEqual({
        ok: false,
        error: { code: 'cancelled', message: 'The export was cancelled; no file was made.' },
      });
      // It stopped at the next chunk boundary, far from the end.
      expect(Math.max(...seen.map((p) => p.done))).toBeLessThan(COUNT / 2);
      expect(await api.exportProgress({})).toEqual({ running: false, done: 0, total: 0 });
      expect(await api.cancelExport({})).toEqual({ cancelled: false });
    }
    expect(readdirSync(dataDir, { recursive: true }).sort()).toEqual(filesBefore);
    expect(
      (await api.exportCards({})).content.split('\n').filter((line) => /^(lectio-c|foreign-)/.test(line)),
    ).toHaveLength(COUNT);
  });

  it('cancelled at once, before the first chunk is done, still ends with the typed error', async () => {
    const { api } = await library();
    const call = dispatch(api, 'exportCards', {});
    expect(await api.cancelExport({})).toEqual({ cancelled: true });
    expect(await call).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('run one at a time: a second export while one runs is refused with a clear error, and the first is unharmed', async () => {
    const { api, documentId } = await library();
    const expected = (await api.exportCards({})).content;
    let second: ApiResult<unknown> | null = null;
    const { result } = await watch(api, dispatch(api, 'exportCards', {}), async (progress) => {
      if (second === null && progress.running)
        second = await dispatch(api, 'exportAnnotations', { documentId, format: 'json' });
    });
    expect(second).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'Another export is under way; try again once it has finished.' },
    });
    expect(valueOf(result).content).toBe(expected);
    expect(valueOf(await dispatch(api, 'exportAnnotations', { documentId, format: 'json' })).fileName).toBe(
      'Council-the-long-one.annotations.json',
    );
  });

  it('take no arguments for progress and cancel', async () => {
    const { api } = await library();
    expect(await dispatch(api, 'exportProgress', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'cancelExport', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(api, 'cancelExport', {})).toEqual({ ok: true, value: { cancelled: false } });
  });
});
