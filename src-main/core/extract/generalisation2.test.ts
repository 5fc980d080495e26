/**
 * Table-driven tests for the second round of generalisation rules (held-out 2): possessive-role appositions with a
 * bare name, abbreviated titles kept in aliases, organisation names with "on" and subject lists, a lone org word
 * standing for the one longer org, sports teams named like places, team nicknames, numbers that are no names,
 * celestial bodies, datelines after a headline and "the end of the month". Names are invented or generic on purpose.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { datelineSpan } from './find-actors';
import { findClubs, isSportText } from './sport';
import type { Actor } from './types';

function actorsOf(text: string, referenceDate = '2024-03-07'): Actor[] {
  return extract(text, { referenceDate }).actors;
}

function find(actors: Actor[], name: string): Actor | undefined {
  return actors.find((a) => a.name === name);
}

describe('possessive role, comma, bare name', () => {
  // [text, person, a role word that must appear in one of the roles]
  const CASES: [string, string, string][] = [
    ["The bank's chief economist, Owen Trask, said prices would fall.", 'Owen Trask', 'economist'],
    ["The council's director of finance, Mara Quell, told the meeting.", 'Mara Quell', 'director of finance'],
    ["The agency's lead project scientist, Tobin Vass, was pleased.", 'Tobin Vass', 'scientist'],
    ["The club's head of recruitment, Ilse Varro, left on Monday.", 'Ilse Varro', 'head of recruitment'],
  ];
  it.each(CASES)('%s', (text, name, role) => {
    const a = find(actorsOf(text), name);
    expect(a?.type).toBe('person');
    expect(a?.roles.some((r) => r.includes(role))).toBe(true);
  });

  it('does not make a person of a place list after a comma', () => {
    expect(actorsOf('The firm has offices in Paris, Lyon and Nice.').filter((a) => a.type === 'person')).toEqual([]);
  });
});

describe('abbreviated titles stay in aliases', () => {
  const CASES: [string, string, string, string][] = [
    ['Dr. Anselm Okoro spoke on Tuesday. Okoro said the outbreak was over.', 'Anselm Okoro', 'Dr. Anselm Okoro', 'Okoro'],
    ['Prof. Lina Brandt, a chemist, agreed. Brandt said so.', 'Lina Brandt', 'Prof. Lina Brandt', 'Brandt'],
    ['Dr. Okoro Anselm Wube said yes. Wube left.', 'Okoro Anselm Wube', 'Dr. Okoro Anselm Wube', 'Wube'],
  ];
  it.each(CASES)('%s', (text, name, titled, short) => {
    const actors = actorsOf(text);
    const a = find(actors, name);
    expect(a?.aliases).toEqual(expect.arrayContaining([titled, short]));
    expect(a?.roles.filter((r) => /^(?:Dr|Prof)\.?$/.test(r))).toEqual([]);
    expect(actors.filter((x) => x.type === 'person')).toHaveLength(1);
  });
});

describe('organisation names with function words', () => {
  const CASES: [string, string][] = [
    ['Delegates to the UN Framework Convention on Climate Change met.', 'UN Framework Convention on Climate Change'],
    ['The Ministry of Defence said nothing.', 'Ministry of Defence'],
    ['The Bank of England raised rates.', 'Bank of England'],
    ['The Department for Education published guidance.', 'Department for Education'],
    ['The Department for Levelling Up, Housing and Communities said so.', 'Department for Levelling Up, Housing and Communities'],
    ['The Department of Health and Social Care replied.', 'Department of Health and Social Care'],
    ['The Intergovernmental Panel on Climate Change warned.', 'Intergovernmental Panel on Climate Change'],
  ];
  it.each(CASES)('%s', (text, name) => expect(find(actorsOf(text), name)?.type).toBe('organization'));

  const APART: [string, string[]][] = [
    ['The Bank of England and Barclays said rates would rise.', ['Bank of England', 'Barclays']],
    ['The Finance Committee on Monday approved the plan.', ['Finance Committee']],
  ];
  it.each(APART)('keeps apart: %s', (text, names) => {
    const orgs = actorsOf(text).filter((a) => a.type === 'organization').map((a) => a.name);
    for (const n of names) expect(orgs).toContain(n);
  });
});

describe('small actor-noise rules', () => {
  it('a lone org word stands for the one longer org ending in it', () => {
    const actors = actorsOf('Ashby Borough Council met. Council leader Rhea Moss spoke. Council tax will rise.');
    expect(actors.filter((a) => a.type === 'organization').map((a) => a.name)).toEqual(['Ashby Borough Council']);
  });
  it('numbers are not organisations', () => {
    expect(actorsOf('Tax rises by 4.99% from April. Tax rose by 3.99% from May.')).toEqual([]);
  });
  it('planets and moons are not actors', () => {
    const names = actorsOf('The probe reaches Jupiter in 2030. It will pass Europa and Mars. Jupiter is big.').map((a) => a.name);
    expect(names).toEqual([]);
  });
  const DATELINES: [string, string][] = [
    ['Probe lifts off\n\nCAPE HARBOUR, Florida - The agency launched it.', 'CAPE HARBOUR, Florida - '],
    ['VALLETTA, May 3 (Wire) - Ministers met.', 'VALLETTA, May 3 (Wire) - '],
    ['Headline only\n\nThe agency said it would wait.', ''],
  ];
  it.each(DATELINES)('dateline of %j', (text, dl) => {
    const [a, b] = datelineSpan(text);
    expect(text.slice(a, b)).toBe(dl);
  });
});

describe('sports teams named like places', () => {
  const MATCH = 'Riverton beat Lakeport 2-1 on Saturday. The striker scored twice and the manager praised the goal.';
  it('detects sport texts', () => {
    expect(isSportText(MATCH)).toBe(true);
    expect(isSportText('Liverpool council voted to raise rates on Saturday.')).toBe(false);
  });
  const CLUBS: [string, string[]][] = [
    [MATCH, ['riverton', 'lakeport']],
    ['Leeds drew with Bristol in a league match. The coach said the penalty was harsh after the goal.', ['leeds', 'bristol']],
    ['Hale signed for the club from Brentford. The striker scored in the league match against Burnley.', ['brentford', 'burnley']],
    ['Prices in Liverpool rose. Manchester beat forecasts.', []],
  ];
  it.each(CLUBS)('clubs of %s', (text, want) => expect([...findClubs(text)].sort()).toEqual([...want].sort()));

  it('a city that beat another in a match report is an organisation', () => {
    const a = actorsOf('Liverpool beat Chelsea 2-1 at home on Saturday. The striker scored and the manager hailed the goal. Liverpool host Leeds next.');
    expect(find(a, 'Liverpool')?.type).toBe('organization');
    expect(find(a, 'Chelsea')?.type).toBe('organization');
    expect(a.some((x) => /\d/.test(x.name))).toBe(false);
  });
  it('a city outside sport stays a place', () => {
    expect(find(actorsOf('Liverpool voted on Wednesday to raise council tax. The mayor said so.'), 'Liverpool')).toBeUndefined();
  });
  it('nicknames are not separate actors in a match report', () => {
    const a = actorsOf('Riverton beat Lakeport 2-1. The striker scored, the manager praised the goal. The Blues were poor and the Gulls celebrated.');
    expect(a.map((x) => x.name)).not.toContain('Blues');
    expect(a.map((x) => x.name)).not.toContain('Gulls');
  });
});

describe('date values', () => {
  // [text, reference, expression, value]
  const CASES: [string, string, string, string][] = [
    ['Payment is due by the end of the month.', '2024-10-15', 'the end of the month', '2024-10'],
    ['Talks resume at the start of next month.', '2024-10-15', 'the start of next month', '2024-11'],
    ['Sales rose in the fiscal first quarter.', '2024-03-07', 'first quarter', '2024-Q1'],
    ['Growth slowed in Q3 2024.', '2024-03-07', 'Q3 2024', '2024-Q3'],
    ['Offices will be sold in the third quarter.', '2024-03-07', 'the third quarter', '2024-Q3'],
    ['Rates may fall by mid-2025.', '2024-03-07', '2025', '2025'],
    ['Reserves run out by late 2025.', '2024-03-07', '2025', '2025'],
    ['Instruments switch on early next year.', '2024-03-07', 'early next year', '2025'],
    ['The department spoke last week.', '2024-03-07', 'last week', '2024-W09'],
    ['Figures came out two weeks ago.', '2024-03-07', 'two weeks ago', '2024-W08'],
    ['The review is next Monday.', '2024-03-07', 'next Monday', '2024-03-11'],
  ];
  it.each(CASES)('%s', (text, ref, expr, value) => {
    const d = extract(text, { referenceDate: ref }).dates.find((x) => x.text === expr);
    expect(d?.value).toBe(value);
  });
});
