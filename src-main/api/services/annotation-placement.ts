/**
 * Decides which document imported annotations belong to, so that a file exported from one article never lands,
 * silently and as orphans, on whichever article happens to be open. An annotation's target source names its
 * document: a Lectio export's `urn:lectio:document:<id>`, or another tool's address of the page.
 */
import type { Highlight } from '../../core/annotations/highlight';
import { lectioDocumentIdOf, type ReadAnnotation } from '../../core/annotations/web-annotation-import';
import type { TextQuoteSelector } from '../../core/anchoring/selectors';
import type { DocumentMeta } from '../../core/model';

export interface PlacementContext {
  /** The document the import was asked for, and its text. */
  documentId: string;
  text: string;
  library: readonly DocumentMeta[];
  /** The reader chose to put annotations of unknown sources on this document. */
  attachUnmatched: boolean;
}

export interface Placement {
  /** The highlights for the requested document. */
  here: Omit<Highlight, 'documentId'>[];
  /** Counts by the library's other documents the annotations name. */
  elsewhere: Map<string, number>;
  unmatched: { count: number; sources: string[] };
}

/** The library's document a source names (by Lectio urn, or by the address it was imported from); null if none. */
function documentNamedBy(source: string, library: readonly DocumentMeta[]): string | null {
  const lectioId = lectioDocumentIdOf(source);
  if (lectioId !== null) return library.some((d) => d.id === lectioId) ? lectioId : null;
  return library.find((d) => d.source !== '' && d.source === source)?.id ?? null;
}

/**
 * Whether the highlight's passage is verifiably in `text`: at its recorded position, or verbatim with all the context
 * it recorded. That is what a copy of the same article (another library's, or imported twice) shows.
 */
function passageIsIn(text: string, highlight: Omit<Highlight, 'documentId'>): boolean {
  const [position, quote] = highlight.selectors;
  if (text.slice(position.start, position.end) === quote.exact) return true;
  return hasContext(quote) && text.includes(quote.prefix + quote.exact + quote.suffix);
}

const hasContext = (quote: TextQuoteSelector) => quote.prefix.length + quote.suffix.length >= 16;

/**
 * Splits imported annotations by where they belong. Those naming the requested document go there; those naming
 * another document of the library are counted for it (the reader is asked whether to import them there); those naming
 * no known document go to the requested one only if every one of that source's passages is verifiably in its text, or
 * the reader chose so; otherwise they are counted as unmatched and left out.
 */
export function placeAnnotations(annotations: readonly ReadAnnotation[], context: PlacementContext): Placement {
  const bySource = new Map<string, ReadAnnotation[]>();
  for (const annotation of annotations) {
    const group = bySource.get(annotation.source);
    if (group) group.push(annotation);
    else bySource.set(annotation.source, [annotation]);
  }
  const placement: Placement = { here: [], elsewhere: new Map(), unmatched: { count: 0, sources: [] } };
  for (const [source, group] of bySource) {
    const named = documentNamedBy(source, context.library);
    if (named !== null && named !== context.documentId) {
      placement.elsewhere.set(named, (placement.elsewhere.get(named) ?? 0) + group.length);
    } else if (
      named === context.documentId ||
      context.attachUnmatched ||
      group.every((a) => passageIsIn(context.text, a.highlight))
    ) {
      placement.here.push(...group.map((a) => a.highlight));
    } else {
      placement.unmatched.count += group.length;
      if (placement.unmatched.sources.length < 3) placement.unmatched.sources.push(source);
    }
  }
  return placement;
}
