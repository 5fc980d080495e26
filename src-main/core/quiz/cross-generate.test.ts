import { describe, expect, it } from 'vitest';
import type { CrossDocument } from './cross-context';
import { generateCrossQuiz } from './cross-generate';
import type { SameActor } from './cross-identity';
import { judgeCross } from './judge-cross';
import { sameRole } from './same-role';
import { analysisOf, type ActorSpec, type DateSpec } from './test-analysis';

// Invented articles: the same official in two roles, months apart, and events of their own.
function doc(
  id: string,
  published: string | null,
  text: string,
  actors: ActorSpec[],
  dates: DateSpec[] = [],
): CrossDocument {
  return {
    id,
    title: `Article ${id.toUpperCase()}`,
    published,
    text,
    analysis: analysisOf(text, actors, dates, published ?? '2024-06-01'),
  };
}

const A_TEXT =
  'Maria Lindqvist, the ambassador to Norway, met fishing officials in Bergen on 4 February 2024 to discuss quotas. ' +
  'The talks with Oskar Brandt, the harbour master, went on for several hours without any agreement.';
const B_TEXT =
  'Maria Lindqvist, the environment commissioner, opened the new research station in Tromso on 12 May 2024 with scientists. ' +
  'Petra Holm, the mayor of Tromso, thanked the visitors for their long journey to the north.';

const lindA: ActorSpec = { name: 'Maria Lindqvist', type: 'person', roles: ['ambassador to Norway'] };
const lindB: ActorSpec = { name: 'Maria Lindqvist', type: 'person', roles: ['environment commissioner'] };
const others = {
  a: { name: 'Oskar Brandt', type: 'person', roles: ['harbour master'] } as ActorSpec,
  b: { name: 'Petra Holm', type: 'person', roles: ['mayor of Tromso'] } as ActorSpec,
};
const A = doc(
  'a',
  '2024-03-02',
  A_TEXT,
  [lindA, others.a],
  [{ text: '4 February 2024', value: '2024-02-04', precision: 'day' }],
);
const B = doc(
  'b',
  '2024-06-10',
  B_TEXT,
  [lindB, others.b],
  [{ text: '12 May 2024', value: '2024-05-12', precision: 'day' }],
);

describe('role-change questions', () => {
  it('asks how the later article describes an actor whose role changed, with both sources', () => {
    const [q] = generateCrossQuiz([A, B], { seed: 's', kinds: ['role-change'] });
    expect(q?.prompt).toBe(
      'In “Article A” (March 2, 2024), Maria Lindqvist was described as ambassador to Norway; by “Article B” (June 10, 2024), as what?',
    );
    expect(q?.answer).toBe('environment commissioner');
    expect(q?.documentId).toBe('b');
    expect(q?.items?.map((i) => [i.documentId, i.support, i.published])).toEqual([
      ['a', 'ambassador to Norway', '2024-03-02'],
      ['b', 'environment commissioner', '2024-06-10'],
    ]);
    expect(q?.choices).toContain('environment commissioner');
    expect(q?.choices).not.toContain('ambassador to Norway');
    expect(judgeCross([q!], [A, B])).toEqual([]);
  });

  it('is the same whichever order the articles are given in', () => {
    const forward = generateCrossQuiz([A, B], { seed: 's', kinds: ['role-change'] });
    const backward = generateCrossQuiz([B, A], { seed: 's', kinds: ['role-change'] });
    expect(backward.map((q) => q.prompt)).toEqual(forward.map((q) => q.prompt));
  });

  it('asks nothing when the two roles are two ways of writing one office', () => {
    const same = doc('b', '2024-06-10', B_TEXT.replace('the environment commissioner', 'the Norwegian ambassador'), [
      { name: 'Maria Lindqvist', type: 'person', roles: ['Norwegian ambassador'] },
      others.b,
    ]);
    expect(generateCrossQuiz([A, same], { seed: 's', kinds: ['role-change'] })).toEqual([]);
    expect(sameRole('Foreign Minister', 'Minister of Foreign Affairs')).toBe(true);
    expect(sameRole('PM', 'Prime Minister')).toBe(true);
    expect(sameRole('head of the agency', 'agency director')).toBe(true);
    expect(sameRole('chairman', 'chief executive')).toBe(true);
  });

  it('asks nothing when a publication date is missing or the dates are not in order', () => {
    const undated = { ...B, published: null };
    const sameDay = { ...B, published: '2024-03-02' };
    expect(generateCrossQuiz([A, undated], { seed: 's', kinds: ['role-change'] })).toEqual([]);
    expect(generateCrossQuiz([A, sameDay], { seed: 's', kinds: ['role-change'] })).toEqual([]);
  });

  it('asks nothing when either role is one the engine is unsure of', () => {
    const unsure = {
      ...B,
      analysis: {
        ...B.analysis,
        actors: B.analysis.actors.map((a) =>
          a.name === 'Maria Lindqvist'
            ? { ...a, roleConfidence: { 'environment commissioner': { level: 'check' as const, reasons: ['x'] } } }
            : a,
        ),
      },
    };
    expect(generateCrossQuiz([A, unsure], { seed: 's', kinds: ['role-change'] })).toEqual([]);
  });

  it('asks nothing about a former role, or about a one-word name that may be two people', () => {
    const former = doc(
      'b',
      '2024-06-10',
      B_TEXT.replace('the environment commissioner', 'the former environment commissioner'),
      [lindB, others.b],
    );
    expect(generateCrossQuiz([A, former], { seed: 's', kinds: ['role-change'] })).toEqual([]);
    const a1 = doc('a', '2024-03-02', A_TEXT.replaceAll('Maria Lindqvist', 'Lindqvist'), [
      { ...lindA, name: 'Lindqvist' },
    ]);
    const b1 = doc('b', '2024-06-10', B_TEXT.replaceAll('Maria Lindqvist', 'Lindqvist'), [
      { ...lindB, name: 'Lindqvist' },
    ]);
    expect(generateCrossQuiz([a1, b1], { seed: 's', kinds: ['role-change'] })).toEqual([]);
  });
});

describe('role-change questions with the library’s identities', () => {
  it('follows the identities it is given: a surname the library ties to one person, or a split the reader made', () => {
    const short = doc('b', '2024-06-10', B_TEXT.replace('Maria Lindqvist', 'Lindqvist'), [
      { ...lindB, name: 'Lindqvist' },
      others.b,
    ]);
    expect(generateCrossQuiz([A, short], { seed: 's', kinds: ['role-change'] })).toEqual([]);
    const surname: SameActor = (a, b) => a.actor.name.endsWith(b.actor.name) || b.actor.name.endsWith(a.actor.name);
    const joined = generateCrossQuiz([A, short], { seed: 's', kinds: ['role-change'], same: surname });
    expect(joined.map((q) => q.answer)).toEqual(['environment commissioner']);
    expect(generateCrossQuiz([A, B], { seed: 's', kinds: ['role-change'], same: () => false })).toEqual([]);
  });
});

describe('event-order questions', () => {
  it('asks which of two events from two articles came first, the earlier one the answer', () => {
    const [q] = generateCrossQuiz([B, A], { seed: 's', kinds: ['event-order'] });
    expect(q?.prompt).toBe('Which of these comes first in time?');
    expect(q?.answer).toMatch(/^Maria Lindqvist, the ambassador to Norway, met fishing officials in Bergen/);
    expect(q?.choices).toHaveLength(2);
    expect(q?.items?.map((i) => [i.documentId, i.value])).toEqual([
      ['a', '2024-02-04'],
      ['b', '2024-05-12'],
    ]);
    expect(q?.documentId).toBe('a');
    expect(judgeCross([q!], [A, B])).toEqual([]);
  });

  it('asks nothing when the two dates overlap, or a date is unsure or of no known year', () => {
    const month = doc(
      'b',
      '2024-06-10',
      B_TEXT.replace('12 May 2024', 'February 2024'),
      [lindB],
      [{ text: 'February 2024', value: '2024-02', precision: 'month' }],
    );
    expect(generateCrossQuiz([A, month], { seed: 's', kinds: ['event-order'] })).toEqual([]);
    const unsure = {
      ...B,
      analysis: {
        ...B.analysis,
        dates: B.analysis.dates.map((d) => ({ ...d, confidence: { level: 'check' as const, reasons: ['x'] } })),
      },
    };
    expect(generateCrossQuiz([A, unsure], { seed: 's', kinds: ['event-order'] })).toEqual([]);
    const noYear = doc(
      'b',
      '2024-06-10',
      B_TEXT.replace('12 May 2024', '12 May'),
      [lindB],
      [{ text: '12 May', value: 'XXXX-05-12', precision: 'day' }],
    );
    expect(generateCrossQuiz([A, noYear], { seed: 's', kinds: ['event-order'] })).toEqual([]);
  });

  it('asks nothing about a clause that reports words, bounds a stretch of time or states the present', () => {
    const variants: [string, string][] = [
      ['Maria Lindqvist said the fund promised on 12 May 2024 had yet to arrive in Tromso.', '12 May 2024'],
      ['Maria Lindqvist has worked with the scientists in Tromso since 12 May 2024 on the station.', '12 May 2024'],
      [
        'Maria Lindqvist, the commissioner, is the owner of the station built on 12 May 2024 near Tromso.',
        '12 May 2024',
      ],
    ];
    for (const [text, date] of variants) {
      const b = doc('b', '2024-06-10', text, [lindB], [{ text: date, value: '2024-05-12', precision: 'day' }]);
      expect(generateCrossQuiz([A, b], { seed: 's', kinds: ['event-order'] })).toEqual([]);
    }
  });

  it('asks nothing from one article alone', () => {
    expect(generateCrossQuiz([A], { seed: 's' })).toEqual([]);
  });

  it('keeps only the events of the chosen actor in an actor quiz', () => {
    const both = generateCrossQuiz([A, B], {
      seed: 's',
      kinds: ['event-order'],
      actor: { name: 'Maria Lindqvist', type: 'person' },
    });
    expect(both).toHaveLength(1);
    const none = generateCrossQuiz([A, B], {
      seed: 's',
      kinds: ['event-order'],
      actor: { name: 'Petra Holm', type: 'person' },
    });
    expect(none).toEqual([]);
  });
});

describe('the judge of questions across articles', () => {
  const [change] = generateCrossQuiz([A, B], { seed: 's', kinds: ['role-change'] });
  const [order] = generateCrossQuiz([A, B], { seed: 's', kinds: ['event-order'] });

  it('finds the later event given as the answer', () => {
    const items = order!.items!;
    const wrong = { ...order!, answer: items[1]!.label };
    expect(judgeCross([wrong], [A, B]).map((d) => d.message)).toContain('the answer is not the earlier event');
  });

  it('finds a role change between articles whose dates are not in order', () => {
    const late = { ...A, published: '2024-07-01' };
    expect(judgeCross([change!], [late, B]).length).toBeGreaterThan(0);
  });

  it('finds evidence that is not its article’s text, and a "change" between one role written two ways', () => {
    const items = change!.items!;
    const moved = { ...change!, items: [{ ...items[0]!, evidence: { ...items[0]!.evidence, start: 3 } }, items[1]!] };
    expect(judgeCross([moved], [A, B]).some((d) => d.message.includes('not the text of'))).toBe(true);
    const same = doc('b', '2024-06-10', B_TEXT, [
      { ...lindB, roles: ['environment commissioner', 'ambassador'] },
      others.b,
    ]);
    expect(judgeCross([change!], [A, same]).some((d) => d.message.includes('also calls'))).toBe(true);
  });
});
