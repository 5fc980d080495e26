import { describe, expect, it } from 'vitest';
import { codePointToUtf16, type Fixture } from '@eval/gold';
import { combine, normName, prf, rolesMatch, scoreFixture, type Prediction } from '@eval/score';

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

const FIXTURE: Fixture = {
  text: 'Putin met Xi on the 21st. Xi left this year.',
  spans: [
    [16, 24],
    [36, 45],
  ],
  gold: {
    id: 't',
    textFile: 't.txt',
    referenceDate: '2024-01-22',
    actors: [
      { name: 'Vladimir Putin', type: 'person', aliases: ['Putin'], roles: ['President of Russia'] },
      { name: 'Xi Jinping', type: 'person', aliases: ['Xi'], roles: [] },
      { name: 'Byline', type: 'person', aliases: [], roles: [], optional: true },
    ],
    dates: [
      { text: 'the 21st', normalized: '2024-01-21', span: [16, 24] },
      { text: 'this year', normalized: '2024', span: [36, 45] },
    ],
  },
};

describe('scoreFixture', () => {
  it('scores actors one-to-one, roles leniently and dates by overlap and value', () => {
    const pred: Prediction = {
      actors: [
        { name: 'Putin', type: 'person', aliases: [], roles: ['Russian President'] },
        { name: 'Xi', type: 'person', aliases: [], roles: ['leader'] },
        { name: 'Xi', type: 'person', aliases: [], roles: [] },
        { name: 'Byline', type: 'person', aliases: [], roles: ['writer'] },
      ],
      dates: [
        { start: 20, end: 24, text: '21st', value: '2024-01-21' },
        { start: 36, end: 45, text: 'this year', value: '2023' },
        { start: 0, end: 5, text: 'Putin', value: '2024' },
      ],
    };
    const s = scoreFixture(FIXTURE, pred);
    expect(s.actors).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(s.roles).toMatchObject({ tp: 1, fn: 0, right: 1, counted: 2 });
    expect(s.dates).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(s.values).toMatchObject({ right: 1, counted: 3 });
    expect(combine([s, s]).actors).toMatchObject({ tp: 4, fp: 2 });
  });
});
