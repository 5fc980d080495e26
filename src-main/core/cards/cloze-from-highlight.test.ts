import { describe, expect, it } from 'vitest';
import { passagesOf } from '../passages';
import { clozeAnswer, clozeQuestion, countDeletions, parseCloze } from './cloze';
import { clozeFromHighlight } from './cloze-from-highlight';

// Line breaks separate blocks (paragraphs) in the canonical text, so the splitter ends a passage at each one.
const TEXT = 'The council met on Monday.\nIt approved the budget after a long debate.\nThe mayor said the vote was historic.';

interface Case {
  name: string;
  text?: string;
  /** The highlighted words; `at` picks among repeated occurrences. */
  quote: string;
  at?: number;
  front: string | null;
  passage?: string;
}

const CASES: Case[] = [
  { name: 'words inside a sentence', quote: 'the budget', front: 'It approved {{c1::the budget}} after a long debate.', passage: 'It approved the budget after a long debate.' },
  { name: 'surrounding spaces stay outside the deletion', quote: ' the budget ', front: 'It approved {{c1::the budget}} after a long debate.' },
  { name: 'a trailing line break is trimmed', quote: 'a long debate.\n', front: 'It approved the budget after {{c1::a long debate.}}' },
  { name: 'across two sentences: both are the context', quote: 'Monday.\nIt approved', front: 'The council met on {{c1::Monday. It approved}} the budget after a long debate.', passage: 'The council met on Monday.\nIt approved the budget after a long debate.' },
  { name: 'a whole sentence takes the one before as its cue', quote: 'The mayor said the vote was historic.', front: 'It approved the budget after a long debate. {{c1::The mayor said the vote was historic.}}', passage: 'The mayor said the vote was historic.' },
  { name: 'the first sentence whole takes the one after', quote: 'The council met on Monday.', front: '{{c1::The council met on Monday.}} It approved the budget after a long debate.' },
  { name: 'a lone sentence is blanked whole', text: 'Only this.', quote: 'Only this.', front: '{{c1::Only this.}}' },
  { name: 'Anki syntax in the highlight is neutralised', text: 'Write {{x}} and a::b here.', quote: '{{x}} and a::b', front: 'Write {{c1::{{x}\u200b} and a:\u200b:b}} here.' },
  { name: 'only whitespace makes no card', quote: '\n', front: null },
  { name: 'an emoji stays whole', text: 'We met at the 📜 archive today.', quote: '📜 archive', front: 'We met at the {{c1::📜 archive}} today.' },
];

describe('clozeFromHighlight', () => {
  it.each(CASES)('$name', ({ text = TEXT, quote, at = 0, front, passage }) => {
    const start = text.indexOf(quote, at);
    expect(start).toBeGreaterThanOrEqual(0);
    const draft = clozeFromHighlight(text, passagesOf(text), start, start + quote.length);
    expect(draft?.front ?? null).toBe(front);
    if (passage !== undefined && draft) expect(text.slice(draft.passage.start, draft.passage.end)).toBe(passage);
    if (draft) expect(countDeletions(draft.front)).toBe(1);
  });
});

describe('cloze text', () => {
  it.each([
    { text: 'A {{c1::b}} c', question: 'A […] c', answer: 'A b c', count: 1 },
    { text: '{{c1::Paris::capital}} is in {{c2::France}}', question: '[capital] is in […]', answer: 'Paris is in France', count: 2 },
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
