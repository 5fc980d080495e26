/**
 * Reads W3C Web Annotations (a collection with an embedded page, a page, or one annotation) back into highlights.
 * Never throws on bad input: every problem comes back as a typed ImportError, and good annotations still import.
 */
import { z } from 'zod';
import type { Highlight } from './highlight';
import { ANNOTATION_CONTEXT, ANNOTATION_URN_PREFIX, COLOR_PROPERTY, DOCUMENT_URN_PREFIX } from './web-annotation';

export type ImportErrorCode =
  | 'invalid-json'
  | 'not-web-annotation'
  | 'unsupported-shape'
  | 'invalid-annotation'
  | 'unsupported-target'
  | 'duplicate-id';

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
  exact: z.string().min(1),
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

function documentIdOf(source: string, options: ImportOptions): string | null {
  if (options.documentId !== undefined) return options.documentId;
  if (!source.startsWith(DOCUMENT_URN_PREFIX)) return null;
  const id = source.slice(DOCUMENT_URN_PREFIX.length);
  return id === '' ? null : id;
}

function toHighlight(item: unknown, index: number, options: ImportOptions): Highlight | ImportError {
  const parsed = annotation.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid-annotation', index, issue?.path.join('.') ?? '', issue?.message ?? 'invalid annotation');
  }
  const a = parsed.data;
  const documentId = documentIdOf(a.target.source, options);
  if (documentId === null) {
    return fail('unsupported-target', index, 'target.source', `expected a source starting ${DOCUMENT_URN_PREFIX}`);
  }
  const selectors = list(a.target.selector);
  const pos = position.safeParse(selectors.find((s) => s.type === 'TextPositionSelector'));
  const quo = quote.safeParse(selectors.find((s) => s.type === 'TextQuoteSelector'));
  if (!pos.success || !quo.success) {
    const message = (pos.error ?? quo.error)?.issues[0]?.message ?? 'invalid selector';
    const needs = `needs a valid TextPositionSelector and TextQuoteSelector: ${message}`;
    return fail('invalid-annotation', index, 'target.selector', needs);
  }
  const bodies = list(a.body).flatMap((b) => {
    const body = textualBody.safeParse(b);
    return body.success ? [body.data] : [];
  });
  return {
    id: a.id.startsWith(ANNOTATION_URN_PREFIX) ? a.id.slice(ANNOTATION_URN_PREFIX.length) : a.id,
    documentId,
    color: a[COLOR_PROPERTY],
    selectors: [pos.data, quo.data],
    note: bodies.filter((b) => b.purpose === 'commenting').map((b) => b.value).join('\n\n'),
    tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    createdAt: a.created,
    updatedAt: a.modified ?? a.created,
  };
}

/**
 * Highlights from a Web Annotation document (parsed JSON, or JSON text). Invalid annotations are skipped and
 * reported in `errors`; a file that is not Web Annotation JSON-LD gives no highlights and one file-level error.
 */
export function fromWebAnnotations(input: unknown, options: ImportOptions = {}): ImportResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { highlights: [], errors: [fail('invalid-json', null, '', (error as Error).message)] };
    }
  }
  const items = itemsOf(value);
  if (!Array.isArray(items)) return { highlights: [], errors: [items] };
  const highlights: Highlight[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const result = toHighlight(item, index, options);
    if ('code' in result) errors.push(result);
    else if (seen.has(result.id)) {
      errors.push(fail('duplicate-id', index, 'id', `annotation ${result.id} appears twice`));
    } else {
      seen.add(result.id);
      highlights.push(result);
    }
  });
  return { highlights, errors };
}
