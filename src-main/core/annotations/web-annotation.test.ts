import { describe, expect, it } from 'vitest';
import { SAMPLE_HIGHLIGHTS } from './test-highlights';
import {
  ANNOTATION_CONTEXT,
  annotationsJson,
  collectionJson,
  toAnnotationCollection,
  toWebAnnotation,
} from './web-annotation';
import { isLectioId, lectioIdFor } from './highlight-id';
import {
  MAX_IMPORT_ANNOTATIONS,
  MAX_IMPORT_QUOTE,
  fromWebAnnotations,
  type ImportErrorCode,
} from './web-annotation-import';

const collection = () => toAnnotationCollection(SAMPLE_HIGHLIGHTS, 'The Year of Revolutions');
const firstItem = () => JSON.parse(JSON.stringify(collection().first.items[0])) as Record<string, unknown>;
const wrap = (items: unknown[]) => ({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationPage', items });
const codes = (input: unknown) => fromWebAnnotations(input).errors.map((e) => e.code);

describe('toAnnotationCollection', () => {
  it('writes the W3C shape: context, collection, page, targets, bodies and colour', () => {
    const out = collection();
    expect(out).toMatchObject({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', total: 3 });
    expect(out.first.items).toHaveLength(3);
    const annotation = toWebAnnotation(SAMPLE_HIGHLIGHTS[1]!);
    expect(annotation).toEqual({
      id: 'urn:lectio:annotation:h-1',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-03-03T10:00:00.000Z',
      modified: '2024-03-03T11:30:00.000Z',
      body: [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'Which revolutions?\nSee chapter 2.',
          format: 'text/plain',
        },
        { type: 'TextualBody', purpose: 'tagging', value: '1848' },
        { type: 'TextualBody', purpose: 'tagging', value: 'europe' },
        { type: 'TextualBody', purpose: 'tagging', value: 'big picture' },
      ],
      target: { source: 'urn:lectio:document:doc-1848', selector: SAMPLE_HIGHLIGHTS[1]!.selectors },
      'lectio:color': 1,
    });
    const bare = toWebAnnotation(SAMPLE_HIGHLIGHTS[0]!);
    expect(bare.motivation).toBe('highlighting');
    expect(bare).not.toHaveProperty('body');
  });
});

describe('collectionJson', () => {
  it('writes what JSON.stringify writes for the whole collection, a chunk at a time, whatever the label', () => {
    const labels = [undefined, '', 'The Year of Revolutions', 'A "items": [] label\nwith a break', '"items": []'];
    for (const label of labels) {
      for (const highlights of [[], SAMPLE_HIGHLIGHTS.slice(0, 1), SAMPLE_HIGHLIGHTS]) {
        const whole = `${JSON.stringify(toAnnotationCollection(highlights, label), null, 2)}\n`;
        expect(collectionJson([annotationsJson(highlights)], highlights.length, label)).toBe(whole);
        const oneByOne = highlights.map((h) => annotationsJson([h]));
        expect(collectionJson(oneByOne, highlights.length, label)).toBe(whole);
        expect(collectionJson([annotationsJson([]), ...oneByOne, annotationsJson([])], highlights.length, label)).toBe(
          whole,
        );
      }
    }
  });
});

describe('fromWebAnnotations', () => {
  it('round-trips highlights through JSON text', () => {
    const result = fromWebAnnotations(JSON.stringify(collection()));
    expect(result.errors).toEqual([]);
    expect(result.highlights).toEqual(SAMPLE_HIGHLIGHTS);
  });

  it('reads a single annotation and a page, and an empty collection', () => {
    const single = { '@context': ANNOTATION_CONTEXT, ...firstItem() };
    expect(fromWebAnnotations(single).highlights).toEqual([SAMPLE_HIGHLIGHTS[0]]);
    expect(fromWebAnnotations(wrap(collection().first.items)).highlights).toHaveLength(3);
    const empty = { '@context': [ANNOTATION_CONTEXT, { extra: 'urn:x#' }], type: 'AnnotationCollection', total: 0 };
    expect(fromWebAnnotations(empty)).toEqual({ highlights: [], errors: [] });
  });

  it('imports another tool’s annotation into a chosen document, ignoring selectors and bodies it cannot use', () => {
    const foreign = {
      '@context': ANNOTATION_CONTEXT,
      id: 'https://hypothes.is/a/abc',
      type: 'Annotation',
      created: '2023-01-01T00:00:00Z',
      body: { type: 'SpecificResource', source: 'https://example.org/img.png' },
      target: {
        source: 'https://example.org/article',
        selector: [
          { type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 4 },
          { type: 'TextPositionSelector', start: 3, end: 7 },
          { type: 'TextQuoteSelector', exact: 'text' },
        ],
      },
    };
    expect(codes(foreign)).toEqual(['unsupported-target']);
    const { highlights, errors } = fromWebAnnotations(foreign, { documentId: 'doc-9' });
    expect(errors).toEqual([]);
    // The IRI is no id the API accepts (update and delete would refuse it): a Lectio id, with the IRI kept.
    expect(highlights).toEqual([
      {
        id: lectioIdFor('https://hypothes.is/a/abc'),
        foreignId: 'https://hypothes.is/a/abc',
        documentId: 'doc-9',
        color: 1,
        selectors: [
          { type: 'TextPositionSelector', start: 3, end: 7 },
          { type: 'TextQuoteSelector', exact: 'text', prefix: '', suffix: '' },
        ],
        note: '',
        tags: [],
        createdAt: '2023-01-01T00:00:00Z',
        updatedAt: '2023-01-01T00:00:00Z',
      },
    ]);
  });

  it('gives every foreign id a Lectio id, the same one each time, and exports the original as canonical', () => {
    const ids = ['https://example.org/anno/1', 'urn:uuid:8f1e', 'urn:lectio:annotation:bad id!', 'plain'];
    for (const foreign of ids) {
      expect(isLectioId(lectioIdFor(foreign))).toBe(true);
      expect(lectioIdFor(foreign)).toBe(lectioIdFor(foreign));
    }
    expect(new Set(ids.map(lectioIdFor)).size).toBe(ids.length);
    const item = { ...firstItem(), id: 'https://example.org/anno/1' };
    const [imported] = fromWebAnnotations(wrap([item])).highlights;
    expect(imported).toMatchObject({
      id: lectioIdFor('https://example.org/anno/1'),
      foreignId: 'https://example.org/anno/1',
    });
    const again = toWebAnnotation(imported!);
    expect(again).toMatchObject({
      id: `urn:lectio:annotation:${imported!.id}`,
      canonical: 'https://example.org/anno/1',
    });
    expect(fromWebAnnotations(wrap([again])).highlights).toEqual([imported]);
  });

  it('refuses a flood of annotations as a whole, and a quote too long to search, with a clear message', () => {
    const items = Array.from({ length: MAX_IMPORT_ANNOTATIONS + 1 }, (_, i) => ({
      ...firstItem(),
      id: `urn:lectio:annotation:a${i}`,
    }));
    const flood = fromWebAnnotations(wrap(items));
    expect(flood.highlights).toEqual([]);
    expect(flood.errors).toEqual([
      expect.objectContaining({ code: 'too-many', index: null, message: expect.stringContaining('at most 5,000') }),
    ]);
    const long = firstItem();
    const selectors = (long.target as { selector: Record<string, unknown>[] }).selector;
    selectors[1]!.exact = 'x'.repeat(MAX_IMPORT_QUOTE + 1);
    const result = fromWebAnnotations(wrap([long, ...collection().first.items.slice(1)]));
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'too-long',
        index: 0,
        message: expect.stringContaining('at most 10,000 characters'),
      }),
    ]);
    expect(result.highlights).toHaveLength(2);
  });

  const fileLevel: [string, unknown, ImportErrorCode][] = [
    ['malformed JSON text', '{"@context": ', 'invalid-json'],
    ['a number', 42, 'not-web-annotation'],
    ['null', null, 'not-web-annotation'],
    ['an array', [], 'not-web-annotation'],
    ['a missing @context', { type: 'AnnotationCollection', first: { items: [] } }, 'not-web-annotation'],
    ['a foreign @context', { '@context': 'https://schema.org', type: 'Annotation' }, 'not-web-annotation'],
    [
      'a collection whose first page is only a link',
      { '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', total: 3, first: 'https://x/page1' },
      'unsupported-shape',
    ],
  ];
  it.each(fileLevel)('reports %s as a file-level error', (_name, input, code) => {
    const result = fromWebAnnotations(input);
    expect(result.highlights).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ code, index: null })]);
  });

  const bad: [string, (a: Record<string, unknown>) => void, ImportErrorCode, string][] = [
    ['no target', (a) => delete a.target, 'invalid-annotation', 'target'],
    [
      'a reversed position',
      (a) => Object.assign((a.target as { selector: object[] }).selector[0]!, { start: 9, end: 2 }),
      'invalid-annotation',
      'target.selector',
    ],
    [
      'no quote selector',
      (a) => (a.target as { selector: object[] }).selector.pop(),
      'invalid-annotation',
      'target.selector',
    ],
    ['a colour out of range', (a) => (a['lectio:color'] = 7), 'invalid-annotation', 'lectio:color'],
    ['a date that is not ISO', (a) => (a.created = 'yesterday'), 'invalid-annotation', 'created'],
    [
      'a non-Lectio source',
      (a) => ((a.target as { source: string }).source = 'https://example.org'),
      'unsupported-target',
      'target.source',
    ],
  ];
  it.each(bad)('skips an annotation with %s and keeps the others', (_name, spoil, code, path) => {
    const spoiled = firstItem();
    spoil(spoiled);
    const result = fromWebAnnotations(wrap([spoiled, ...collection().first.items.slice(1)]));
    expect(result.errors).toEqual([expect.objectContaining({ code, index: 0, path })]);
    expect(result.highlights.map((h) => h.id)).toEqual(['h-1', 'h-2']);
  });

  it('reports duplicate ids and junk items without throwing', () => {
    const items = [firstItem(), firstItem(), 'junk', null, 7];
    const result = fromWebAnnotations(wrap(items));
    expect(result.highlights).toHaveLength(1);
    expect(result.errors.map((e) => [e.code, e.index])).toEqual([
      ['duplicate-id', 1],
      ['invalid-annotation', 2],
      ['invalid-annotation', 3],
      ['invalid-annotation', 4],
    ]);
  });
});
