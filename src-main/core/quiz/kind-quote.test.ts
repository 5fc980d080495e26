import { describe, expect, it } from 'vitest';
import { buildContext } from './context';
import { quoteQuestions } from './kind-quote';
import { findQuotes } from './quote-detect';
import { analysisOf } from './test-analysis';
import { testContext } from './test-article';

const ACTORS = [
  { name: 'Ana Sousa', type: 'person' as const, aliases: ['Sousa'] },
  { name: 'Tomas Berg', type: 'person' as const },
  { name: 'Harbour Board', type: 'organization' as const },
];

describe('quote detection', () => {
  it.each([
    ['Ana Sousa said, “The ports will stay open all winter.”', 'Ana Sousa'],
    ['Ana Sousa, a lawyer from Porto, said: “The ports will stay open all winter.”', 'Ana Sousa'],
    ['“The ports will stay open all winter,” said Tomas Berg.', 'Tomas Berg'],
    ['“The ports will stay open all winter,” Tomas Berg said.', 'Tomas Berg'],
    ['The Harbour Board met on Monday, saying, “The ports will stay open all winter.”', 'Harbour Board'],
    ['“The ports will stay open all winter,” she said.', null],
    ['The ports were called “open” by everyone.', null],
  ])('%s -> %s', (text, speaker) => {
    const ctx = buildContext(text, analysisOf(text, ACTORS), { seed: 1 });
    expect(findQuotes(ctx, 0)[0]?.speaker.name ?? null).toBe(speaker);
  });
});

describe('quote questions', () => {
  const questions = quoteQuestions(testContext()).map((c) => c.question);

  it('asks who said each attributed quotation, with the speaker in the evidence', () => {
    expect(questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['Who said “We will sign the fisheries treaty before the summer recess”?', 'Tomas Berg'],
      ['Who said “Our ports are ready for the new routes”?', 'Ana Sousa'],
      ['Which organisation said “Traffic will double within five busy years”?', 'Port Authority of Lisbon'],
    ]);
    for (const q of questions) expect(q.evidence.text).toContain(q.support);
  });
});
