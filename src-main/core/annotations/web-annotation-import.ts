/**
 * Reads W3C Web Annotations (a collection with an embedded page, a page, or one annotation) back into highlights.
 * Never throws on bad input: every problem comes back as a typed ImportError, and good annotations still import.
 */
import { z } from 'zod';
import { CONTEXT_LENGTH } from '../anchoring/selectors';
import type { Highlight } from './highlight';
import { isLectioId, lectioIdFor } from './highlight-id';
import { ANNOTATION_CONTEXT, ANNOTATION_URN_PREFIX, COLOR_PROPERTY, DOCUMENT_URN_PREFIX } from './web-annotation';

export type ImportErrorCode =
  | 'invalid-json'
  | 'not-web-annotation'
  | 'unsupported-shape'
  | 'invalid-annotation'
  | 'unsupported-target'
  | 'duplicate-id'
  | 'too-many'
  | 'too-long';

export interface ImportError {
  code: ImportErrorCode;
  /** Index of the annotation among the file's items; null for a problem with the file as a whole. */
  index: number | null;
  /** Where in the annotation, e.g. "target.selector.0.start"; "" for the whole thing. */
  path: string;
  message: string;
}

export interface ImportResult {
  highlights: Highlight[];
  errors: ImportError[];
}

/** A highlight read from a file, not yet given a document, with the target source its annotation names. */
export interface ReadAnnotation {
  /** Its index among the file's items, for messages. */
  index: number;
  source: string;
  highlight: Omit<Highlight, 'documentId'>;
}

export interface ReadResult {
  annotations: ReadAnnotation[];
  errors: ImportError[];
}

/**
 * More annotations than this in one file are refused as a whole: each one is re-anchored as it arrives, and a flood
 * of them (a file made to hurt, or the wrong file) would hold the service for everyone.
 */
export const MAX_IMPORT_ANNOTATIONS = 5_000;
/** A quote longer than this (about 1,500 words) is refused: the fuzzy search's cost grows with the quote's length. */
export const MAX_IMPORT_QUOTE = 10_000;
/**
 * The quotes of one file together may hold at most this many characters (a long book's worth). Anchoring a misplaced
 * quote costs time in proportion to its length, so this bounds the time an import can take, with the count above.
 */
export const MAX_IMPORT_QUOTED = 2_000_000;
/**
 * Context kept either side of an imported quote. Lectio writes 32 characters; another tool may write whole
 * paragraphs, which would only slow the fuzzy search (and the undo of a delete accepts at most this much).
 */
const MAX_IMPORT_CONTEXT = CONTEXT_LENGTH * 2;

export interface ImportOptions {
  /** Attach every annotation to this document, whatever its target source says (annotations made by other tools). */
  documentId?: string;
}

const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'expected an ISO 8601 date-time',
});
const position = z
  .object({ type: z.literal('TextPositionSelector'), start: z.int().nonnegative(), end: z.int().nonnegative() })
  .refine((s) => s.start < s.end, { message: 'start must be before end' });
const quote = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z
    .string()
    .min(1)
    .max(MAX_IMPORT_QUOTE, `a quote may be at most ${MAX_IMPORT_QUOTE.toLocaleString('en')} characters long`),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});
const anySelector = z.looseObject({ type: z.string() });
const textualBody = z.looseObject({
  type: z.literal('TextualBody').optional(),
  purpose: z.string().optional(),
  value: z.string(),
});
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]);
const annotation = z.looseObject({
  id: z.string().min(1),
  type: z.literal('Annotation'),
  created: isoDate,
  modified: isoDate.optional(),
  body: oneOrMany(z.looseObject({})).optional(),
  target: z.object({ source: z.string().min(1), selector: oneOrMany(anySelector) }),
  [COLOR_PROPERTY]: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).default(1),
});

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const fail = (code: ImportErrorCode, index: number | null, path: string, message: string): ImportError => ({
  code,
  index,
  path,
  message,
});

function hasAnnotationContext(value: Record<string, unknown>): boolean {
  const context = value['@context'];
  return context === ANNOTATION_CONTEXT || (Array.isArray(context) && context.includes(ANNOTATION_CONTEXT));
}

/** The items of a collection, page or single annotation; an ImportError when the file is none of those. */
function itemsOf(input: unknown): unknown[] | ImportError {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('not-web-annotation', null, '', 'expected a JSON object');
  }
  const root = input as Record<string, unknown>;
  if (!hasAnnotationContext(root)) {
    return fail('not-web-annotation', null, '@context', `expected @context to include ${ANNOTATION_CONTEXT}`);
  }
  if (root.type === 'Annotation') return [root];
  if (root.type === 'AnnotationPage' && Array.isArray(root.items)) return root.items;
  const first = root.first as Record<string, unknown> | undefined;
  if (root.type === 'AnnotationCollection' && Array.isArray(first?.items)) return first.items;
  if (root.type === 'AnnotationCollection' && root.total === 0 && first === undefined) return [];
  const expected = 'expected an Annotation, an AnnotationPage, or an AnnotationCollection with its first page embedded';
  return fail('unsupported-shape', null, '', expected);
}

/** The document a Lectio export names (`urn:lectio:document:<id>`); null for any other source. */
export function lectioDocumentIdOf(source: string): string | null {
  if (!source.startsWith(DOCUMENT_URN_PREFIX)) return null;
  const id = source.slice(DOCUMENT_URN_PREFIX.length);
  return id === '' ? null : id;
}

/**
 * The Lectio id and foreign id an annotation's id gives: a Lectio export's own id (`urn:lectio:annotation:<id>`)
 * is kept, with its `canonical` IRI if it had one; any other id becomes a derived Lectio id with the original kept.
 */
function idsOf(id: string, canonical: unknown): { id: string; foreignId?: string } {
  const inner = id.startsWith(ANNOTATION_URN_PREFIX) ? id.slice(ANNOTATION_URN_PREFIX.length) : null;
  if (inner !== null && isLectioId(inner)) {
    return typeof canonical === 'string' && canonical !== '' ? { id: inner, foreignId: canonical } : { id: inner };
  }
  return { id: lectioIdFor(id), foreignId: id };
}

function toAnnotation(item: unknown, index: number): ReadAnnotation | ImportError {
  const parsed = annotation.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid-annotation', index, issue?.path.join('.') ?? '', issue?.message ?? 'invalid annotation');
  }
  const a = parsed.data;
  const selectors = list(a.target.selector);
  const pos = position.safeParse(selectors.find((s) => s.type === 'TextPositionSelector'));
  const quo = quote.safeParse(selectors.find((s) => s.type === 'TextQuoteSelector'));
  if (!pos.success || !quo.success) {
    const issue = (pos.error ?? quo.error)?.issues[0];
    const message = issue?.message ?? 'invalid selector';
    const tooLong = issue?.code === 'too_big';
    const needs = tooLong ? message : `needs a valid TextPositionSelector and TextQuoteSelector: ${message}`;
    return fail(tooLong ? 'too-long' : 'invalid-annotation', index, 'target.selector', needs);
  }
  const bodies = list(a.body).flatMap((b) => {
    const body = textualBody.safeParse(b);
    return body.success ? [body.data] : [];
  });
  const { prefix, suffix } = quo.data;
  return {
    index,
    source: a.target.source,
    highlight: {
      ...idsOf(a.id, a.canonical),
      color: a[COLOR_PROPERTY],
      selectors: [
        pos.data,
        { ...quo.data, prefix: prefix.slice(-MAX_IMPORT_CONTEXT), suffix: suffix.slice(0, MAX_IMPORT_CONTEXT) },
      ],
      note: bodies
        .filter((b) => b.purpose === 'commenting')
        .map((b) => b.value)
        .join('\n\n'),
      tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
      createdAt: a.created,
      updatedAt: a.modified ?? a.created,
    },
  };
}

/**
 * The annotations of a Web Annotation document (parsed JSON, or JSON text), each with the source it targets, left for
 * the caller to place. Invalid annotations are skipped and reported in `errors`, and so is a second annotation with an
 * id already read; a file that is not Web Annotation JSON-LD, or holds more than MAX_IMPORT_ANNOTATIONS, gives none
 * and one file-level error.
 */
export function readWebAnnotations(input: unknown): ReadResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { annotations: [], errors: [fail('invalid-json', null, '', (error as Error).message)] };
    }
  }
  const items = itemsOf(value);
  if (!Array.isArray(items)) return { annotations: [], errors: [items] };
  if (items.length > MAX_IMPORT_ANNOTATIONS) {
    const message = `this file holds ${items.length.toLocaleString('en')} annotations; Lectio imports at most ${MAX_IMPORT_ANNOTATIONS.toLocaleString('en')} at a time`;
    return { annotations: [], errors: [fail('too-many', null, '', message)] };
  }
  const annotations: ReadAnnotation[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  let quoted = 0;
  items.forEach((item, index) => {
    const result = toAnnotation(item, index);
    if ('code' in result) errors.push(result);
    else if ((quoted += result.highlight.selectors[1].exact.length) > MAX_IMPORT_QUOTED) {
      const message = `the quotes so far come to more than ${MAX_IMPORT_QUOTED.toLocaleString('en')} characters, the most one import takes; import the rest from a separate file`;
      errors.push(fail('too-long', index, 'target.selector', message));
    } else if (seen.has(result.highlight.id)) {
      errors.push(
        fail(
          'duplicate-id',
          index,
          'id',
          `annotation ${result.highlight.foreignId ?? result.highlight.id} appears twice`,
        ),
      );
    } else {
      seen.add(result.highlight.id);
      annotations.push(result);
    }
  });
  return { annotations, errors };
}

/**
 * Highlights from a Web Annotation document, each on the document its target names (a Lectio export's
 * `urn:lectio:document:<id>`), or all on `options.documentId` when given. An annotation whose source names no Lectio
 * document, without that option, is reported as 'unsupported-target'.
 */
export function fromWebAnnotations(input: unknown, options: ImportOptions = {}): ImportResult {
  const read = readWebAnnotations(input);
  const highlights: Highlight[] = [];
  const errors: ImportError[] = [...read.errors];
  read.annotations.forEach(({ index, source, highlight }) => {
    const documentId = options.documentId ?? lectioDocumentIdOf(source);
    if (documentId === null) {
      errors.push(
        fail('unsupported-target', index, 'target.source', `expected a source starting ${DOCUMENT_URN_PREFIX}`),
      );
    } else highlights.push({ ...highlight, documentId });
  });
  return { highlights, errors };
}
