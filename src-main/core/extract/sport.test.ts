/**
 * Sports reports: teams named like places, team nicknames, and a match's halves that are no dates. Names are invented
 * or generic on purpose: the rules must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { findClubs, isSportText } from './sport';
import { actorsOf, byName as find, run, valueOf } from './test-extract';

describe('sports teams named like places', () => {
  const MATCH = 'Riverton beat Lakeport 2-1 on Saturday. The striker scored twice and the manager praised the goal.';
  it('detects sport texts', () => {
    expect(isSportText(MATCH)).toBe(true);
    expect(isSportText('Liverpool council voted to raise rates on Saturday.')).toBe(false);
  });
  const CLUBS: [string, string[]][] = [
    [MATCH, ['riverton', 'lakeport']],
    [
      'Leeds drew with Bristol in a league match. The coach said the penalty was harsh after the goal.',
      ['leeds', 'bristol'],
    ],
    [
      'Hale signed for the club from Brentford. The striker scored in the league match against Burnley.',
      ['brentford', 'burnley'],
    ],
    ['Prices in Liverpool rose. Manchester beat forecasts.', []],
  ];
  it.each(CLUBS)('clubs of %s', (text, want) => expect([...findClubs(text)].sort()).toEqual([...want].sort()));

  it('a city that beat another in a match report is an organisation', () => {
    const a = actorsOf(
      'Liverpool beat Chelsea 2-1 at home on Saturday. The striker scored and the manager hailed the goal. Liverpool host Leeds next.',
    );
    expect(find(a, 'Liverpool')?.type).toBe('organization');
    expect(find(a, 'Chelsea')?.type).toBe('organization');
    expect(a.some((x) => /\d/.test(x.name))).toBe(false);
  });
  it('a city outside sport stays a place', () => {
    expect(
      find(actorsOf('Liverpool voted on Wednesday to raise council tax. The mayor said so.'), 'Liverpool'),
    ).toBeUndefined();
  });
  it('nicknames are not separate actors in a match report', () => {
    const a = actorsOf(
      'Riverton beat Lakeport 2-1. The striker scored, the manager praised the goal. The Blues were poor and the Gulls celebrated.',
    );
    expect(a.map((x) => x.name)).not.toContain('Blues');
    expect(a.map((x) => x.name)).not.toContain('Gulls');
  });
});

describe("a match's halves", () => {
  const MATCH =
    'Riverton beat Lakeport 2-1 at home on Saturday. The striker scored twice and the referee sent off a defender in the second half.';
  it('are no dates in a sports report', () => {
    expect(run(MATCH).dates.map((d) => d.text)).not.toContain('the second half');
  });
  it('are half-years in a business story', () => {
    // Reference: March 2024, so the second half that sales already rose in is 2023's.
    expect(valueOf(run('Sales rose 4% in the second half, the retailer said.').dates, 'the second half')).toBe(
      '2023-H2',
    );
  });
});
