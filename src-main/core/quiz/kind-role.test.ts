import { describe, expect, it } from 'vitest';
import { roleQuestions } from './kind-role';
import { POOL, testContext } from './test-article';

const questions = roleQuestions(testContext({ pool: POOL })).map((c) => c.question);

describe('role questions', () => {
  it.each([
    ['What position does Ana Sousa hold?', 'Prime Minister'],
    ['What position does Carlos Reis hold?', 'head of the Port Authority of Lisbon'],
  ])('%s -> %s', (prompt, answer) => {
    const q = questions.find((x) => x.prompt === prompt);
    expect(q?.answer).toBe(answer);
    expect(q?.evidence.text).toContain(answer);
    expect(q?.choices.filter((c) => c === answer)).toHaveLength(1);
  });

  it.each([
    ['Who is the head of the Port Authority of Lisbon?', 'Carlos Reis'],
    ['Who is a former diplomat at the United Nations?', 'Tomas Berg'],
    ['Who is the Foreign Minister?', 'Tomas Berg'],
  ])('reverse: %s -> %s', (prompt, answer) => {
    const q = questions.find((x) => x.prompt === prompt);
    expect(q?.answer).toBe(answer);
    expect(q?.answerType).toBe('actor');
    // Three people in the article; the pool fills the fourth choice, and its "Sousa" (an alias) never appears.
    expect(q?.choices).toHaveLength(4);
    expect(q?.choices.some((c) => c === 'Maria Lopes' || c === 'Jon Olsen')).toBe(true);
    expect(q?.choices).not.toContain('Sousa');
  });

  it('never offers another role of the same actor as a distractor, and accepts it typed', () => {
    const q = questions.find(
      (x) => x.prompt === 'What position does Tomas Berg hold?' && x.answer === 'Foreign Minister',
    );
    expect(q?.choices).not.toContain('former diplomat at the United Nations');
    expect(q?.acceptableAnswers).toContain('former diplomat at the United Nations');
  });

  it('asks no reverse question for a one-word role', () => {
    const ctx = testContext();
    ctx.actors.push({ id: 'x', name: 'Lena Dahl', type: 'person', aliases: [], roles: ['mayor'], mentions: [] });
    expect(roleQuestions(ctx).some((c) => c.question.prompt === 'Who is the mayor?')).toBe(false);
  });
});
