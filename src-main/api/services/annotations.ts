/**
 * The highlights part of the service: highlights stored as W3C selectors and re-anchored against the document's text
 * on every read (orphans are returned, never dropped), notes and tags, the document note, export to Markdown and Web
 * Annotation JSON-LD, and import of that JSON back. Each change is saved as it happens.
 */
import { anchor } from '../../core/anchoring/anchor';
import { InvalidRangeError, describe } from '../../core/anchoring/describe';
import { highlightSection, markdownFile } from '../../core/annotations/export-markdown';
import { inReadingOrder, type ColorLabels, type Highlight } from '../../core/annotations/highlight';
import { annotationsJson, collectionJson } from '../../core/annotations/web-annotation';
import { fromWebAnnotations } from '../../core/annotations/web-annotation-import';
import type { AnchoredHighlight, LectioApi } from '../contract';
import { InvalidInputError, type ServiceDeps } from './deps';

type AnnotationMethods = Pick<
  LectioApi,
  'getAnnotations' | 'createHighlight' | 'updateHighlight' | 'deleteHighlight' | 'restoreHighlight' | 'setDocumentNote' | 'exportAnnotations' | 'importAnnotations'
>;

function anchored(text: string, highlight: Highlight): AnchoredHighlight {
  return { ...highlight, anchor: anchor(text, highlight.selectors) };
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))];
}

function fileStem(title: string): string {
  return title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'highlights';
}

export function annotationMethods(deps: ServiceDeps): AnnotationMethods {
  const { storage, now, newId, exports } = deps;

  async function open(documentId: string) {
    const doc = await storage.getDocument(documentId);
    const file = await storage.annotations.get(documentId);
    return { doc, file };
  }

  /** Applies `change` under the file's lock (so concurrent calls never lose each other's work); returns the result. */
  async function save(documentId: string, change: (highlights: Highlight[]) => Highlight[]): Promise<Highlight[]> {
    const highlights = await storage.annotations.update(documentId, (data) => {
      data.highlights = change(data.highlights);
      return data.highlights;
    });
    await storage.updateMeta(documentId, { highlightCount: highlights.length });
    return highlights;
  }

  function find(highlights: Highlight[], id: string): Highlight {
    const found = highlights.find((highlight) => highlight.id === id);
    if (!found) throw new InvalidInputError(`There is no highlight ${id} on this document.`);
    return found;
  }

  function labels(): ColorLabels {
    const map = storage.settings.data.colorLabels;
    return { 1: map['1'], 2: map['2'], 3: map['3'], 4: map['4'], 5: map['5'] };
  }

  return {
    async getAnnotations({ documentId }) {
      const { doc, file } = await open(documentId);
      return { documentId, documentNote: file.data.documentNote, highlights: file.data.highlights.map((h) => anchored(doc.body.text, h)) };
    },

    async createHighlight({ documentId, start, end, color, note, tags }) {
      const { doc } = await open(documentId);
      let selectors;
      try {
        selectors = describe(doc.body.text, start, end);
      } catch (error) {
        if (error instanceof InvalidRangeError) throw new InvalidInputError(`That range cannot be highlighted: ${error.message}`);
        throw error;
      }
      const at = now().toISOString();
      const highlight: Highlight = { id: newId(), documentId, color, selectors, note: note ?? '', tags: cleanTags(tags ?? []), createdAt: at, updatedAt: at };
      await save(documentId, (highlights) => [...highlights, highlight]);
      return anchored(doc.body.text, highlight);
    },

    async updateHighlight({ documentId, id, ...change }) {
      const { doc } = await open(documentId);
      // The change is applied to the highlight as stored when the lock is held, so concurrent edits of one highlight
      // (its colour from one call, its note from another) both survive.
      const saved = await save(documentId, (highlights) => {
        const current = find(highlights, id);
        const updated: Highlight = {
          ...current,
          ...(change.color === undefined ? {} : { color: change.color }),
          ...(change.note === undefined ? {} : { note: change.note }),
          ...(change.tags === undefined ? {} : { tags: cleanTags(change.tags) }),
          updatedAt: now().toISOString(),
        };
        return highlights.map((h) => (h.id === id ? updated : h));
      });
      return anchored(doc.body.text, find(saved, id));
    },

    async deleteHighlight({ documentId, id }) {
      const { file } = await open(documentId);
      const removed = find(file.data.highlights, id);
      await save(documentId, (highlights) => highlights.filter((h) => h.id !== id));
      return removed;
    },

    async restoreHighlight({ documentId, highlight }) {
      const { doc } = await open(documentId);
      if (highlight.documentId !== documentId) throw new InvalidInputError('That highlight belongs to another document.');
      await save(documentId, (highlights) => [...highlights.filter((h) => h.id !== highlight.id), highlight]);
      return anchored(doc.body.text, highlight);
    },

    async setDocumentNote({ documentId, note }) {
      const { file } = await open(documentId);
      await file.update((data) => {
        data.documentNote = note;
      });
      return { documentNote: note };
    },

    async exportAnnotations({ documentId, format }) {
      const { doc, file } = await open(documentId);
      const highlights = [...file.data.highlights];
      if (format === 'markdown') {
        const labelled = labels();
        // Two passes: where each highlight anchors now (for reading order), then its section of the file.
        return exports.run({ items: highlights.length, passes: 2 }, async (run) => {
          const positions = new Map(await run.map(highlights, (h) => [h.id, anchor(doc.body.text, h.selectors)?.start ?? h.selectors[0].start] as const));
          const sections = await run.map(inReadingOrder(highlights, positions), (h) => highlightSection(h, labelled));
          return { fileName: `${fileStem(doc.title)}.md`, mimeType: 'text/markdown', content: markdownFile(doc, sections) };
        });
      }
      return exports.run({ items: highlights.length }, async (run) => {
        const parts = await run.chunks(highlights, annotationsJson);
        return { fileName: `${fileStem(doc.title)}.annotations.json`, mimeType: 'application/ld+json', content: collectionJson(parts, highlights.length, doc.title) };
      });
    },

    async importAnnotations({ documentId, content }) {
      const { file } = await open(documentId);
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch {
        throw new InvalidInputError('That file is not JSON: Lectio imports highlights from W3C Web Annotation JSON files.');
      }
      const result = fromWebAnnotations(parsed, { documentId });
      const existing = new Set(file.data.highlights.map((h) => h.id));
      const fresh = result.highlights.filter((h) => !existing.has(h.id));
      if (fresh.length > 0) await save(documentId, (highlights) => [...highlights, ...fresh]);
      return {
        imported: fresh.length,
        skipped: result.highlights.length - fresh.length,
        errors: result.errors.map((error) => (error.index === null ? error.message : `Annotation ${error.index + 1}: ${error.message}`)),
      };
    },
  };
}
