/**
 * The organising service over a real library on disk: collections, tags, archive, reading position, the remembered
 * view, many documents at once, delete with Undo (across a restart), search with the Library's filters, an existing
 * library from before organising, and a damaged organisation file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import type { StorageChange } from '../../storage/change-feed';
import { closeSampleLibraries, closeSampleLibrary, openSampleLibrary, sampleText } from './test-sample-service';

afterEach(closeSampleLibraries);

async function libraryWithThree() {
  const library = await openSampleLibrary();
  const a = await library.api.importDocument({
    text: 'Seoul and Tokyo met on trade. The talks went on.',
    format: 'text',
    title: 'Alpha',
    source: 'Donga',
  });
  const b = await library.api.importDocument({
    text: 'Parliament in Seoul voted on the budget in June.',
    format: 'text',
    title: 'Beta',
    source: 'Reuters',
  });
  return { ...library, a: a.id, b: b.id };
}

describe('collections', () => {
  it('creates, renames and deletes a collection; deleting it keeps its documents', async () => {
    const { api, a, b } = await libraryWithThree();
    const week = await api.createCollection({ name: '  Week   3 ' });
    expect(week.name).toBe('Week 3');
    await api.organiseDocuments({ ids: [a, b], addToCollection: week.id });
    const other = await api.createCollection({ name: 'Korea' });
    await api.organiseDocuments({ ids: [a], addToCollection: other.id });
    expect((await api.getOrganisation({})).documents[a]?.collections).toEqual([week.id, other.id]);

    expect((await api.renameCollection({ id: week.id, name: 'Week three' })).name).toBe('Week three');
    await expect(api.createCollection({ name: 'week THREE' })).rejects.toThrow(
      /already a collection called “Week three”/,
    );
    await expect(api.createCollection({ name: '   ' })).rejects.toThrow(/needs a name/);

    await api.deleteCollection({ id: week.id });
    const after = await api.getOrganisation({});
    expect(after.collections.map((c) => c.name)).toEqual(['Korea']);
    expect(after.documents[a]?.collections).toEqual([other.id]);
    expect(after.documents[b]?.collections).toEqual([]);
    expect((await api.listDocuments({})).map((d) => d.id)).toEqual(expect.arrayContaining([a, b]));
  });

  it('removes documents from a collection, and refuses an unknown collection or document before changing anything', async () => {
    const { api, a, b } = await libraryWithThree();
    const c = await api.createCollection({ name: 'C' });
    await api.organiseDocuments({ ids: [a, b], addToCollection: c.id });
    await api.organiseDocuments({ ids: [a], removeFromCollection: c.id });
    expect((await api.getOrganisation({})).documents[a]?.collections).toEqual([]);
    await expect(api.organiseDocuments({ ids: [a], addToCollection: 'nope' })).rejects.toThrow(/Collection nope/);
    await expect(api.organiseDocuments({ ids: [a, 'missing'], archived: true })).rejects.toThrow(/missing/);
    expect((await api.getOrganisation({})).documents[a]?.archived).toBe(false);
  });
});

describe('tags and archive', () => {
  it('normalises tags case-insensitively, without a leading # or doubled spaces, each once', async () => {
    const { api, a } = await libraryWithThree();
    expect((await api.setDocumentTags({ id: a, tags: ['Korea', '#korea', ' North  KOREA ', 'trade'] })).tags).toEqual([
      'korea',
      'north korea',
      'trade',
    ]);
    const many = await api.organiseDocuments({
      ids: [a, 'sample'],
      addTags: ['TRADE', 'Week 3'],
      removeTags: ['#Korea'],
    });
    expect(many[a]?.tags).toEqual(['north korea', 'trade', 'week 3']);
    expect(many.sample?.tags).toEqual(['trade', 'week 3']);
  });

  it('archives and unarchives many documents at once', async () => {
    const { api, a, b } = await libraryWithThree();
    await api.organiseDocuments({ ids: [a, b], archived: true });
    expect(Object.values((await api.getOrganisation({})).documents).filter((o) => o.archived)).toHaveLength(2);
    await api.organiseDocuments({ ids: [b], archived: false });
    const docs = (await api.getOrganisation({})).documents;
    expect([docs[a]?.archived, docs[b]?.archived]).toEqual([true, false]);
  });

  it('reports one change per document it changed, and none for one left as it was', async () => {
    const { api, storage, a, b } = await libraryWithThree();
    await api.setDocumentTags({ id: b, tags: ['x'] });
    const reported: StorageChange[] = [];
    storage.changes.onWrite((change) => reported.push(change));
    await api.organiseDocuments({ ids: [a, b], addTags: ['x'] });
    expect(reported).toEqual([{ kind: 'document-organisation', id: a, documentId: a, op: 'put' }]);
  });
});

describe('reading position, progress and the remembered view', () => {
  it('keeps the position and the furthest progress across a restart, and the Library view', async () => {
    const first = await libraryWithThree();
    await first.api.saveReadingPosition({ id: first.a, offset: 31, progress: 0.6 });
    await first.api.saveReadingPosition({ id: first.a, offset: 12, progress: 0.2 });
    const view = {
      sort: 'title' as const,
      direction: 'asc' as const,
      filter: { tag: 'korea', progress: 'reading' as const },
    };
    await first.api.setLibraryView({ view });
    closeSampleLibrary(first.storage);

    const again = await openSampleLibrary(first.dataDir);
    const org = await again.api.getOrganisation({});
    expect(org.documents[first.a]?.position?.offset).toBe(12);
    expect(org.documents[first.a]?.progress).toBe(0.6);
    expect(org.view).toEqual(view);
  });

  it('refuses a view filtered on a collection that does not exist, and a progress outside 0 to 1', async () => {
    const { api, a } = await libraryWithThree();
    await expect(
      api.setLibraryView({ view: { sort: 'added', direction: 'desc', filter: { collection: 'gone' } } }),
    ).rejects.toThrow(/Collection gone/);
    const refused = await dispatch(api, 'saveReadingPosition', { id: a, offset: 0, progress: 1.5 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('delete with Undo', () => {
  it('hides the documents at once and brings them back with their highlights, notes, cards and organisation', async () => {
    const { api, a, b } = await libraryWithThree();
    const highlight = await api.createHighlight({ documentId: a, start: 0, end: 5, color: 1, note: 'capital' });
    await api.setDocumentNote({ documentId: a, note: 'Reread.' });
    const { card } = await api.createCardFromHighlight({ documentId: a, highlightId: highlight.id });
    await api.setDocumentTags({ id: a, tags: ['korea'] });

    const { deleted } = await api.deleteDocuments({ ids: [a, b] });
    expect(deleted.map((d) => d.title)).toEqual(['Alpha', 'Beta']);
    expect((await api.listDocuments({})).map((d) => d.id)).toEqual(['sample']);
    await expect(api.getDocument({ id: a })).rejects.toThrow(/not found|Document/);
    // Its cards stay (as they always did when a document was deleted); nothing else of it is found.
    expect(
      (await api.search({ query: 'Seoul' })).hits.filter((hit) => hit.kind !== 'card' && hit.documentId === a),
    ).toEqual([]);
    expect((await api.getOrganisation({})).deleted.map((d) => d.id)).toEqual([a, b]);

    const { documents } = await api.undoDeleteDocuments({ ids: [a, b] });
    expect(documents.map((d) => d.title)).toEqual(['Alpha', 'Beta']);
    expect((await api.getAnnotations({ documentId: a })).highlights.map((h) => h.note)).toEqual(['capital']);
    expect((await api.getAnnotations({ documentId: a })).documentNote).toBe('Reread.');
    expect((await api.listCards({})).map((c) => c.card.id)).toContain(card.card.id);
    expect((await api.getOrganisation({})).documents[a]?.tags).toEqual(['korea']);
    expect((await api.getOrganisation({})).deleted).toEqual([]);
    expect((await api.search({ query: 'Seoul' })).hits.length).toBeGreaterThan(0);
  });

  it('keeps deleted documents whole and undoable when Lectio closes during the Undo, and purges them only when asked', async () => {
    const first = await libraryWithThree();
    await first.api.createHighlight({ documentId: first.a, start: 0, end: 5, color: 2 });
    await first.api.setDocumentTags({ id: first.a, tags: ['kept'] });
    await first.api.deleteDocuments({ ids: [first.a] });
    closeSampleLibrary(first.storage);

    const again = await openSampleLibrary(first.dataDir);
    expect((await again.api.getOrganisation({})).deleted.map((d) => d.title)).toEqual(['Alpha']);
    expect((await again.api.listDocuments({})).map((d) => d.title)).not.toContain('Alpha');
    await again.api.undoDeleteDocuments({ ids: [first.a] });
    expect((await again.api.getAnnotations({ documentId: first.a })).highlights).toHaveLength(1);

    await again.api.deleteDocuments({ ids: [first.a] });
    expect(await again.api.purgeDeletedDocuments({ ids: [first.a] })).toEqual({ purged: 1 });
    expect(existsSync(path.join(first.dataDir, 'documents', `${first.a}.json`))).toBe(false);
    expect(existsSync(path.join(first.dataDir, 'annotations', `${first.a}.json`))).toBe(false);
    expect((await again.api.getOrganisation({})).documents[first.a]).toBeUndefined();
    expect((await again.api.undoDeleteDocuments({ ids: [first.a] })).documents).toEqual([]);
  });

  it('never purges a document that was not deleted first', async () => {
    const { api, a } = await libraryWithThree();
    expect(await api.purgeDeletedDocuments({ ids: [a] })).toEqual({ purged: 0 });
    expect((await api.getDocument({ id: a })).title).toBe('Alpha');
  });
});

describe('search with the Library filters', () => {
  it('finds only in documents the filter shows: a tag, a collection, archived', async () => {
    const { api, a, b } = await libraryWithThree();
    await api.importDocument({ text: 'The budget of Seoul grew in June.', format: 'text', title: 'Gamma' });
    await api.setDocumentTags({ id: a, tags: ['asia'] });
    const c = await api.createCollection({ name: 'Votes' });
    await api.organiseDocuments({ ids: [b], addToCollection: c.id });
    const titles = async (filter: Parameters<typeof api.search>[0]['filter']) =>
      [...new Set((await api.search({ query: 'Seoul', filter })).hits.map((h) => h.title))].sort();
    expect(await titles(undefined)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(await titles({ tag: 'asia' })).toEqual(['Alpha']);
    expect(await titles({ collection: c.id })).toEqual(['Beta']);
    await api.organiseDocuments({ ids: [a], archived: true });
    expect(await titles({})).toEqual(['Beta', 'Gamma']);
    expect(await titles({ archived: true })).toEqual(['Alpha']);
  });
});

describe('the organisation file on disk', () => {
  it('opens a library written before organising (no organisation file): every document listed, unorganised, and organisable', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-old-'));
    // As an earlier Lectio wrote it: an index at schema 1 and one document, and no organisation.json.
    mkdirSync(path.join(dataDir, 'documents'));
    const meta = {
      id: 'old1',
      title: 'Old article',
      source: 'Donga',
      publishedDate: '2024-05-01',
      addedAt: '2025-01-01T00:00:00.000Z',
      wordCount: 4,
      origin: 'paste',
      highlightCount: 0,
    };
    writeFileSync(path.join(dataDir, 'library.json'), JSON.stringify({ schemaVersion: 1, documents: [meta] }));
    writeFileSync(
      path.join(dataDir, 'documents', 'old1.json'),
      JSON.stringify({
        schemaVersion: 1,
        id: 'old1',
        body: { text: 'An old short article.', blocks: [{ kind: 'paragraph', start: 0, end: 21 }], marks: [] },
      }),
    );
    const { api, storage } = await openSampleLibrary(dataDir);
    expect(storage.notices).toEqual([]);
    expect((await api.listDocuments({})).map((d) => d.title)).toEqual(['Old article']);
    expect(await api.getOrganisation({})).toMatchObject({
      collections: [],
      documents: {},
      view: { sort: 'added', direction: 'desc', filter: {} },
      deleted: [],
    });
    await api.setDocumentTags({ id: 'old1', tags: ['Archive'] });
    const written = JSON.parse(readFileSync(path.join(dataDir, 'organisation.json'), 'utf8')) as {
      schemaVersion: number;
      documents: Record<string, { tags: string[] }>;
    };
    expect(written.schemaVersion).toBe(1);
    expect(written.documents.old1?.tags).toEqual(['archive']);
  });

  it('moves a damaged organisation file aside with a clear notice, restores it from the newest backup, and loses no document', async () => {
    const first = await libraryWithThree();
    await first.api.setDocumentTags({ id: first.a, tags: ['backed up'] });
    await first.storage.backups.create('manual');
    closeSampleLibrary(first.storage);
    const file = path.join(first.dataDir, 'organisation.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, collections: 'not a list', documents: {}, view: {} }));

    const again = await openSampleLibrary(first.dataDir);
    const notice = again.storage.notices.find((n) => n.message.includes('collections, tags'));
    expect(notice?.message).toMatch(
      /Your collections, tags, archive and reading positions could not be read and was moved aside to .*organisation\.json\.corrupt-.* It was restored from/,
    );
    const aside = readdirSync(first.dataDir).filter((name) => name.startsWith('organisation.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(first.dataDir, aside[0] as string), 'utf8')).toContain('not a list');
    expect((await again.api.getOrganisation({})).documents[first.a]?.tags).toEqual(['backed up']);
    expect((await again.api.listDocuments({})).map((d) => d.title).sort()).toEqual(['Alpha', 'Beta', 'Sample']);
  });

  it('without a backup, starts the organisation empty but keeps the damaged file and every document', async () => {
    const first = await libraryWithThree();
    await first.api.setDocumentTags({ id: first.a, tags: ['x'] });
    closeSampleLibrary(first.storage);
    writeFileSync(path.join(first.dataDir, 'organisation.json'), '{"schemaVersion": 1, "collections": [');
    const again = await openSampleLibrary(first.dataDir);
    expect(again.storage.notices.map((n) => n.message).join(' ')).toMatch(/moved aside .*No backup held a good copy/);
    expect((await again.api.getOrganisation({})).documents).toEqual({});
    expect((await again.api.listDocuments({})).length).toBe(3);
    expect(readdirSync(first.dataDir).some((name) => name.startsWith('organisation.json.corrupt-'))).toBe(true);
  });
});

void sampleText;
