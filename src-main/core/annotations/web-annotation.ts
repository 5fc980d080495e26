/**
 * Exports highlights as a W3C Web Annotation collection (JSON-LD), so other annotation tools can read them.
 * https://www.w3.org/TR/annotation-model/ and https://www.w3.org/TR/annotation-vocab/
 */
import type { HighlightSelectors } from '../anchoring/selectors';
import type { Highlight, HighlightColor } from './highlight';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DOCUMENT_URN_PREFIX = 'urn:lectio:document:';
export const ANNOTATION_URN_PREFIX = 'urn:lectio:annotation:';
/**
 * Lectio's one extension property. The anno.jsonld context does not define it, so JSON-LD reads it as the absolute
 * IRI `lectio:color`; tools that do not know it ignore it, as the model asks of unknown properties.
 */
export const COLOR_PROPERTY = 'lectio:color';

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  /** The id another tool gave the annotation, when it came from one (W3C's "canonical": the IRI of the original). */
  canonical?: string;
  body?: TextualBody[];
  target: { source: string; selector: HighlightSelectors };
  [COLOR_PROPERTY]: HighlightColor;
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label?: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

function bodiesOf(highlight: Highlight): TextualBody[] {
  const bodies: TextualBody[] = [];
  if (highlight.note !== '') {
    bodies.push({ type: 'TextualBody', purpose: 'commenting', value: highlight.note, format: 'text/plain' });
  }
  for (const tag of highlight.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return bodies;
}

/** One highlight as an Annotation (without its own @context: it travels inside a collection). */
export function toWebAnnotation(highlight: Highlight): WebAnnotation {
  const bodies = bodiesOf(highlight);
  const [position, quote] = highlight.selectors;
  return {
    id: `${ANNOTATION_URN_PREFIX}${highlight.id}`,
    type: 'Annotation',
    motivation: highlight.note === '' ? 'highlighting' : 'commenting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    ...(highlight.foreignId === undefined ? {} : { canonical: highlight.foreignId }),
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: {
      source: `${DOCUMENT_URN_PREFIX}${highlight.documentId}`,
      selector: [{ ...position }, { ...quote }],
    },
    [COLOR_PROPERTY]: highlight.color,
  };
}

/** The highlights as one AnnotationCollection with a single embedded page; `label` names it (a document title). */
export function toAnnotationCollection(highlights: readonly Highlight[], label?: string): AnnotationCollection {
  const items = highlights.map(toWebAnnotation);
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    ...(label === undefined ? {} : { label }),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

const ITEMS_CLOSE = '\n    ]\n  }\n}';

/**
 * Some annotations as they appear inside collectionJson's `items` (indented for that place), without the brackets:
 * serialised inside a wrapper that puts them at the same depth as in the collection, so the indentation comes out
 * right without touching the text.
 */
export function annotationsJson(highlights: readonly Highlight[]): string {
  if (highlights.length === 0) return '';
  const text = JSON.stringify({ first: { items: highlights.map(toWebAnnotation) } }, null, 2);
  return text.slice(text.indexOf('[\n') + 2, text.length - ITEMS_CLOSE.length);
}

/**
 * The collection's file (`JSON.stringify(toAnnotationCollection(…), null, 2)` and a newline, byte for byte) around
 * parts made by annotationsJson, in order, holding `total` annotations: a long export serialises a chunk at a time.
 */
export function collectionJson(parts: readonly string[], total: number, label?: string): string {
  const skeleton = JSON.stringify({ ...toAnnotationCollection([], label), total }, null, 2);
  const filled = parts.filter((part) => part !== '');
  if (filled.length === 0) return `${skeleton}\n`;
  // The last `"items": []` is the page's: inside a string every quote is escaped, so a label cannot contain it.
  const at = skeleton.lastIndexOf('"items": []');
  return `${skeleton.slice(0, at)}"items": [\n${filled.join(',\n')}\n    ]${skeleton.slice(at + '"items": []'.length)}\n`;
}
