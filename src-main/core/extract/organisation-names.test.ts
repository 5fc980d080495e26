/**
 * Organisation names: their shapes, where a name runs through its subject words and where a possessive ends it,
 * brands, and the appositions and country complements that make a name a body. Names are invented or generic on
 * purpose: the rules must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import type { Actor } from './types';
import { actors, byName as find, orgs, run, summary } from './test-extract';
import { isCamelBrand } from './classify';

// [text, expected actor "type:name"]
const ORG_SHAPES: [string, string][] = [
  ['The study was led by researchers at the University of Leeds.', 'organization:University of Leeds'],
  [
    'The state will appeal to the 5th U.S. Circuit Court of Appeals soon.',
    'organization:5th U.S. Circuit Court of Appeals',
  ],
  ['The trial was announced by NHS England last week.', 'organization:NHS England'],
  ['Cancer Research UK welcomed the move.', 'organization:Cancer Research UK'],
  ['Turnout was high, according to the electoral service Servel.', 'organization:Servel'],
  ['The decision hurt rival chipmakers Zentrix and others.', 'organization:Zentrix'],
];

describe('organisation shapes', () => {
  function actorsOf(text: string): Actor[] {
    return extract(text, { referenceDate: '2023-08-08' }).actors;
  }

  it.each(ORG_SHAPES)('%s', (text, want) => {
    expect(actorsOf(text).map(summary)).toContain(want);
  });

  it('does not make a number after "at" an organisation', () => {
    expect(actorsOf('The Bank of England held rates at 5.25% on Thursday.').map(summary)).toEqual([
      'organization:Bank of England',
    ]);
  });

  it('does not make a region inside a title an organisation', () => {
    const list = actorsOf('Texas Attorney General Dana Whitcomb said her office would appeal.');
    expect(list.map(summary)).toEqual(['person:Dana Whitcomb']);
  });
});

describe('organisation names with function words', () => {
  function actorsOf(text: string, referenceDate = '2024-03-07'): Actor[] {
    return extract(text, { referenceDate }).actors;
  }

  const CASES: [string, string][] = [
    ['Delegates to the UN Framework Convention on Climate Change met.', 'UN Framework Convention on Climate Change'],
    ['The Ministry of Defence said nothing.', 'Ministry of Defence'],
    ['The Bank of England raised rates.', 'Bank of England'],
    ['The Department for Education published guidance.', 'Department for Education'],
    [
      'The Department for Levelling Up, Housing and Communities said so.',
      'Department for Levelling Up, Housing and Communities',
    ],
    ['The Department of Health and Social Care replied.', 'Department of Health and Social Care'],
    ['The Intergovernmental Panel on Climate Change warned.', 'Intergovernmental Panel on Climate Change'],
  ];
  it.each(CASES)('%s', (text, name) => expect(find(actorsOf(text), name)?.type).toBe('organization'));

  const APART: [string, string[]][] = [
    ['The Bank of England and Barclays said rates would rise.', ['Bank of England', 'Barclays']],
    ['The Finance Committee on Monday approved the plan.', ['Finance Committee']],
  ];
  it.each(APART)('keeps apart: %s', (text, names) => {
    const orgs = actorsOf(text)
      .filter((a) => a.type === 'organization')
      .map((a) => a.name);
    for (const n of names) expect(orgs).toContain(n);
  });
});

describe("an organisation's possessive ends its name", () => {
  const names = (actors: Actor[], type?: Actor['type']) =>
    actors.filter((a) => !type || a.type === type).map((a) => a.name);

  it.each([
    ["NOAA's Tidewatch buoy network failed last week.", 'NOAA'],
    ["The World Food Agency's Harvest report was published on Monday.", 'World Food Agency'],
    ["The Central Bank's Ledger programme was dropped.", 'Central Bank'],
  ])('%s', (text, org) => {
    const { actors } = run(text);
    expect(names(actors, 'organization')).toContain(org);
    expect(names(actors).some((n) => n.includes("'s") || n.includes('’s'))).toBe(false);
  });

  it("keeps a possessive inside a name that is not an organisation's", () => {
    expect(names(run("The Foreign Minister's Assistant's Office issued a statement.").actors).join()).toContain(
      "Assistant's Office",
    );
  });
});

describe('camel-case brands', () => {
  const names = (actors: Actor[], type?: Actor['type']) =>
    actors.filter((a) => !type || a.type === type).map((a) => a.name);

  it.each([['SpaceX'], ['PayPal'], ['YouTube'], ['OpenAI'], ['BlackRock'], ['FedEx']])('%s is a brand', (word) =>
    expect(isCamelBrand(word)).toBe(true),
  );
  it.each([['MacArthur'], ['McCarthy'], ['DeSantis'], ['LeBron'], ['FitzGerald'], ['VanDyke'], ['London'], ['NASA']])(
    '%s is not',
    (word) => expect(isCamelBrand(word)).toBe(false),
  );

  it('names the company before its product', () => {
    const { actors } = run('The satellite rode a RocketWorks Kestrel Nine booster from the coast.');
    expect(names(actors, 'organization')).toContain('RocketWorks');
    expect(names(actors, 'person')).toEqual([]);
  });
});

describe('the subject of an organisation keeps "on"', () => {
  const names = (actors: Actor[], type?: Actor['type']) =>
    actors.filter((a) => !type || a.type === type).map((a) => a.name);

  it('keeps "on" inside an organisation\'s subject', () => {
    expect(
      names(run('The International Centre for Research on Soil Health warned farmers.').actors, 'organization'),
    ).toEqual(['International Centre for Research on Soil Health']);
  });
});

describe('a sentence-initial preposition', () => {
  const names = (actors: Actor[], type?: Actor['type']) =>
    actors.filter((a) => !type || a.type === type).map((a) => a.name);

  it('drops a sentence-initial preposition the lexicon files as something else', () => {
    expect(names(run('Prices rose. Under European Union rules, buyers can claim.').actors, 'organization')).toEqual([
      'European Union',
    ]);
  });
});

describe('an apposition that names a kind of organisation makes the name an organisation', () => {
  it.each([
    ["Norland's largest ferry operator, Sea Lanes, said on Tuesday it would cut 300 jobs.", 'Sea Lanes'],
    ["Tessland's biggest carrier, Brannock Vell, said on Monday it would cut flights.", 'Brannock Vell'],
  ])('%s', (text, org) => {
    expect(actors(text).find((a) => a.name === org)?.type).toBe('organization');
  });

  it.each([
    ["The union's general secretary, Tom Breck, called the cuts unfair."],
    ['A member of the ruling party, Tom Breck, called the cuts unfair.'],
  ])('keeps a person after an office or inside "of the ...": %s', (text) => {
    expect(actors(text).find((a) => a.name === 'Tom Breck')?.type).toBe('person');
  });
});

describe("an organisation's name runs through its subject", () => {
  it.each([
    [
      'The Norland Office for the Coordination of Harbour Affairs (NOCHA) warned of floods on Monday.',
      'Norland Office for the Coordination of Harbour Affairs',
      'NOCHA',
    ],
    [
      'The Tessland Agency for the Protection of Coastal Wildlife said the count had fallen.',
      'Tessland Agency for the Protection of Coastal Wildlife',
      null,
    ],
  ])('%s', (text, org, acronym) => {
    const list = actors(text);
    const found = list.find((a) => a.name === org);
    expect(found?.type).toBe('organization');
    if (acronym) expect(found?.aliases).toContain(acronym);
    // No fragment of the name survives as an organisation of its own.
    expect(
      list.filter((a) => a.type === 'organization' && a.name !== org && org.includes(a.name) && a.name.includes(' ')),
    ).toEqual([]);
  });

  it.each([
    [
      'Rep. Ana Lima, who chairs the Assembly Transport and Harbours Committee, said she would hold a hearing.',
      'Assembly Transport and Harbours Committee',
      'Harbours Committee',
    ],
    [
      'Tom Reyes, a member of the Senate Fisheries and Coastal Affairs Commission, spoke first.',
      'Senate Fisheries and Coastal Affairs Commission',
      'Coastal Affairs Commission',
    ],
  ])('joins subject words over "and": %s', (text, org, fragment) => {
    const list = orgs(text);
    expect(list).toContain(org);
    expect(list).not.toContain(fragment);
  });

  it.each([
    [
      'The Norland Ports Authority and Tessco Holdings signed the lease on Monday.',
      ['Norland Ports Authority', 'Tessco Holdings'],
    ],
    [
      'Officials from the Ministry of Fisheries and the Harbour Office met on Friday.',
      ['Ministry of Fisheries', 'Harbour Office'],
    ],
  ])('keeps two bodies two: %s', (text, want) => {
    expect(orgs(text)).toEqual(expect.arrayContaining(want));
  });
});

describe('a possessive ends a name', () => {
  const names = (text: string): string[] => actors(text).map((a) => a.name);

  it.each([
    ["The NPA's Tessport field office is investigating the breach.", 'NPA', 'Tessport'],
    ["Tessco's Brannock depot closed on Monday, the company said.", 'Tessco', 'Brannock'],
  ])('%s', (text, owner, rest) => {
    const list = names(text);
    expect(list.some((n) => n.includes("'s") || n.includes('’s'))).toBe(false);
    expect(list.filter((n) => n.includes(owner) && n.includes(rest))).toEqual([]);
  });

  it("keeps a chain of possessives that ends in an organisation word: the Minister's Assistant's Office", () => {
    expect(orgs("A spokesman for the Minister's Assistant's Office in Tessland declined to comment.")).toContain(
      "Minister's Assistant's Office",
    );
  });
});

describe('an apposition naming a kind of organisation makes the name a body', () => {
  it.each([
    ['It comes months after Brannock Freight, a unit of Tessco Group, was hit in February.', 'Brannock Freight'],
    ['Vella Tessmark, a Norland shipping company, said it would cut jobs.', 'Vella Tessmark'],
  ])('%s', (text, org) => {
    expect(actors(text).find((a) => a.name === org)?.type).toBe('organization');
  });

  it.each([
    ['Tom Brannock, a union member, said the vote was fair.', 'Tom Brannock'],
    ["Ana Velloso, the airline's chief pilot, agreed.", 'Ana Velloso'],
  ])('a person described by a role stays a person: %s', (text, person) => {
    expect(actors(text).find((a) => a.name === person)?.type).toBe('person');
  });
});

describe('subject words joined by "and" or a second "for" stay in the name', () => {
  it.each([
    [
      'Talks were held at the Coastal Mediation and Arbitration Service on Wednesday.',
      'Coastal Mediation and Arbitration Service',
      'Arbitration Service',
    ],
    [
      "The agency's Committee for Harbour Products for Public Use (CHPU) adopted the plan.",
      'Committee for Harbour Products for Public Use',
      'Committee for Harbour Products',
    ],
  ])('%s', (text, org, fragment) => {
    expect(orgs(text)).toContain(org);
    expect(orgs(text)).not.toContain(fragment);
  });
});

describe('"the X Y of <Country>" is a body, not a person', () => {
  it.each([
    [
      'Two months later, the Archaeological Survey of Peru (ASP) sent photographs of the site.',
      'Archaeological Survey',
    ],
    ['A report by the Geological Service of Chile said the slope was unstable.', 'Geological Service'],
  ])('%s', (text, name) => {
    expect(
      actors(text)
        .filter((a) => a.type === 'person')
        .map((a) => a.name),
    ).not.toContain(name);
  });
});
