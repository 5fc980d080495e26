import { describe, expect, it } from 'vitest';
import { masteryFor } from './mastery';
import type { QuizSessionRecord, SessionQuestion } from './session';

const evidence = { start: 0, end: 1, text: 'x' };
function q(id: string, documentId: string, actor?: string): SessionQuestion {
  return {
    id,
    kind: 'who',
    answerType: 'actor',
    prompt: id,
    choices: [],
    answer: 'A',
    acceptableAnswers: [],
    evidence,
    support: 'x',
    documentId,
    documentTitle: documentId,
    ...(actor ? { about: { actor } } : {}),
  };
}
function session(day: number, answers: [SessionQuestion, boolean | number][]): QuizSessionRecord {
  const startedAt = `2026-06-${String(day).padStart(2, '0')}T09:00:00.000Z`;
  return {
    id: `s${day}`,
    startedAt,
    finishedAt: startedAt,
    seed: 's',
    documentIds: [],
    questions: answers.map(([question]) => question),
    answers: answers.map(([question, right]) => ({
      questionId: question.id,
      given: 'g',
      correct: right === true,
      at: startedAt,
      ...(typeof right === 'number' ? { credit: { right: Math.round(right * 4), of: 4 } } : {}),
    })),
  };
}

const putin = q('p', 'd1', 'a1');
const kim = q('k', 'd1', 'a2');
const other = q('o', 'd2', 'a1');
const date = q('w', 'd1');

describe('masteryFor', () => {
  it('is the share right, per document and per actor; other documents and unanswered questions do not count', () => {
    const s = session(1, [
      [putin, true],
      [kim, false],
      [date, true],
      [other, false],
    ]);
    s.questions.push(q('unanswered', 'd1', 'a1'));
    const m = masteryFor([s], 'd1');
    expect(m.document).toEqual({ share: 2 / 3, answers: 3, sessions: 1 });
    expect(m.actors).toEqual({ a1: { share: 1, answers: 1, sessions: 1 }, a2: { share: 0, answers: 1, sessions: 1 } });
    expect(masteryFor([s], 'd3')).toEqual({ document: null, actors: {} });
  });

  it('weighs the newest session 1 and each older one half the next, and reads the last five only', () => {
    // Right long ago, wrong today: 1×0 + ½×1 over 1 + ½ = 1/3.
    expect(masteryFor([session(1, [[putin, true]]), session(2, [[putin, false]])], 'd1').actors.a1?.share).toBeCloseTo(
      1 / 3,
    );
    // Wrong long ago, right today: 2/3; the order the sessions are stored in does not matter.
    expect(masteryFor([session(2, [[putin, true]]), session(1, [[putin, false]])], 'd1').actors.a1?.share).toBeCloseTo(
      2 / 3,
    );
    // Five right sessions after a wrong one: the wrong one is past the window.
    const six = [session(1, [[putin, false]]), ...[2, 3, 4, 5, 6].map((d) => session(d, [[putin, true]]))];
    expect(masteryFor(six, 'd1').actors.a1).toEqual({ share: 1, answers: 5, sessions: 5 });
  });

  it('counts a partly right match by its share, and a session of several answers by each', () => {
    const m = masteryFor(
      [
        session(1, [
          [putin, 0.75],
          [q('p2', 'd1', 'a1'), true],
        ]),
      ],
      'd1',
    );
    expect(m.actors.a1).toEqual({ share: 0.875, answers: 2, sessions: 1 });
  });
});
