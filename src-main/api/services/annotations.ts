/**
 * The highlights part of the service: highlights stored as W3C selectors, anchored against the document's text once
 * per version of it and the result stored (orphans are returned, never dropped), notes and tags, the document note,
 * export to Markdown and Web Annotation JSON-LD, and import of that JSON back onto the document it names. Each change
 * is saved as it happens.
 */
import { anchor, type Anchored } from '../../core/anchoring/anchor';
import { InvalidRangeError, describe } from '../../core/anchoring/describe';
import { highlightSection, markdownFile } from '../../core/annotations/export-markdown';
import { inReadingOrder, type ColorLabels, type Highlight } from '../../core/annotations/highlight';
import { annotationsJson, collectionJson } from '../../core/annotations/web-annotation';
import { readWebAnnotations } from '../../core/annotations/web-annotation-import';
import type { AnchoredHighlight, LectioApi } from '../contract';
import { anchorsFor } from '../../storage/annotation-repository';
import { anchorAll, textKeyOf } from './anchor-cache';
import { placeAnnotations } from './annotation-placement';
import { type ServiceDeps } from './deps';
import { LectioError } from '../../core/errors';
import { fileStem } from '../../core/file-stem';

type AnnotationMethods = Pick<
  LectioApi,
  | 'getAnnotations'
  | 'createHighlight'
  | 'updateHighlight'
  | 'deleteHighlight'
  | 'restoreHighlight'
  | 'setDocumentNote'
  | 'exportAnnotations'
  | 'importAnnotations'
>;

const withAnchor = (highlight: Highlight, at: Anchored | null | undefined): AnchoredHighlight => ({
  ...highlight,
  anchor: at ?? null,
});

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))];
}

export function annotationMethods(deps: ServiceDeps): AnnotationMethods {
  const { storage, now, newId, exports } = deps;

  async function open(documentId: string) {
    const doc = await storage.documents.get(documentId);
    const file = await storage.annotations.read(documentId);
    return { doc, file };
  }

  function find(highlights: readonly Highlight[], id: string): Highlight {
    const found = highlights.find((highlight) => highlight.id === id);
    if (!found) throw new LectioError('invalid-argument', `There is no highlight ${id} on this document.`);
    return found;
  }

  function labels(): ColorLabels {
    const map = storage.settings.colorLabels();
    return { 1: map['1'], 2: map['2'], 3: map['3'], 4: map['4'], 5: map['5'] };
  }

  return {
    async getAnnotations({ documentId }) {
      const { doc, file } = await open(documentId);
      const textKey = textKeyOf(documentId, doc.body.text);
      const known = anchorsFor(file, textKey).at;
      const missing = file.highlights.filter((h) => !(h.id in known));
      if (missing.length > 0) {
        // Anchored once (for this version of the text) and stored, so the next read finds them all here.
        const found = await anchorAll(doc.body.text, missing);
        await storage.annotations.storeAnchors(documentId, textKey, found);
      }
      // Read again: the file as saved, with the anchors just stored.
      const saved = await storage.annotations.read(documentId);
      const at = anchorsFor(saved, textKey).at;
      return {
        documentId,
        documentNote: saved.documentNote,
        highlights: saved.highlights.map((h) => withAnchor(h, at[h.id])),
      };
    },

    async createHighlight({ documentId, start, end, color, note, tags }) {
      const { doc } = await open(documentId);
      let selectors;
      try {
        selectors = describe(doc.body.text, start, end);
      } catch (error) {
        if (error instanceof InvalidRangeError)
          throw new LectioError('invalid-argument', `That range cannot be highlighted: ${error.message}`);
        throw error;
      }
      const at = now().toISOString();
      const highlight: Highlight = {
        id: newId(),
        documentId,
        color,
        selectors,
        note: note ?? '',
        tags: cleanTags(tags ?? []),
        createdAt: at,
        updatedAt: at,
      };
      const found = anchor(doc.body.text, selectors);
      await storage.annotations.addHighlight(documentId, highlight, textKeyOf(documentId, doc.body.text), found);
      return withAnchor(highlight, found);
    },

    async updateHighlight({ documentId, id, ...change }) {
      const { doc } = await open(documentId);
      const textKey = textKeyOf(documentId, doc.body.text);
      // The change is applied to the highlight as stored when the lock is held, so concurrent edits of one highlight
      // (its colour from one call, its note from another) both survive.
      const updated = await storage.annotations.editHighlight(
        documentId,
        id,
        (current) => {
          if (!current) throw new LectioError('invalid-argument', `There is no highlight ${id} on this document.`);
          return {
            ...current,
            ...(change.color === undefined ? {} : { color: change.color }),
            ...(change.note === undefined ? {} : { note: change.note }),
            ...(change.tags === undefined ? {} : { tags: cleanTags(change.tags) }),
            updatedAt: now().toISOString(),
          };
        },
        textKey,
      );
      // Its selectors did not change, so neither did its anchor; anchored here only if it never was.
      const known = anchorsFor(await storage.annotations.read(documentId), textKey).at;
      return withAnchor(updated, id in known ? known[id] : anchor(doc.body.text, updated.selectors));
    },

    async deleteHighlight({ documentId, id }) {
      const { doc, file } = await open(documentId);
      const removed = find(file.highlights, id);
      await storage.annotations.deleteHighlight(documentId, id, textKeyOf(documentId, doc.body.text));
      return removed;
    },

    async restoreHighlight({ documentId, highlight }) {
      const { doc } = await open(documentId);
      if (highlight.documentId !== documentId)
        throw new LectioError('invalid-argument', 'That highlight belongs to another document.');
      const found = anchor(doc.body.text, highlight.selectors);
      await storage.annotations.restoreHighlight(documentId, highlight, textKeyOf(documentId, doc.body.text), found);
      return withAnchor(highlight, found);
    },

    async setDocumentNote({ documentId, note }) {
      await open(documentId);
      await storage.annotations.setDocumentNote(documentId, note);
      return { documentNote: note };
    },

    async exportAnnotations({ documentId, format }) {
      const { doc, file } = await open(documentId);
      const highlights = [...file.highlights];
      if (format === 'markdown') {
        const labelled = labels();
        const known = anchorsFor(file, textKeyOf(documentId, doc.body.text)).at;
        const startOf = (h: Highlight) =>
          (h.id in known ? known[h.id] : anchor(doc.body.text, h.selectors))?.start ?? h.selectors[0].start;
        // Two passes: where each highlight anchors now (for reading order), then its section of the file.
        return exports.run({ items: highlights.length, passes: 2 }, async (run) => {
          const positions = new Map(await run.map(highlights, (h) => [h.id, startOf(h)] as const));
          const sections = await run.map(inReadingOrder(highlights, positions), (h) => highlightSection(h, labelled));
          return {
            fileName: `${fileStem(doc.title, 'highlights')}.md`,
            mimeType: 'text/markdown',
            content: markdownFile(doc, sections),
          };
        });
      }
      return exports.run({ items: highlights.length }, async (run) => {
        const parts = await run.chunks(highlights, annotationsJson);
        return {
          fileName: `${fileStem(doc.title, 'highlights')}.annotations.json`,
          mimeType: 'application/ld+json',
          content: collectionJson(parts, highlights.length, doc.title),
        };
      });
    },

    async importAnnotations({ documentId, content, attachUnmatched }) {
      const { doc, file } = await open(documentId);
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch {
        throw new LectioError(
          'invalid-argument',
          'That file is not JSON: Lectio imports highlights from W3C Web Annotation JSON files.',
        );
      }
      const read = readWebAnnotations(parsed);
      const library = storage.documents.list();
      const placed = placeAnnotations(read.annotations, {
        documentId,
        text: doc.body.text,
        library,
        attachUnmatched: attachUnmatched === true,
      });
      const existing = new Set(
        file.highlights.flatMap((h) => (h.foreignId === undefined ? [h.id] : [h.id, h.foreignId])),
      );
      const fresh = placed.here.filter((h) => !existing.has(h.id)).map((h): Highlight => ({ ...h, documentId }));
      if (fresh.length > 0) {
        const found = await anchorAll(doc.body.text, fresh);
        await storage.annotations.importHighlights(documentId, fresh, textKeyOf(documentId, doc.body.text), found);
      }
      const titleOf = (id: string) => library.find((d) => d.id === id)?.title ?? id;
      return {
        imported: fresh.length,
        skipped: placed.here.length - fresh.length,
        errors: read.errors.map((error) =>
          error.index === null ? error.message : `Annotation ${error.index + 1}: ${error.message}`,
        ),
        elsewhere: [...placed.elsewhere].map(([id, count]) => ({ documentId: id, title: titleOf(id), count })),
        unmatched: placed.unmatched,
      };
    },
  };
}
