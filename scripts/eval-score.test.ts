import { describe, expect, it } from 'vitest';
import { codePointToUtf16 } from '@eval/gold';
import { combine, normName, prf, rolesMatch, scoreFixture, type Prediction } from '@eval/score';
import { fixtureOf, predictedDates } from './test-eval-fixture';

describe('scoring rules', () => {
  it.each([
    ['Russian President', 'President of Russia', true],
    ['General Secretary', 'Secretary General', true],
    ['professor at Ewha Womans University', 'professor', true],
    ['Foreign Minister', 'President', false],
  ])('roles "%s" ~ "%s" is %s', (a, b, want) => {
    expect(rolesMatch(a, b)).toBe(want);
  });

  it('normalises names', () => {
    expect(normName('The Kremlin')).toBe('kremlin');
    expect(normName('U.S.')).toBe('us');
    expect(normName('Choe Son-hee')).toBe(normName('choe son hee'));
  });

  it('computes precision, recall and F1', () => {
    expect(prf(3, 1, 1)).toMatchObject({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(prf(0, 0, 2).precision).toBe(0);
  });

  it('maps code-point offsets to UTF-16', () => {
    expect(codePointToUtf16('😀ab')(1)).toBe(2);
  });
});

const FIXTURE = fixtureOf([
  { name: 'Vladimir Putin', type: 'person', aliases: ['Putin'], roles: ['President of Russia'] },
  { name: 'Xi Jinping', type: 'person', aliases: ['Xi'], roles: [] },
  { name: 'Byline', type: 'person', aliases: [], roles: [], optional: true },
]);

describe('scoreFixture', () => {
  it('scores actors one-to-one, roles leniently and dates by overlap and value', () => {
    const pred: Prediction = {
      actors: [
        { name: 'Putin', type: 'person', aliases: [], roles: ['Russian President'] },
        { name: 'Xi', type: 'person', aliases: [], roles: ['leader'] },
        { name: 'Xi', type: 'person', aliases: [], roles: [] },
        { name: 'Byline', type: 'person', aliases: [], roles: ['writer'] },
      ],
      dates: predictedDates('2023'),
    };
    const s = scoreFixture(FIXTURE, pred);
    expect(s.actors).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(s.roles).toMatchObject({ tp: 1, fn: 0, right: 1, counted: 2 });
    expect(s.dates).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(s.values).toMatchObject({ right: 1, counted: 3 });
    expect(combine([s, s]).actors).toMatchObject({ tp: 4, fp: 2 });
  });
});
