/**
 * The search index is kept from the change feed (only what changed is re-indexed before a query), so it must never be
 * stale: a new highlight note, an edit, a deletion and its Undo, a new card, and a restore from a backup (which the
 * feed does not carry) all show in the next search.
 */
import { describe, expect, it } from 'vitest';
import { STUDY_TEXT, openTestLibrary } from '../../storage/test-library';

const kinds = (hits: readonly { kind: string; documentId: string }[]) => hits.map((h) => h.kind).sort();

describe('search stays in step with the library', () => {
  it('after notes, edits, deletion with Undo, cards, and a restore from a backup', async () => {
    const { api, storage } = await openTestLibrary();
    try {
      const doc = await api.importDocument({ text: STUDY_TEXT, format: 'text', title: 'Budget talks' });
      const other = await api.importDocument({ text: 'A quiet note on rivers.', format: 'text', title: 'Rivers' });
      expect((await api.search({ query: 'zanzibarite' })).hits).toEqual([]);

      const start = STUDY_TEXT.indexOf('40 billion euros');
      const highlight = await api.createHighlight({
        documentId: doc.id,
        start,
        end: start + 16,
        color: 1,
        note: 'zanzibarite',
      });
      expect(kinds((await api.search({ query: 'zanzibarite' })).hits)).toEqual(['highlight']);
      const backup = await api.createBackup({});

      await api.updateHighlight({ documentId: doc.id, id: highlight.id, note: 'quokkaism' });
      expect((await api.search({ query: 'zanzibarite' })).hits).toEqual([]);
      expect(kinds((await api.search({ query: 'quokkaism' })).hits)).toEqual(['highlight']);

      const { card } = await api.createCardFromHighlight({ documentId: doc.id, highlightId: highlight.id });
      expect(kinds((await api.search({ query: 'quokkaism' })).hits)).toEqual(['card', 'highlight']);

      await api.deleteDocuments({ ids: [other.id] });
      expect((await api.search({ query: 'rivers' })).hits).toEqual([]);
      await api.undoDeleteDocuments({ ids: [other.id] });
      expect((await api.search({ query: 'rivers' })).hits.map((h) => h.documentId)).toContain(other.id);

      await api.deleteCard({ id: card.card.id });
      expect(kinds((await api.search({ query: 'quokkaism' })).hits)).toEqual(['highlight']);

      // The backup had the first note and no card: after the restore the search says so.
      await api.restoreBackup({ id: backup.id });
      expect(kinds((await api.search({ query: 'zanzibarite' })).hits)).toEqual(['highlight']);
      expect((await api.search({ query: 'quokkaism' })).hits).toEqual([]);
    } finally {
      storage.close();
    }
  });

  it('indexes the cards read a page at a time, never every card’s text loaded, and a card changed since', async () => {
    const first = await openTestLibrary();
    await first.api.createCard({ kind: 'basic', front: 'Who chairs the wombatine panel?', back: 'Ana' });
    const later = await first.api.createCard({ kind: 'basic', front: 'Second question', back: 'Ben' });
    first.storage.close();
    const { api, storage } = await openTestLibrary(first.dataDir);
    try {
      expect((await api.search({ query: 'wombatine' })).hits.map((hit) => hit.kind)).toEqual(['card']);
      expect(storage.cards.isReady).toBe(false);
      await api.updateCard({ id: later.card.id, front: 'Who keeps the platypoid ledger?' });
      expect((await api.search({ query: 'platypoid' })).hits.map((hit) => hit.kind)).toEqual(['card']);
    } finally {
      storage.close();
    }
  });
});
