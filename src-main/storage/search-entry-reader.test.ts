/**
 * What the search index's worker reads: a document's files as they are on disk when they are current and sound, and
 * nothing (null: the main process reads it through its storage, which recovers and upgrades) otherwise.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullTestLibrary } from './test-library';
import { readEntries } from './search-entry-reader';

describe('the search entry reader', () => {
  it('makes a document’s entries from its files, and leaves a file it cannot take as it is to the storage', async () => {
    const { storage, dataDir, documentId } = await fullTestLibrary();
    try {
      const meta = storage.documents.list().find((m) => m.id === documentId);
      if (!meta) throw new Error('the test library has its document');
      const annotations = path.join(dataDir, 'annotations', `${documentId}.json`);
      const read = await readEntries(dataDir, [meta]);
      const kinds = read.get(documentId)?.map((entry) => entry.kind) ?? [];
      expect(kinds).toContain('title');
      expect(kinds).toContain('passage');
      expect(kinds).toContain('highlight');

      // An annotations file of another schema: the storage's own read upgrades it (or recovers it).
      const data = JSON.parse(readFileSync(annotations, 'utf8')) as { schemaVersion: number };
      writeFileSync(annotations, JSON.stringify({ ...data, schemaVersion: data.schemaVersion - 1 }));
      expect((await readEntries(dataDir, [meta])).get(documentId)).toBeNull();
      // A damaged document file, likewise.
      writeFileSync(path.join(dataDir, 'documents', `${documentId}.json`), '{"schemaVersion": 1, "bo');
      expect((await readEntries(dataDir, [meta])).get(documentId)).toBeNull();

      // A document never annotated has no annotations file: its text is indexed all the same.
      const { storage: other, dataDir: otherDir, documentId: otherId } = await fullTestLibrary();
      try {
        rmSync(path.join(otherDir, 'annotations', `${otherId}.json`));
        const otherMeta = other.documents.list().find((m) => m.id === otherId);
        if (!otherMeta) throw new Error('the test library has its document');
        const plain = (await readEntries(otherDir, [otherMeta])).get(otherId)?.map((entry) => entry.kind) ?? [];
        expect(plain).toContain('passage');
        expect(plain).not.toContain('highlight');
      } finally {
        other.close();
      }
    } finally {
      storage.close();
    }
  });
});
