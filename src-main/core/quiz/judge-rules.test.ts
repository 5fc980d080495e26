/**
 * The generator rules the question judge asked for, each on invented sentences: nothing asked outside the article
 * body, true/false only on factual statements and at most a quarter of a quiz, a date blank only where a date is
 * written and enough words stand around it, the answer never left standing in the prompt, one "What position" per
 * person, and a highlighted sentence allowed a second question.
 */
import { describe, expect, it } from 'vitest';
import { outsideBody } from '../extract/article-parts';
import { buildContext } from './context';
import { generateQuiz } from './generate';
import { judgeQuiz } from './judge';
import { isFactualStatement, trueFalseQuestions } from './kind-truefalse';
import { whenQuestions } from './kind-when';
import { whoQuestions } from './kind-who';
import { roleQuestions } from './kind-role';
import { analysisOf } from './test-analysis';
import { containsWords } from './normalize';

describe('the parts of a page that are not the article body', () => {
  it.each([
    ['ORVIK, Tessland, May 2, 2025 — The ferry left on time.', 'ORVIK, Tessland, May 2, 2025 — '],
    ['MARLOW (AP) — The ferry left on time.', 'MARLOW (AP) — '],
    ['SAINT KELD, Tessland - The ferry left on time.', 'SAINT KELD, Tessland - '],
    ['The ferry left on time.\nBy Ruth Amsel and Oskar Lind', 'By Ruth Amsel and Oskar Lind'],
    ['The ferry left on time.\nPhoto: the ferry at dawn (Harbour Press)', 'Photo: the ferry at dawn (Harbour Press)'],
    [
      'The ferry left on time.\nRuth Amsel is a writer and keen sailor for the Coast Weekly. She lives in Orvik.',
      'Ruth Amsel is a writer and keen sailor for the Coast Weekly. She lives in Orvik.',
    ],
  ])('%j', (text, part) => {
    const spans = outsideBody(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([part]);
  });

  it.each([
    ['A man — tall and quiet — boarded the ferry.'],
    ['The ferry left on time.\nBy the harbour, the crowd cheered as it went.'],
    ['Ruth Amsel is a writer for the Coast Weekly, the court heard on Monday.\nThe trial goes on.\nIt ends in May.'],
  ])('leaves body text alone: %j', (text) => expect(outsideBody(text)).toEqual([]));
});

const PAGE = [
  'ORVIK, Tessland, May 2, 2025 — Harbour master Ivo Brandt closed the northern quay on Thursday after a crane collapsed onto the pier.',
  'The Northern Port Company said repairs to the northern quay would take at least three weeks.',
  'Ruth Amsel is a journalist and keen sailor for the Coast Weekly. With a sharp eye, Ruth Amsel brings the coast to her readers every week.',
].join('\n');
const PAGE_ANALYSIS = analysisOf(
  PAGE,
  [
    { name: 'Ivo Brandt', type: 'person', aliases: ['Harbour master Ivo Brandt'], roles: ['Harbour master'] },
    { name: 'Tessland', type: 'country' },
    { name: 'Northern Port Company', type: 'organization' },
    { name: 'Ruth Amsel', type: 'person', roles: ['journalist and keen sailor for the Coast Weekly'] },
  ],
  [{ text: 'May 2, 2025', value: '2025-05-02', precision: 'day' }],
  '2025-05-02',
);

describe('questions stay in the article body', () => {
  const all = generateQuiz(PAGE, PAGE_ANALYSIS, { seed: 'body' });

  it('asks nothing about the writer of the closing note, nor names her as a distractor', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(
      all.filter((q) => q.answer === 'Ruth Amsel' || q.choices.includes('Ruth Amsel') || q.prompt.includes('Ruth')),
    ).toEqual([]);
  });

  it('asks nothing about the dateline: neither its date nor its country', () => {
    expect(all.filter((q) => q.support === 'May 2, 2025' || (q.kind === 'who' && q.answer === 'Tessland'))).toEqual([]);
  });

  it('finds no defect left for the judge', () => {
    expect(
      judgeQuiz(all, PAGE_ANALYSIS, PAGE).filter(
        (d) => d.class !== 'truefalse-share' && d.class !== 'duplicate-prompt',
      ),
    ).toEqual([]);
  });
});

describe('true/false statements', () => {
  it.each([
    ['The council closed the bridge on Monday after a crack was found.', true],
    ['The council said, “The bridge is safe,” after a crack was found.', false],
    ['The bridge may reopen in May, the council said on Monday evening.', false],
    ['Engineers are expected to finish the repairs by the end of June.', false],
    ['Some predict the works will cost more than the new ferry terminal.', false],
    ['The repairs began in May after the council found a long crack.', true],
  ])('"%s" is factual: %s', (sentence, want) => expect(isFactualStatement(sentence)).toBe(want));

  it('are never made from a quotation or a forecast', () => {
    const text =
      'Mayor Dana Kell said, “The bridge is safe for every driver.” Mayor Dana Kell may close the old bridge in June 2026, her office said. Mayor Dana Kell closed the old bridge to lorries in May 2025 after a long debate.';
    const a = analysisOf(
      text,
      [{ name: 'Dana Kell', type: 'person', aliases: ['Mayor Dana Kell'] }],
      [
        { text: 'June 2026', value: '2026-06', precision: 'month' },
        { text: 'May 2025', value: '2025-05', precision: 'month' },
      ],
    );
    const statements = trueFalseQuestions(buildContext(text, a, { seed: 'tf' })).map((c) => c.question.evidence.text);
    expect(statements).toEqual(['Mayor Dana Kell closed the old bridge to lorries in May 2025 after a long debate.']);
  });
});

describe('a quiz is at most a quarter true/false', () => {
  // Many factual sentences and little else to ask: true/false would fill the quiz if nothing held it back.
  const text = Array.from(
    { length: 12 },
    (_, i) => `Rower Ada Quill crossed the lake number ${i + 1} in ${2001 + i} with her old wooden boat.`,
  ).join(' ');
  const a = analysisOf(
    text,
    [
      { name: 'Ada Quill', type: 'person', aliases: ['Rower Ada Quill'] },
      { name: 'Ben Ostrow', type: 'person' },
    ],
    Array.from({ length: 12 }, (_, i) => ({
      text: String(2001 + i),
      value: String(2001 + i),
      precision: 'year' as const,
    })),
  );

  it.each([4, 8, 12, 40])('with %i questions asked', (count) => {
    const quiz = generateQuiz(text, a, { seed: `share-${count}`, count });
    expect(quiz.length).toBeGreaterThan(0);
    expect(quiz.filter((q) => q.kind === 'truefalse').length * 4).toBeLessThanOrEqual(quiz.length);
  });
});

describe('date blanks', () => {
  const text = [
    'The ferry company cut its timetable last Friday after storms damaged two boats.',
    'Sailings stopped on March 4.',
    'Bookings in April were up 6% on April 2024, the company said in a statement to its owners.',
    'The company opened a new route to the islands on 9 June 2024 after a long wait for approval.',
  ].join(' ');
  const a = analysisOf(
    text,
    [],
    [
      { text: 'last Friday', value: '2025-05-02', precision: 'day' },
      { text: 'March 4', value: '2025-03-04', precision: 'day' },
      { text: 'April', value: 'XXXX-04', precision: 'month' },
      { text: 'April 2024', value: '2024-04', precision: 'month' },
      { text: '9 June 2024', value: '2024-06-09', precision: 'day' },
    ],
    '2025-05-06',
  );
  const asked = whenQuestions(buildContext(text, a, { seed: 'when' })).map((c) => c.question);

  it('never blank a weekday or a relative phrase to be answered with a calendar date', () => {
    expect(asked.filter((q) => q.support === 'last Friday')).toEqual([]);
  });

  it('never leave the answer standing elsewhere in the prompt', () => {
    for (const q of asked) expect(containsWords(q.prompt, q.answer), q.prompt).toBe(false);
  });

  it('never stand alone: a clause of three words gives no context, so the blank is not asked from it', () => {
    for (const q of asked.filter((x) => x.prompt.includes('___'))) {
      const context = (/“(.*)”/.exec(q.prompt)?.[1] ?? '')
        .replace('___', ' ')
        .split(/\s+/)
        .filter((w) => /\p{L}/u.test(w));
      expect(context.length, q.prompt).toBeGreaterThanOrEqual(4);
    }
    expect(asked.some((q) => q.support === '9 June 2024')).toBe(true);
  });
});

describe('who questions', () => {
  it('are not asked where the sentence names the answer outside the blank (a dateline the blank does not cover)', () => {
    const text =
      'Harbour master Ivo Brandt said Tessland would pay for the repairs. ORVIK, Tessland — Tessland will rebuild the quay by June, officials of the port said.';
    const a = analysisOf(text, [
      { name: 'Tessland', type: 'country' },
      { name: 'Ivo Brandt', type: 'person' },
    ]);
    const ctx = buildContext(text, a, { seed: 'who' });
    // The engine keeps no mention in a dateline: drop the ones the test analysis found there.
    ctx.actors.forEach((x) => {
      x.mentions = x.mentions.filter((m) => !ctx.outside.some((o) => o.start <= m.start && o.end >= m.end));
    });
    for (const q of whoQuestions(ctx).map((c) => c.question))
      expect(containsWords(q.prompt.replace(/^[^“]*/, ''), q.answer), q.prompt).toBe(false);
  });
});

describe('role questions', () => {
  it('ask "What position does X hold?" once per person in a quiz, whatever the number of roles', () => {
    // One-word roles: no "Who is the ...?" question can take either role's fact first.
    const text =
      'Lia Marsh, the captain, spoke on Monday. Lia Marsh is also the treasurer, members of the club said. Tom Vey, a pilot, agreed with her plan.';
    const a = analysisOf(text, [
      { name: 'Lia Marsh', type: 'person', roles: ['captain', 'treasurer'] },
      { name: 'Tom Vey', type: 'person', roles: ['pilot'] },
    ]);
    expect(
      roleQuestions(buildContext(text, a, { seed: 'r' })).filter(
        (c) => c.question.prompt === 'What position does Lia Marsh hold?',
      ),
    ).toHaveLength(2);
    for (const seed of ['a', 'b', 'c', 'd']) {
      const prompts = generateQuiz(text, a, { seed, count: 40 }).map((q) => q.prompt);
      expect(prompts.filter((p) => p === 'What position does Lia Marsh hold?').length, seed).toBeLessThanOrEqual(1);
    }
  });
});

describe('choices never name one actor twice, even when the engine split it', () => {
  // The engine may keep "Fed" apart from "Federal Reserve", "BOJ" from "Bank of Japan", or two spellings of a name.
  const text = [
    'The Federal Reserve and the Bank of Japan held rates on Thursday, and the Norland Treasury agreed.',
    'Markets expect the Fed to move first, the BOJ later, and the Tessland Central Bank last of all this year.',
    'Mission director Marc Antony Delacroix praised the crew; Mark Antony Delacroix was also thanked by Ana Pirelli.',
    'Ana Pirelli and Tom Okafor met the crew on Friday, Ben Ostrow said in a long statement to the press.',
  ].join(' ');
  const analysis = analysisOf(text, [
    { name: 'Federal Reserve', type: 'organization' },
    { name: 'Fed', type: 'organization' },
    { name: 'Bank of Japan', type: 'organization' },
    { name: 'BOJ', type: 'organization' },
    { name: 'Norland Treasury', type: 'organization' },
    { name: 'Tessland Central Bank', type: 'organization' },
    { name: 'Marc Antony Delacroix', type: 'person' },
    { name: 'Mark Antony Delacroix', type: 'person' },
    { name: 'Ana Pirelli', type: 'person' },
    { name: 'Tom Okafor', type: 'person' },
    { name: 'Ben Ostrow', type: 'person' },
  ]);

  it.each(['s1', 's2', 's3', 's4', 's5', 's6'])('seed %s', (seed) => {
    const quiz = generateQuiz(text, analysis, { seed });
    expect(quiz.some((x) => x.answerType === 'actor' && x.choices.length > 2)).toBe(true);
    const twice = judgeQuiz(quiz, analysis, text).filter(
      (d) => d.class === 'duplicate-choice-actor' || d.class === 'answer-visible',
    );
    expect(twice.map((d) => d.message)).toEqual([]);
  });
});

describe('a false statement swaps in nothing the sentence already writes', () => {
  // Few names and dates to choose from: a careless swap would reuse one standing in the same sentence.
  const text = [
    'Rovers beat United 2-1 at the Dockside Ground on Sunday, their first win over United since March 2023.',
    'The club played from March 3 to March 5, 2024 in a tournament won by Rovers ahead of United.',
  ].join(' ');
  const analysis = analysisOf(
    text,
    [
      { name: 'Rovers', type: 'organization' },
      { name: 'United', type: 'organization' },
    ],
    [
      { text: 'March 2023', value: '2023-03', precision: 'month' },
      { text: 'March 3', value: '2024-03-03', precision: 'day' },
      { text: 'March 5, 2024', value: '2024-03-05', precision: 'day' },
    ],
  );

  it.each(Array.from({ length: 12 }, (_, i) => `tf-${i}`))('seed %s', (seed) => {
    const statements = trueFalseQuestions(buildContext(text, analysis, { seed })).map((c) => c.question);
    expect(statements.length).toBeGreaterThan(0);
    expect(
      judgeQuiz(statements, analysis, text)
        .filter((d) => d.class === 'truefalse-swap')
        .map((d) => d.message),
    ).toEqual([]);
  });
});
