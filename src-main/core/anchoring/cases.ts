/**
 * Anchoring cases kept as data (Apache Annotator's habit), reused by the describe and anchor tests. A highlight is
 * written inline as [[...]]: in `before` it is what the reader selected, in `after` where it must be found again.
 */
import type { AnchorMethod } from './anchor';

export interface MarkedText {
  text: string;
  /** The [[...]] range with the markers removed; null when the text carries no markers. */
  range: { start: number; end: number } | null;
}

/** Strips the [[ ]] markers from `marked`; throws on anything but zero or one well-formed pair (a broken case). */
export function parseMarked(marked: string): MarkedText {
  const open = marked.indexOf('[[');
  const close = marked.indexOf(']]');
  if (open === -1 && close === -1) return { text: marked, range: null };
  if (open === -1 || close < open || marked.indexOf('[[', open + 2) !== -1 || marked.indexOf(']]', close + 2) !== -1) {
    throw new Error(`case text needs exactly one [[...]] pair: ${marked.slice(0, 60)}`);
  }
  const text = marked.slice(0, open) + marked.slice(open + 2, close) + marked.slice(close + 2);
  return { text, range: { start: open, end: close - 2 } };
}

/** Wraps the nth (0-based) occurrence of `quote` in `text` with [[ ]]; throws if there is no such occurrence. */
export function mark(text: string, quote: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`case text lacks occurrence ${nth} of "${quote}"`);
  }
  return `${text.slice(0, at)}[[${quote}]]${text.slice(at + quote.length)}`;
}

const P1 =
  'In the spring of 1848, revolutions swept across Europe. Governments fell in Paris, Vienna and Berlin within ' +
  'weeks, and the old order seemed to collapse overnight.';
const P2 =
  'The committee met on Tuesday. The committee voted on Wednesday. The committee adjourned on Thursday, and ' +
  'nobody could say what had been decided.';
const P3 =
  'Historians still argue about why the uprisings failed so quickly. Some point to divisions between liberals ' +
  'and radicals; others to the loyalty of the armies.';
const P4 = '“We have lost everything,” wrote one exile from London, “except the memory of having tried.”';
const P5 =
  'Students now annotate the letters with emoji 📜🔥 and argue in the margins 🤔 about what counts as failure.';
const REFRAIN = Array.from({ length: 8 }, () => 'and the river ran on,').join(' ');
const FILLER = Array.from({ length: 40 }, (_, i) => `Filler sentence ${i} pads the page so distances grow.`).join(' ');

export const BASE = [P1, P2, P3, P4, P5].join('\n\n');

export interface DescribeCase {
  name: string;
  /** The selected range, marked with [[ ]]. */
  text: string;
  prefix: string;
  suffix: string;
}

export const describeCases: DescribeCase[] = [
  {
    name: 'mid-text range keeps 32 characters of context each side',
    text: mark(BASE, 'revolutions swept across Europe'),
    prefix: 'In the spring of 1848, ',
    suffix: '. Governments fell in Paris, Vie',
  },
  { name: 'range at the very start has no prefix', text: '[[Alpha]] beta gamma', prefix: '', suffix: ' beta gamma' },
  { name: 'range at the very end has no suffix', text: 'alpha beta [[gamma]]', prefix: 'alpha beta ', suffix: '' },
  {
    name: 'context is trimmed rather than cutting an emoji in half',
    text: `😀${'x'.repeat(31)}[[quote]]${'y'.repeat(31)}😀`,
    prefix: 'x'.repeat(31),
    suffix: 'y'.repeat(31),
  },
  { name: 'a whole emoji may be the quote', text: 'fire [[🔥]] here', prefix: 'fire ', suffix: ' here' },
];

export interface InvalidRangeCase {
  name: string;
  text: string;
  start: number;
  end: number;
  code: 'not-an-integer' | 'out-of-bounds' | 'empty' | 'reversed' | 'splits-character';
}

export const invalidRangeCases: InvalidRangeCase[] = [
  { name: 'empty range', text: 'abc', start: 1, end: 1, code: 'empty' },
  { name: 'reversed range', text: 'abc', start: 2, end: 1, code: 'reversed' },
  { name: 'negative start', text: 'abc', start: -1, end: 2, code: 'out-of-bounds' },
  { name: 'end past the text', text: 'abc', start: 0, end: 4, code: 'out-of-bounds' },
  { name: 'fractional offset', text: 'abc', start: 0.5, end: 2, code: 'not-an-integer' },
  { name: 'NaN offset', text: 'abc', start: Number.NaN, end: 2, code: 'not-an-integer' },
  { name: 'start inside an emoji', text: 'a😀b', start: 2, end: 4, code: 'splits-character' },
  { name: 'end inside an emoji', text: 'a😀b', start: 0, end: 2, code: 'splits-character' },
];

export interface ReanchorCase {
  name: string;
  /** The document when the highlight was made, with the highlight marked. */
  before: string;
  /** The document now, with the expected anchor marked; unmarked when the highlight must become an orphan. */
  after: string;
  expect: AnchorMethod | 'orphan';
}

const q3 = 'why the uprisings failed so quickly';
const fell = 'Governments fell in Paris, Vienna and Berlin';
const divisions = 'Some point to divisions between liberals and radicals';
const wrapped = divisions.replace('divisions ', 'divisions\n');

export const reanchorCases: ReanchorCase[] = [
  {
    name: 'unchanged document',
    before: mark(BASE, 'revolutions swept'),
    after: mark(BASE, 'revolutions swept'),
    expect: 'position',
  },
  {
    name: 'text inserted before the quote',
    before: mark(BASE, q3),
    after: mark(`Preface: a short note on sources.\n\n${BASE}`, q3),
    expect: 'exact',
  },
  {
    name: 'paragraph deleted before the quote',
    before: mark(BASE, q3),
    after: mark(BASE.replace(`${P1}\n\n`, ''), q3),
    expect: 'exact',
  },
  {
    name: 'edit right after the quote leaves the position valid',
    before: mark(BASE, fell),
    after: mark(BASE.replace('within weeks', 'within a few days'), fell),
    expect: 'position',
  },
  {
    name: 'edit right before the quote shifts it',
    before: mark(BASE, 'the old order seemed to collapse'),
    after: mark(BASE.replace('weeks, and the old', 'weeks; the old'), 'the old order seemed to collapse'),
    expect: 'exact',
  },
  {
    name: 'one word changed inside the quote',
    before: mark(BASE, divisions),
    after: mark(BASE.replace('liberals and', 'moderates and'), divisions.replace('liberals', 'moderates')),
    expect: 'fuzzy',
  },
  {
    name: 'typo fixed inside the quote',
    before: mark(BASE.replace('uprisings', 'uprisngs'), q3.replace('uprisings', 'uprisngs')),
    after: mark(BASE, q3),
    expect: 'fuzzy',
  },
  {
    name: 'repeated quote: the second of three stays the second after an insertion',
    before: mark(BASE, 'The committee', 1),
    after: mark(`A new opening line.\n\n${BASE}`, 'The committee', 1),
    expect: 'exact',
  },
  {
    name: 'repeated quote with identical context: the copy nearest the old position wins',
    before: mark(`${P1}\n\n${REFRAIN}`, 'river', 3),
    after: mark(`${P1} \n\n${REFRAIN}`, 'river', 3),
    expect: 'exact',
  },
  {
    name: 'repeated quote: the edited copy is found although other copies are verbatim',
    before: mark(BASE, 'The committee voted on', 0),
    after: mark(BASE.replace('The committee voted on', 'The commitee voted upon'), 'The commitee voted upon'),
    expect: 'fuzzy',
  },
  {
    name: 'repeated short quote edited in place while two verbatim copies remain nearby',
    before: mark(BASE, 'The committee', 1),
    after: mark(BASE.replace('The committee voted', 'The commitee voted'), 'The commitee'),
    expect: 'fuzzy',
  },
  {
    name: 'double spaces collapsed inside the quote',
    before: mark(BASE.replace(fell, fell.replaceAll(' ', '  ')), fell.replaceAll(' ', '  ')),
    after: mark(BASE, fell),
    expect: 'fuzzy',
  },
  {
    name: 'hard line breaks inside the quote reflowed to spaces',
    before: mark(BASE.replace(divisions, wrapped), wrapped),
    after: mark(BASE, divisions),
    expect: 'fuzzy',
  },
  {
    name: 'blank lines added between paragraphs',
    before: mark(BASE, q3),
    after: mark(BASE.replaceAll('\n\n', '\n\n\n'), q3),
    expect: 'exact',
  },
  {
    name: 'curly quotes straightened inside the quote',
    before: mark(BASE, '“We have lost everything,” wrote'),
    after: mark(BASE.replaceAll('“', '"').replaceAll('”', '"'), '"We have lost everything," wrote'),
    expect: 'fuzzy',
  },
  {
    name: 'quote with emoji after an insertion',
    before: mark(BASE, 'emoji 📜🔥 and argue'),
    after: mark(`🎉 New edition.\n\n${BASE}`, 'emoji 📜🔥 and argue'),
    expect: 'exact',
  },
  {
    name: 'emoji removed inside the quote',
    before: mark(BASE, 'argue in the margins 🤔 about what counts'),
    after: mark(BASE.replace(' 🤔', ''), 'argue in the margins about what counts'),
    expect: 'fuzzy',
  },
  {
    name: 'edited passage moved beyond the search window',
    before: mark(`${P3}\n\n${FILLER}\n\n${FILLER}`, q3),
    after: mark(`${FILLER}\n\n${FILLER}\n\n${P3.replace('quickly', 'swiftly')}`, q3.replace('quickly', 'swiftly')),
    expect: 'fuzzy',
  },
  {
    name: 'quote deleted',
    before: mark(BASE, `${divisions}; others to the loyalty of the armies.`),
    after: BASE.replace(` ${divisions}; others to the loyalty of the armies.`, ''),
    expect: 'orphan',
  },
  {
    name: 'paragraph with the quote deleted',
    before: mark(BASE, q3),
    after: BASE.replace(`${P3}\n\n`, ''),
    expect: 'orphan',
  },
  {
    name: 'quote rewritten beyond recognition',
    before: mark(BASE, divisions),
    after: BASE.replace(divisions, 'A few blame the split inside the reform camp'),
    expect: 'orphan',
  },
  { name: 'whole text replaced', before: mark(BASE, fell), after: FILLER, expect: 'orphan' },
];

/** A deterministic pseudo-English text of `words` words in paragraphs, for long-document cases and timing. */
export function longDocument(words: number, seed = 1848): string {
  const vocabulary = (
    'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
    'you were her all she there would their we him been has when who will more no if out so said what up its about ' +
    'into than them can only other new some could time these two may then do first any my now such like our over ' +
    'revolution assembly liberal radical army vienna paris berlin frankfurt parliament constitution crown reform'
  ).split(' ');
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const paragraphs: string[] = [];
  let sentence: string[] = [];
  let paragraph: string[] = [];
  for (let i = 0; i < words; i += 1) {
    sentence.push(vocabulary[Math.floor(next() * vocabulary.length)] ?? 'the');
    if (sentence.length >= 8 + Math.floor(next() * 14) || i === words - 1) {
      const s = sentence.join(' ');
      paragraph.push(`${s.charAt(0).toUpperCase()}${s.slice(1)}.`);
      sentence = [];
      if (paragraph.length >= 3 + Math.floor(next() * 5) || i === words - 1) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
  }
  return paragraphs.join('\n\n');
}
