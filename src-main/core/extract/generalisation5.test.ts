/**
 * Table-driven tests for the spans and types a quiz reader found wrong: a town, camp or village is a place and no
 * organisation; an organisation's name runs through "of" inside its subject and through "and" between subject words;
 * a possessive ends a name; a standing world body's acronym is not the longer office that carries it as a prefix.
 * All names are invented.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import type { Actor } from './types';

const actors = (text: string): Actor[] => extract(text, { referenceDate: '2025-03-07' }).actors;
const names = (text: string): string[] => actors(text).map((a) => a.name);
const orgs = (text: string): string[] => actors(text).filter((a) => a.type === 'organization').map((a) => a.name);

describe('a name the text uses as a town, camp or village is a place, not an actor', () => {
  it.each([
    ['"We walked for three days," said Amina Sowe, 41, who reached Tessport on Monday with her sons. Tessport has given all it has.', 'Tessport'],
    ['A convoy left Brannock at dawn and reached Tessport after 16 hours. The road to Tessport flooded again.', 'Tessport'],
    ['The road to Tessport became impassable on Friday, the Norland Ports Authority said.', 'Tessport'],
    ['Aid workers at Tessport said water was short. The river near Tessport burst its banks.', 'Tessport'],
    ['Families fled from Tessport camp to Brannock, where the Norland Ports Authority runs a depot.', 'Tessport'],
    ['A clinic in Vellmar admitted 90 children. Vellmar has no room left: the transit site in Vellmar holds 30,000 people.', 'Vellmar'],
    ["Vellmar's hospital ran out of fuel, and patients were moved to Brannock by the Norland Ports Authority.", 'Vellmar'],
  ])('%s', (text, place) => {
    expect(names(text)).not.toContain(place);
  });

  it.each([
    // A body the text has speak is an organisation, even where it also says what happened at it.
    ['Workers at Tessco said pay had been cut. Tessco said on Monday that it would reply, and shares in Tessco fell.', 'Tessco'],
    ['Analysts at Brannock Capital expect a cut. Brannock Capital said in a note that rates would fall.', 'Brannock Capital'],
    ['The Norland Ports Authority said the depot in Tessport would reopen.', 'Norland Ports Authority'],
  ])('keeps the body in: %s', (text, org) => {
    expect(orgs(text)).toContain(org);
  });
});

describe("an organisation's name runs through its subject", () => {
  it.each([
    ['The Norland Office for the Coordination of Harbour Affairs (NOCHA) warned of floods on Monday.', 'Norland Office for the Coordination of Harbour Affairs', 'NOCHA'],
    ['The Tessland Agency for the Protection of Coastal Wildlife said the count had fallen.', 'Tessland Agency for the Protection of Coastal Wildlife', null],
  ])('%s', (text, org, acronym) => {
    const list = actors(text);
    const found = list.find((a) => a.name === org);
    expect(found?.type).toBe('organization');
    if (acronym) expect(found?.aliases).toContain(acronym);
    // No fragment of the name survives as an organisation of its own.
    expect(list.filter((a) => a.type === 'organization' && a.name !== org && org.includes(a.name) && a.name.includes(' '))).toEqual([]);
  });

  it.each([
    ['Rep. Ana Lima, who chairs the Assembly Transport and Harbours Committee, said she would hold a hearing.', 'Assembly Transport and Harbours Committee', 'Harbours Committee'],
    ['Tom Reyes, a member of the Senate Fisheries and Coastal Affairs Commission, spoke first.', 'Senate Fisheries and Coastal Affairs Commission', 'Coastal Affairs Commission'],
  ])('joins subject words over "and": %s', (text, org, fragment) => {
    const list = orgs(text);
    expect(list).toContain(org);
    expect(list).not.toContain(fragment);
  });

  it.each([
    ['The Norland Ports Authority and Tessco Holdings signed the lease on Monday.', ['Norland Ports Authority', 'Tessco Holdings']],
    ['Officials from the Ministry of Fisheries and the Harbour Office met on Friday.', ['Ministry of Fisheries', 'Harbour Office']],
  ])('keeps two bodies two: %s', (text, want) => {
    expect(orgs(text)).toEqual(expect.arrayContaining(want));
  });
});

describe('a possessive ends a name', () => {
  it.each([
    ["The NPA's Tessport field office is investigating the breach.", 'NPA', 'Tessport'],
    ["Tessco's Brannock depot closed on Monday, the company said.", 'Tessco', 'Brannock'],
  ])('%s', (text, owner, rest) => {
    const list = names(text);
    expect(list.some((n) => n.includes("'s") || n.includes('’s'))).toBe(false);
    expect(list.filter((n) => n.includes(owner) && n.includes(rest))).toEqual([]);
  });

  it("keeps a chain of possessives that ends in an organisation word: the Minister's Assistant's Office", () => {
    expect(orgs("A spokesman for the Minister's Assistant's Office in Tessland declined to comment.")).toContain("Minister's Assistant's Office");
  });
});

describe("a world body's acronym is not the longer office that carries it as a prefix", () => {
  it('keeps the UN apart from the UN Office for the Coordination of Harbour Affairs', () => {
    const text = 'The UN Office for the Coordination of Harbour Affairs (UNOCHA) warned on Monday. '
      + 'The UN harbour agency (UNHA) said on Tuesday that 4,000 boats had arrived.';
    const office = actors(text).find((a) => a.name.startsWith('UN Office'));
    expect(office?.aliases ?? []).not.toContain('UN');
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

describe("a role's possessor is the whole name before 's", () => {
  it.each([
    ['"We acted fast," Norland Ridge\'s president and chief executive, Dr. Ana Lima, told reporters.', 'Ana Lima', "Norland Ridge's president and chief executive"],
    ["South Tessland's foreign minister, Ivo Brandt, spoke first.", 'Ivo Brandt', "South Tessland's foreign minister"],
    ["But Tessco's finance director, Tom Reyes, disagreed.", 'Tom Reyes', "Tessco's finance director"],
  ])('%s', (text, person, role) => {
    expect(actors(text).find((a) => a.name === person)?.roles).toEqual([role]);
  });
});

describe('subject words joined by "and" or a second "for" stay in the name', () => {
  it.each([
    ['Talks were held at the Coastal Mediation and Arbitration Service on Wednesday.', 'Coastal Mediation and Arbitration Service', 'Arbitration Service'],
    ["The agency's Committee for Harbour Products for Public Use (CHPU) adopted the plan.", 'Committee for Harbour Products for Public Use', 'Committee for Harbour Products'],
  ])('%s', (text, org, fragment) => {
    expect(orgs(text)).toContain(org);
    expect(orgs(text)).not.toContain(fragment);
  });
});
