/**
 * Anchoring is done once per version of a document's text and stored: an import of a thousand misplaced annotations
 * anchors each of them once, and opening the document afterwards anchors nothing, however often it happens. The real
 * anchoring code runs throughout; the calls into it are only counted.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as anchoring from '../../core/anchoring/anchor';
import { ANNOTATION_CONTEXT } from '../../core/annotations/web-annotation';
import type { LibraryStorage } from '../../storage/library-storage';
import { openTestLibrary } from '../../storage/test-library';

vi.mock('../../core/anchoring/anchor', async (importOriginal) => {
  const real = await importOriginal<typeof anchoring>();
  return { ...real, anchor: vi.fn(real.anchor) };
});
const anchorCalls = () => vi.mocked(anchoring.anchor).mock.calls.length;

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

const TEXT = Array.from(
  { length: 200 },
  (_, i) => `Marker ${i} opens paragraph ${i}. The committee met again on day ${i} to weigh the report and its costs.`,
).join('\n');

/** Annotations whose quotes are nowhere in TEXT (another article's sentences, at TEXT's positions): all orphans. */
function misplaced(count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const exact = `rain ${i} fell over the valley while farmers waited for the river`;
    return {
      id: `https://example.org/anno/${i}`,
      type: 'Annotation',
      created: '2025-01-01T00:00:00Z',
      target: {
        source: 'https://elsewhere.example/valley',
        selector: [
          { type: 'TextPositionSelector', start: (i * 37) % 9000, end: ((i * 37) % 9000) + exact.length },
          {
            type: 'TextQuoteSelector',
            exact,
            prefix: `the week of storm ${i} when `,
            suffix: ` to drop before sowing ${i}`,
          },
        ],
      },
    };
  });
  return JSON.stringify({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationPage', items });
}

describe('stored anchors', () => {
  it('anchors an import of 1,000 misplaced annotations once, and never again on opening the document', async () => {
    const made = await openTestLibrary();
    opened.push(made.storage);
    const { api } = made;
    const doc = await api.importDocument({ text: TEXT, format: 'text', title: 'Committee' });
    const before = anchorCalls();
    const report = await api.importAnnotations({ documentId: doc.id, content: misplaced(1000), attachUnmatched: true });
    expect(report).toMatchObject({ imported: 1000, errors: [] });
    expect(anchorCalls() - before).toBe(1000);

    const afterImport = anchorCalls();
    for (let open = 0; open < 5; open += 1) {
      const [view, others] = await Promise.all([api.getAnnotations({ documentId: doc.id }), api.listDocuments({})]);
      expect(view.highlights).toHaveLength(1000);
      expect(view.highlights.every((h) => h.anchor === null)).toBe(true);
      expect(others).toHaveLength(1);
    }
    expect(anchorCalls()).toBe(afterImport);

    // A restart reads the stored anchors from the file: still nothing to re-anchor.
    made.storage.close();
    opened.splice(0);
    const again = await openTestLibrary(made.dataDir);
    opened.push(again.storage);
    await again.api.getAnnotations({ documentId: doc.id });
    expect(anchorCalls()).toBe(afterImport);
  });

  it('re-anchors once when the stored anchors were made for another text, then keeps the new ones', async () => {
    const made = await openTestLibrary();
    opened.push(made.storage);
    const { api, storage } = made;
    const doc = await api.importDocument({ text: TEXT, format: 'text', title: 'Committee' });
    const start = TEXT.indexOf('Marker 5 opens');
    const created = await api.createHighlight({ documentId: doc.id, start, end: start + 14, color: 1 });
    await storage.files.annotations.update(doc.id, (data) => {
      if (data.anchors) data.anchors.textKey = 'sha256:another-text';
    });
    const before = anchorCalls();
    expect((await api.getAnnotations({ documentId: doc.id })).highlights[0]?.anchor).toEqual(created.anchor);
    expect(anchorCalls() - before).toBe(1);
    await api.getAnnotations({ documentId: doc.id });
    expect(anchorCalls() - before).toBe(1);
  });
});
