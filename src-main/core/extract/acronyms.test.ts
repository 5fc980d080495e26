/**
 * Acronyms: what is one, whose initials it spells, and when a bracketed or prefixed acronym is an alias of the
 * organisation it follows. Names are invented or generic on purpose: the rules must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { isAcronym } from './lexicon';
import { initialsOf } from './resolve-partials';
import type { Actor } from './types';
import { actors, byName, orgs, run, summary } from './test-extract';

function actorsOf(text: string): Actor[] {
  return extract(text, { referenceDate: '2023-08-08' }).actors;
}

const ACRONYMS: [string, boolean][] = [
  ['WHO', true],
  ['NHS', true],
  ['LSEG', true],
  ['U.N.', true],
  ['UNICEF', true],
  ['I', false],
  ['A', false],
  ['Who', false],
  ['who', false],
];

describe('acronyms', () => {
  it.each(ACRONYMS)('isAcronym(%s) = %s', (w, want) => expect(isAcronym(w)).toBe(want));

  const INITIALS: [string, string][] = [
    ['World Health Organization', 'WHO'],
    ['Bank of England', 'BE'],
    ['International Energy Agency', 'IEA'],
    ['Computer & Communications Industry Association', 'CCIA'],
    ['Nimbus', ''],
  ];
  it.each(INITIALS)('initialsOf(%s) = %s', (name, want) => expect(initialsOf(name)).toBe(want));

  // [text, name of the merged actor, surface that must be an alias of it]
  const MERGES: [string, string, string][] = [
    [
      'The World Health Organization met on Tuesday. The WHO said more. WHO officials left.',
      'World Health Organization',
      'WHO',
    ],
    [
      'The Federal Aviation Administration grounded the jets. The FAA gave no date.',
      'Federal Aviation Administration',
      'FAA',
    ],
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

describe('a bracketed acronym names the organisation its letters spell', () => {
  it.each([
    [
      'Tom Okoro, chief executive of the Digital Lenders Association of Norland (DLAN), said the cap would hurt lenders.',
      'Digital Lenders Association of Norland',
      'DLAN',
    ],
    [
      'Ana Brill, head of the Association of Tessland Bakers (ATB), said so. The ATB disagreed later.',
      'Association of Tessland Bakers',
      'ATB',
    ],
    ['Officials at the Bank of Tessland (BOT) said rates would hold.', 'Bank of Tessland', 'BOT'],
  ])('%s', (text, org, acronym) => {
    const list = actors(text);
    expect(byName(list, org)?.aliases).toContain(acronym);
    // The country inside the name is never given the organisation's acronym.
    expect(list.filter((a) => a.aliases.includes(acronym)).map((a) => a.name)).toEqual([org]);
  });
});

describe("a world body's acronym is not the longer office that carries it as a prefix", () => {
  it('keeps the UN apart from the UN Office for the Coordination of Harbour Affairs', () => {
    const text =
      'The UN Office for the Coordination of Harbour Affairs (UNOCHA) warned on Monday. ' +
      'The UN harbour agency (UNHA) said on Tuesday that 4,000 boats had arrived.';
    const office = actors(text).find((a) => a.name.startsWith('UN Office'));
    expect(office?.aliases ?? []).not.toContain('UN');
  });
});

describe('"X and Y Board (ACR)": one acronym for the whole phrase keeps it one body', () => {
  it.each([
    ["Finland's Police and Coast Guard Board (NPK) said the tanker was towed to port.", 'Police and Coast Guard Board'],
    ['Officials said the Police and Customs Board (PTA) had seized the lorry on Monday.', 'Police and Customs Board'],
    [
      'The Customs and Excise Service (DTA), which runs the border posts, said the lorry was seized.',
      'Customs and Excise Service',
    ],
  ])('%s', (text, name) => {
    expect(orgs(text)).toContain(name);
  });

  it.each([
    ['Officials from the Treasury and Federal Reserve Board (FRB) met on Monday.', 'Federal Reserve Board'],
    ['Police and Fire Service crews reached the site within minutes.', 'Fire Service'],
  ])('an acronym of the words after "and" alone, or none, keeps them apart: %s', (text, name) => {
    expect(orgs(text)).toContain(name);
  });
});

describe('an acronym in brackets', () => {
  it('makes an acronym in brackets an alias of the organisation before it, there and later', () => {
    const { actors } = run('The Coastal Fisheries Authority (CFA) closed the bay. Later the CFA reopened it.');
    const orgs = actors.filter((a) => a.type === 'organization');
    expect(orgs.map((a) => a.name)).toEqual(['Coastal Fisheries Authority']);
    expect(orgs[0]?.aliases).toContain('CFA');
    expect(orgs[0]?.mentions.length).toBe(3);
  });
});
