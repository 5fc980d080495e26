import { describe, expect, it } from 'vitest';
import { buildContext } from './context';
import { matchQuestions } from './kind-match';
import { analysisOf } from './test-analysis';
import { testContext } from './test-article';

describe('match questions', () => {
  it('pairs actors with the roles the text states beside them', () => {
    const [c] = matchQuestions(testContext());
    const items = c?.question.items ?? [];
    expect(items.map((i) => [i.label, i.match])).toEqual([
      ['Ana Sousa', 'Prime Minister'],
      ['Tomas Berg', 'Foreign Minister'],
      ['Carlos Reis', 'head of the Port Authority of Lisbon'],
    ]);
    expect(c?.question.choices.slice().sort()).toEqual(items.map((i) => i.match).sort());
    for (const i of items) expect(i.evidence.text).toContain(i.support);
  });

  it('never puts two roles that read as each other in one question', () => {
    const text =
      'President Lund met Russian President Ivo Petrov. Finance Minister Ole Berg and Mayor Kari Ness came too.';
    const analysis = analysisOf(text, [
      { name: 'Lund', type: 'person', roles: ['President'] },
      { name: 'Ivo Petrov', type: 'person', roles: ['Russian President'] },
      { name: 'Ole Berg', type: 'person', roles: ['Finance Minister'] },
      { name: 'Kari Ness', type: 'person', roles: ['Mayor'] },
    ]);
    for (const seed of ['1', '2', '3', '4', '5']) {
      const roles =
        matchQuestions(buildContext(text, analysis, { seed }))[0]?.question.items?.map((i) => i.match) ?? [];
      expect(roles.includes('President') && roles.includes('Russian President')).toBe(false);
    }
  });
});
