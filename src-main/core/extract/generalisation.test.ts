/**
 * Table-driven tests for rules that generalise beyond the tuning articles: acronyms, organisation shapes, datelines,
 * possessive and appositive roles, wire-style month abbreviations, seasons and the tense of subordinate clauses.
 * Names here are invented or generic on purpose: the rules must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { subordinateTense } from './clauses';
import { isAcronym } from './lexicon';
import { initialsOf } from './resolve-partials';
import { datelineEnd } from './find-actors';
import type { Actor } from './types';

function actorsOf(text: string): Actor[] {
  return extract(text, { referenceDate: '2023-08-08' }).actors;
}

function summary(a: Actor | undefined): string | null {
  return a ? `${a.type}:${a.name}` : null;
}

const ACRONYMS: [string, boolean][] = [
  ['WHO', true], ['NHS', true], ['LSEG', true], ['U.N.', true], ['UNICEF', true], ['I', false], ['A', false],
  ['Who', false], ['who', false],
];

describe('acronyms', () => {
  it.each(ACRONYMS)('isAcronym(%s) = %s', (w, want) => expect(isAcronym(w)).toBe(want));

  const INITIALS: [string, string][] = [
    ['World Health Organization', 'WHO'], ['Bank of England', 'BE'], ['International Energy Agency', 'IEA'],
    ['Computer & Communications Industry Association', 'CCIA'], ['Nimbus', ''],
  ];
  it.each(INITIALS)('initialsOf(%s) = %s', (name, want) => expect(initialsOf(name)).toBe(want));

  // [text, name of the merged actor, surface that must be an alias of it]
  const MERGES: [string, string, string][] = [
    ['The World Health Organization met on Tuesday. The WHO said more. WHO officials left.', 'World Health Organization', 'WHO'],
    ['The Federal Aviation Administration grounded the jets. The FAA gave no date.', 'Federal Aviation Administration', 'FAA'],
    ['The Environmental Protection Agency sued. An EPA lawyer spoke.', 'Environmental Protection Agency', 'EPA'],
  ];
  it.each(MERGES)('%s', (text, name, alias) => {
    const a = actorsOf(text).find((x) => x.name === name);
    expect(a?.aliases).toContain(alias);
    expect(actorsOf(text).filter((x) => x.name === alias)).toHaveLength(0);
  });

  // An acronym no list knows is an organisation; abbreviations of things are not actors.
  const BARE: [string, string, string | null][] = [
    ['Analysts polled by LSEG had expected more.', 'LSEG', 'organization:LSEG'],
    ['The test picks up tumour DNA in a sample.', 'DNA', null],
    ['GDP grew 2% in the quarter, the bank said.', 'GDP', null],
  ];
  it.each(BARE)('%s', (text, name, want) => expect(summary(actorsOf(text).find((x) => x.name === name))).toBe(want));
});

// [text, expected actor "type:name"]
const ORG_SHAPES: [string, string][] = [
  ['The study was led by researchers at the University of Leeds.', 'organization:University of Leeds'],
  ['The state will appeal to the 5th U.S. Circuit Court of Appeals soon.', 'organization:5th U.S. Circuit Court of Appeals'],
  ['The trial was announced by NHS England last week.', 'organization:NHS England'],
  ['Cancer Research UK welcomed the move.', 'organization:Cancer Research UK'],
  ['Turnout was high, according to the electoral service Servel.', 'organization:Servel'],
  ['The decision hurt rival chipmakers Zentrix and others.', 'organization:Zentrix'],
];

describe('organisation shapes', () => {
  it.each(ORG_SHAPES)('%s', (text, want) => {
    expect(actorsOf(text).map(summary)).toContain(want);
  });

  it('does not make a number after "at" an organisation', () => {
    expect(actorsOf('The Bank of England held rates at 5.25% on Thursday.').map(summary)).toEqual(['organization:Bank of England']);
  });

  it('does not make a region inside a title an organisation', () => {
    const list = actorsOf('Texas Attorney General Dana Whitcomb said her office would appeal.');
    expect(list.map(summary)).toEqual(['person:Dana Whitcomb']);
  });
});

const DATELINES: [string, string][] = [
  ['GENEVA — The agency said', 'GENEVA — '],
  ['AUSTIN, Texas (AP) — A judge ruled', 'AUSTIN, Texas (AP) — '],
  ['SANTIAGO, Nov 17 (Reuters) - Voters chose', 'SANTIAGO, Nov 17 (Reuters) - '],
  ['BONN, Germany — Ministers agreed', 'BONN, Germany — '],
  ['The WHO said on Tuesday — again — that', ''],
  ['Nimbus Semiconductor reported revenue', ''],
];

describe('wire datelines', () => {
  it.each(DATELINES)('%s', (text, prefix) => expect(datelineEnd(text)).toBe(prefix.length));

  it('keeps the dateline place out of the actors', () => {
    const list = actorsOf('GENEVA — The World Health Organization said the outbreak ended in Geneva talks.');
    expect(list.map(summary)).toEqual(['organization:World Health Organization']);
  });
});

// [text, person's name, expected role]
const ROLES: [string, string, string][] = [
  ['Dr. Tedros Adhanom Ghebreyesus, the WHO director-general, praised the response.', 'Tedros Adhanom Ghebreyesus', 'WHO director-general'],
  ['The agency’s regional director, Mohamed Fall, called for funding.', 'Mohamed Fall', 'regional director'],
  ['"It is a first," said Germany’s environment minister, Katrin Albers, who chaired the talks.', 'Katrin Albers', 'Germany\'s environment minister'],
  ['Kenya\'s climate envoy, Ali Mohamed Odhiambo, said rich nations had not paid.', 'Ali Mohamed Odhiambo', 'Kenya\'s climate envoy'],
  ['Voters will choose conservative senator Tomás Ebensperger or someone else.', 'Tomás Ebensperger', 'senator'],
  ['Marta Quiroga, the Acme Foundation secretary-general, resigned.', 'Marta Quiroga', 'Acme Foundation secretary-general'],
];

describe('roles around names', () => {
  it.each(ROLES)('%s', (text, name, role) => {
    const a = actorsOf(text).find((x) => x.name === name);
    expect(a?.type).toBe('person');
    expect(a?.roles).toContain(role);
  });

  it('does not read a list of names as a role', () => {
    const a = actorsOf('Maria Delgado, Jones Brown and Kim Smith arrived.').find((x) => x.name === 'Maria Delgado');
    expect(a?.roles ?? []).toEqual([]);
  });
});

// [sentence, reference date, date text, expected value]
const DATE_CASES: [string, string, string, string][] = [
  ['SANTIAGO, Nov 17 (Reuters) - Voters chose.', '2025-11-17', 'Nov 17', '2025-11-17'],
  ['The meeting is on Oct 29, 2025, in Austin.', '2025-06-01', 'Oct 29, 2025', '2025-10-29'],
  ['The winner will take office on March 11 next year.', '2025-11-17', 'March 11 next year', '2026-03-11'],
  ['He returns on 11 March next year.', '2025-11-17', '11 March next year', '2026-03-11'],
  ['The trial starts across England from next spring.', '2025-06-10', 'next spring', '2026-SP'],
  ['The charity will publish its analysis in the autumn.', '2025-06-10', 'the autumn', '2025-FA'],
  ['A factory would open in the spring of 2026.', '2025-10-29', 'the spring of 2026', '2026-SP'],
  ['Sales fell last summer.', '2025-10-29', 'last summer', '2025-SU'],
  ['Sales fell last summer.', '2025-07-01', 'last summer', '2024-SU'],
  // A bare month follows the tense of its own clause, not the main verb.
  ['The director called for funding before the rainy season starts in November.', '2023-08-08', 'November', '2023-11'],
  ['The director called for funding before the rainy season started in November.', '2023-08-08', 'November', '2022-11'],
  ['Plans are due before the next UN climate conference in November, the pledge said.', '2025-06-13', 'November', '2025-11'],
  ['He said revenue would peak in the second quarter, which ends in late December.', '2025-10-29', 'December', '2025-12'],
  ['The company said the outbreak, which began in March, had ended.', '2023-08-08', 'March', '2023-03'],
];

describe('dates in wire and feature styles', () => {
  it.each(DATE_CASES)('%s (ref %s)', (text, ref, dateText, value) => {
    const d = extract(text, { referenceDate: ref }).dates.find((x) => x.text === dateText);
    expect(d?.value).toBe(value);
  });

  it('reads the reference date from a dated dateline', () => {
    expect(extract('AUSTIN, Texas, Oct 29, 2025 — The firm reported revenue on Wednesday.').referenceDate).toBe('2025-10-29');
  });

  const NOT_SEASONS = ['Prices fall in value.', 'He wrote after the fall of Kabul.', 'The summer house was sold.', 'Spring Street is closed.'];
  it.each(NOT_SEASONS)('no season in "%s"', (text) => {
    expect(extract(text, { referenceDate: '2025-06-10' }).dates.map((d) => d.value).filter((v) => /-(SP|SU|FA|WI)$/.test(v))).toEqual([]);
  });

  // [text before the date, text after it, expected tense or null]
  const SUB: [string, string, string | null][] = [
    ['called for funding before the rainy season starts in ', '.', 'expected'],
    ['called for funding before the rainy season started in ', '.', 'past'],
    ['called for calm before the vote in ', '.', null],
    ['the quarter, which ends in late ', '.', 'expected'],
    ['the outbreak, which began in ', '.', 'past'],
    ['the vaccine arrived in ', '.', null],
  ];
  it.each(SUB)('subordinateTense(%s)', (before, after, want) => expect(subordinateTense(before, after)).toBe(want));
});
