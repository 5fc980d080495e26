/**
 * The parts of an article's text that are not its body: the dateline before the first sentence ("SAN JOSE,
 * California, October 24, 2024 — "), bylines ("By Ana Lima"), photo captions and credits, and the closing author
 * biography ("Ana Lima is a journalist for ..."). Facts there are about the page, not the story: a quiz must not ask
 * about them. Pure and linear in the text's length.
 */
import type { Span } from './types';

// "LONDON — ", "AUSTIN, Texas (AP) — ", "SANTIAGO, Nov 17 (Reuters) - ": an upper-case place, optional qualifiers, a
// dash. The place is two or more capitals so an ordinary sentence ("A man — ...") never matches.
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}(?:,[^\n—–]{1,60}?)?(?:\s+\([\p{L} ]{1,30}\))?\s+[—–-]\s+/u;
// Wire credits at the foot: "Reporting by Ana Lima; Editing by Tom Hale", "Additional reporting by ...".
const CREDITS = /^(?:(?:Additional\s+)?[Rr]eporting|Writing|Editing|Compiled|Graphics|Produced)\s+by\s+\p{Lu}/u;
const BYLINE =
  /^(?:By|From|Written by|Reporting by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|da|al))*\s*(?:,.*)?$/u;
const CAPTION =
  /^(?:Image|Photo|Photograph|Picture|Caption|Credit|Illustration|Video|Watch|Read more|Related|Source)\b\s*[:|(–—-]/iu;
const CREDIT_END = /\((?:Photo|Image|Picture)[^)]*\)\s*$|\b(?:Getty Images|Reuters|AFP|AP Photo|EPA)\s*\)?\s*$/u;
// "Ana Lima is a reporter and keen sailor for ...": the closing note about who wrote the piece.
const WRITER_NOUNS =
  'journalist|reporter|writer|correspondent|columnist|author|contributor|editor|blogger|freelancer|photographer|commentator';
const BIO = new RegExp(
  String.raw`^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+(?:is|was)\s+(?:a|an|the)\s+[^.]{0,80}?\b(?:${WRITER_NOUNS})s?\b`,
  'u',
);
// "Ana Lima Image: the quay after the storm", "Photo by ...": a picture's line, wherever its label stands.
const CAPTION_LABEL = /^[^.:!?]{0,60}\b(?:Image|Photo|Photograph|Picture|Caption|Credit)\s*:/u;
// A line with no sentence end that closes on a bracketed credit: "The quay at dawn (Harbour Press)".
const CREDIT_LINE = /^[^\n]{1,200}\([^()]{2,60}\)$/u;
const CONTRIBUTED = /\b(?:contributed (?:to )?(?:this|reporting)|contributed reporting)\b/i;

interface Paragraph extends Span {
  text: string;
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body !== '') out.push({ start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  return out;
}

/** Spans of `text` outside the article body, in order; [] when every line is body text. */
export function outsideBody(text: string): Span[] {
  const paras = paragraphs(text);
  const out: Span[] = [];
  // The author's note closes the article: once a paragraph opens with one, it and the short lines after it are hers.
  let bioFrom = -1;
  paras.forEach((p, i) => {
    if (bioFrom < 0 && i > 0 && BIO.test(p.text) && i >= paras.length - 2) bioFrom = i;
  });
  paras.forEach((p, i) => {
    if (bioFrom >= 0 && i >= bioFrom) {
      out.push({ start: p.start, end: p.end });
      return;
    }
    if ((BYLINE.test(p.text) || CREDITS.test(p.text)) && p.text.length < 160) out.push({ start: p.start, end: p.end });
    else if (
      CAPTION.test(p.text) ||
      CAPTION_LABEL.test(p.text) ||
      (CREDIT_END.test(p.text) && p.text.length < 200) ||
      CONTRIBUTED.test(p.text) ||
      (CREDIT_LINE.test(p.text) && !/[.!?"”]\s*\)$/.test(p.text))
    ) {
      out.push({ start: p.start, end: p.end });
    } else {
      const d = DATELINE.exec(p.text);
      if (d) out.push({ start: p.start, end: p.start + d[0].length });
    }
  });
  return out;
}

/** True when [start, end) overlaps one of `spans`. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}
