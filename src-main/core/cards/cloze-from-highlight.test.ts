import { describe, expect, it } from 'vitest';
import { passagesOf } from '../passages';
import { clozeAnswer, clozeQuestion, countDeletions, parseCloze } from './cloze';
import { WHOLE_SENTENCE_REFUSAL, clozeFromHighlight } from './cloze-from-highlight';

// Line breaks separate blocks (paragraphs) in the canonical text, so the splitter ends a passage at each one.
const TEXT =
  'The council met on Monday.\nIt approved the budget after a long debate.\nThe mayor said the vote was historic.';

interface Case {
  name: string;
  text?: string;
  /** The highlighted words; `at` picks among repeated occurrences. */
  quote: string;
  at?: number;
  front: string | null;
  passage?: string;
  /** True when no card is made, with a reason, rather than a blank for the whole sentence. */
  refused?: boolean;
}

const CASES: Case[] = [
  {
    name: 'words inside a sentence',
    quote: 'the budget',
    front: 'It approved {{c1::the budget}} after a long debate.',
    passage: 'It approved the budget after a long debate.',
  },
  {
    name: 'surrounding spaces stay outside the deletion',
    quote: ' the budget ',
    front: 'It approved {{c1::the budget}} after a long debate.',
  },
  {
    name: 'a trailing line break is trimmed',
    quote: 'a long debate.\n',
    front: 'It approved the budget after {{c1::a long debate.}}',
  },
  {
    name: 'across two sentences: both are the context',
    quote: 'Monday.\nIt approved',
    front: 'The council met on {{c1::Monday. It approved}} the budget after a long debate.',
    passage: 'The council met on Monday.\nIt approved the budget after a long debate.',
  },
  {
    name: 'a whole sentence blanks the date in it',
    quote: 'The council met on Monday.',
    front: 'The council met on {{c1::Monday}}.',
    passage: 'The council met on Monday.',
  },
  {
    name: 'a whole sentence with no date blanks a name in it',
    text: 'Ships waited.\nThe port reopened under Liu Jianchao after talks.',
    quote: 'The port reopened under Liu Jianchao after talks.',
    front: 'The port reopened under {{c1::Liu Jianchao}} after talks.',
  },
  {
    name: 'a whole sentence with only a number blanks the number',
    text: 'Losses reached 40 million dollars.',
    quote: 'Losses reached 40 million dollars.',
    front: 'Losses reached {{c1::40 million}} dollars.',
  },
  {
    name: 'two whole sentences with nothing to ask are refused',
    quote: 'It approved the budget after a long debate.\nThe mayor said the vote was historic.',
    front: null,
    refused: true,
  },
  {
    name: 'a whole sentence with nothing to ask is refused',
    quote: 'The mayor said the vote was historic.',
    front: null,
    refused: true,
  },
  {
    name: 'a lone sentence with nothing to ask is refused',
    text: 'Only this.',
    quote: 'Only this.',
    front: null,
    refused: true,
  },
  {
    name: 'Anki syntax in the highlight is neutralised',
    text: 'Write {{x}} and a::b here.',
    quote: '{{x}} and a::b',
    front: 'Write {{c1::{{x}\u200b} and a:\u200b:b}} here.',
  },
  { name: 'only whitespace makes no card', quote: '\n', front: null },
  {
    name: 'an emoji stays whole',
    text: 'We met at the 📜 archive today.',
    quote: '📜 archive',
    front: 'We met at the {{c1::📜 archive}} today.',
  },
];

describe('clozeFromHighlight', () => {
  it.each(CASES)('$name', ({ text = TEXT, quote, at = 0, front, passage, refused = false }) => {
    const start = text.indexOf(quote, at);
    expect(start).toBeGreaterThanOrEqual(0);
    const result = clozeFromHighlight(text, passagesOf(text), start, start + quote.length);
    expect(result !== null && 'refused' in result).toBe(refused);
    if (refused) expect(result).toEqual({ refused: WHOLE_SENTENCE_REFUSAL });
    const draft = result && 'front' in result ? result : null;
    expect(draft?.front ?? null).toBe(front);
    if (passage !== undefined && draft) expect(text.slice(draft.passage.start, draft.passage.end)).toBe(passage);
    if (draft) expect(countDeletions(draft.front)).toBe(1);
    // The blank never covers the whole sentence: some of it is always left to answer from.
    if (draft) expect(draft.front.replace(/\{\{c1::.*?\}\}/u, '').trim()).not.toBe('');
  });

  it('prefers the engine’s mentions: a date first, then a person', () => {
    const text = 'Ri Ryong-nam met the Chinese envoy in Beijing on the 21st.';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const engine = { dates: [at('the 21st')], people: [at('Ri Ryong-nam')], others: [at('Beijing')] };
    expect(clozeFromHighlight(text, passagesOf(text), 0, text.length, engine)).toMatchObject({
      front: 'Ri Ryong-nam met the Chinese envoy in Beijing on {{c1::the 21st}}.',
    });
    expect(clozeFromHighlight(text, passagesOf(text), 0, text.length, { ...engine, dates: [] })).toMatchObject({
      front: '{{c1::Ri Ryong-nam}} met the Chinese envoy in Beijing on the 21st.',
    });
  });
});

describe('cloze text', () => {
  it.each([
    { text: 'A {{c1::b}} c', question: 'A […] c', answer: 'A b c', count: 1 },
    {
      text: '{{c1::Paris::capital}} is in {{c2::France}}',
      question: '[capital] is in […]',
      answer: 'Paris is in France',
      count: 2,
    },
    { text: 'no deletion', question: 'no deletion', answer: 'no deletion', count: 0 },
    { text: 'blank {{c1:: }} one', question: 'blank […] one', answer: 'blank   one', count: 0 },
  ])('$text', ({ text, question, answer, count }) => {
    expect(clozeQuestion(text)).toBe(question);
    expect(clozeAnswer(text)).toBe(answer);
    expect(countDeletions(text)).toBe(count);
  });

  it('parses deletions with hints into segments', () => {
    expect(parseCloze('x {{c2::y::z}}')).toEqual([{ text: 'x ' }, { deletion: { n: 2, answer: 'y', hint: 'z' } }]);
  });
});
