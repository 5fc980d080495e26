/**
 * Makes a reader's highlights for a text: word-aligned spans of a few words to a couple of sentences, described with
 * the app's own `describe()` (position + quote selectors), with colours, some notes and tags.
 */
import { describe } from '@core/anchoring/describe';
import type { Highlight } from '@core/annotations/highlight';
import type { Random } from '../prng';
import { ADJECTIVES, NOUNS } from '../text/lexicon';

export interface WordSpans {
  starts: number[];
  ends: number[];
}

/** Start and end offsets of every word (a run of non-space characters). */
export function wordSpans(text: string): WordSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { starts, ends };
}

/** A random word-aligned span of 3 to 40 words that stays on one line (a highlight rarely crosses paragraphs). */
export function randomSpan(r: Random, text: string, words: WordSpans): { start: number; end: number } {
  const first = r.int(words.starts.length);
  const length = r.chance(0.7) ? r.between(3, 15) : r.between(16, 40);
  const last = Math.min(words.ends.length - 1, first + length - 1);
  const start = words.starts[first] as number;
  let end = words.ends[last] as number;
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd !== -1 && lineEnd < end) end = lineEnd;
  return { start, end: end > start ? end : (words.ends[first] as number) };
}

function note(r: Random): string {
  const words: string[] = [];
  for (let n = r.between(5, 30); n > 0; n -= 1) words.push(r.chance(0.5) ? r.pick(NOUNS) : r.pick(ADJECTIVES));
  return `${words.join(' ')}.`;
}

const BASE_TIME = Date.parse('2026-01-01T09:00:00.000Z');

/** `count` highlights on `text`, ids `<documentId>-h<n>`, timestamps one minute apart from a fixed base. */
export function makeHighlights(
  r: Random,
  documentId: string,
  text: string,
  count: number,
  spans?: readonly { start: number; end: number }[],
): Highlight[] {
  const words = wordSpans(text);
  const highlights: Highlight[] = [];
  for (let i = 0; i < count; i += 1) {
    const { start, end } = spans?.[i] ?? randomSpan(r, text, words);
    const at = new Date(BASE_TIME + i * 60_000).toISOString();
    highlights.push({
      id: `${documentId}-h${i}`,
      documentId,
      color: r.between(1, 5) as Highlight['color'],
      selectors: describe(text, start, end),
      note: r.chance(0.3) ? note(r) : '',
      tags: r.chance(0.2) ? [r.pick(NOUNS)] : [],
      createdAt: at,
      updatedAt: at,
    });
  }
  return highlights;
}
