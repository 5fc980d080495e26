/**
 * Roles: appositions, possessive roles, offices and titles (abbreviated, parliamentary, with "former" and a
 * nationality), copulas, "coached by", and what is no role (a verb, a fragment, a tie to someone). Names are invented
 * or generic on purpose: the rules must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import type { Actor } from './types';
import { actors, byName, byName as find, run } from './test-extract';
import { wholeRole } from './role-text';

const rolesOf = (text: string, name: string): string[] => actors(text).find((a) => a.name === name)?.roles ?? [];

// [text, person's name, expected role]
const ROLES: [string, string, string][] = [
  [
    'Dr. Tedros Adhanom Ghebreyesus, the WHO director-general, praised the response.',
    'Tedros Adhanom Ghebreyesus',
    'WHO director-general',
  ],
  ['The agency’s regional director, Mohamed Fall, called for funding.', 'Mohamed Fall', 'regional director'],
  [
    '"It is a first," said Germany’s environment minister, Katrin Albers, who chaired the talks.',
    'Katrin Albers',
    "Germany's environment minister",
  ],
  [
    "Kenya's climate envoy, Ali Mohamed Odhiambo, said rich nations had not paid.",
    'Ali Mohamed Odhiambo',
    "Kenya's climate envoy",
  ],
  ['Voters will choose conservative senator Tomás Ebensperger or someone else.', 'Tomás Ebensperger', 'senator'],
  [
    'Marta Quiroga, the Acme Foundation secretary-general, resigned.',
    'Marta Quiroga',
    'Acme Foundation secretary-general',
  ],
];

describe('roles around names', () => {
  function actorsOf(text: string): Actor[] {
    return extract(text, { referenceDate: '2023-08-08' }).actors;
  }

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

describe('possessive role, comma, bare name', () => {
  function actorsOf(text: string, referenceDate = '2024-03-07'): Actor[] {
    return extract(text, { referenceDate }).actors;
  }

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
  function actorsOf(text: string, referenceDate = '2024-03-07'): Actor[] {
    return extract(text, { referenceDate }).actors;
  }

  const CASES: [string, string, string, string][] = [
    [
      'Dr. Anselm Okoro spoke on Tuesday. Okoro said the outbreak was over.',
      'Anselm Okoro',
      'Dr. Anselm Okoro',
      'Okoro',
    ],
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

describe('sport roles before names', () => {
  it('reads "substitute Ivo Brant" as a role', () => {
    const { actors } = run(
      'Riverton beat Lakeport 2-1. The striker scored, and the winner came from substitute Ivo Brant in the league match.',
    );
    expect(actors.find((a) => a.name === 'Ivo Brant')?.roles.join()).toContain('substitute');
  });
});

describe('occupations and titles around a name', () => {
  it.each([
    ['Lina Morva, 41, a nurse from Tavira, said the shifts were long.', 'Lina Morva', 'nurse'],
    ['Otto Brenn, 63, a retired paediatrician, spoke first.', 'Otto Brenn', 'paediatrician'],
    ["The trust's chief executive, Dr. Kemi Adair, said the ward would reopen.", 'Kemi Adair', 'chief executive'],
    ['Detective Inspector Rhona Vale said the inquiry was closed.', 'Rhona Vale', 'Detective Inspector'],
  ])('%s', (text, name, role) => {
    const a = run(text).actors.find((x) => x.name === name);
    expect(a?.type).toBe('person');
    expect(a?.roles.join(' | ')).toContain(role);
  });

  it('reads occupations made by suffix only for words that are nothing else', async () => {
    const { isRoleNoun } = await import('./titles');
    expect(['cardiologist', 'radiographer', 'physiotherapist', 'midwife', 'nurse'].every(isRoleNoun)).toBe(true);
    expect(['assist', 'insist', 'list', 'twist'].some(isRoleNoun)).toBe(false);
  });
});

describe('parliamentary offices', () => {
  it('reads parliamentary offices as titles', () => {
    const a = run('Minority Leader Otieno Obura and Treasury Cabinet Secretary Peter Mutai spoke.').actors;
    expect(a.map((x) => [x.name, x.roles[0]])).toEqual([
      ['Otieno Obura', 'Minority Leader'],
      ['Peter Mutai', 'Treasury Cabinet Secretary'],
    ]);
  });
});

describe('roles are offices', () => {
  it.each([
    ['King of', null],
    ['Gen.', null],
    ['head of the', null],
    ['who became minister of industry', 'minister of industry'],
    ['who is the chair of the board', 'chair of the board'],
    ['Foreign Minister', 'Foreign Minister'],
    ['Dr. Ana Lima', 'Dr. Ana Lima'],
  ])('"%s" -> %j', (role, want) => expect(wholeRole(role)).toBe(want));

  it.each([
    ['Lena Vogel, a colleague of his, said the vote was fair.', 'Lena Vogel'],
    ['Omar Hale, who became minister of industry in 2019, spoke first.', 'Omar Hale'],
  ])('%s', (text, name) => {
    const roles = byName(actors(text), name)?.roles ?? [];
    expect(roles.filter((r) => /^(?:colleague|who)\b/.test(r) || / of$/.test(r))).toEqual([]);
  });
});

describe('the verb after a name is no role', () => {
  it.each([
    [
      '"We had no choice," Tessport Hospital\'s chief executive, Dr. Mara Quell, told reporters on Friday.',
      'Mara Quell',
      'chief executive',
    ],
    ["The port's harbour master, Anna Berger, said in a statement that the quay was closed.", 'Anna Berger', null],
    ['Ana Lima, warned the union on Monday that talks had failed.', 'Ana Lima', null],
  ])('%s', (text, name, role) => {
    const person = byName(actors(text), name);
    expect(person).toBeDefined();
    expect(person?.roles.filter((r) => /^(?:told|said|warned)\b/.test(r))).toEqual([]);
    if (role) expect(person?.roles.some((r) => r.includes(role))).toBe(true);
  });
});

describe('a role owner stays in its sentence, and "becomes" opens no apposition', () => {
  it.each([
    [
      "Regulators must approve it in Norland and Tessland.\n\nVarro's chief executive, Mara Quell, will lead the group.",
      'Mara Quell',
      "Varro's chief executive",
    ],
    ["It is sold in Norland. Varro's chief executive, Mara Quell, said so.", 'Mara Quell', "Varro's chief executive"],
    ["Varro's chair, Anna Berger, becomes non-executive chairman of the group.", 'Anna Berger', "Varro's chair"],
  ])('%s', (text, name, role) => {
    expect(byName(actors(text), name)?.roles).toEqual([role]);
  });
});

describe("a role's possessor is the whole name before 's", () => {
  it.each([
    [
      '"We acted fast," Norland Ridge\'s president and chief executive, Dr. Ana Lima, told reporters.',
      'Ana Lima',
      "Norland Ridge's president and chief executive",
    ],
    ["South Tessland's foreign minister, Ivo Brandt, spoke first.", 'Ivo Brandt', "South Tessland's foreign minister"],
    ["But Tessco's finance director, Tom Reyes, disagreed.", 'Tom Reyes', "Tessco's finance director"],
  ])('%s', (text, person, role) => {
    expect(actors(text).find((a) => a.name === person)?.roles).toEqual([role]);
  });
});

describe('a copula after a cast credit describes the character, never the actor', () => {
  it.each([
    ['Marta, now played by Elena Voss, is a school teacher in Lyon who has lost her job.', 'Elena Voss'],
    ['The older brother, played by Tomas Reyna, was a mine engineer before the war.', 'Tomas Reyna'],
    ['In the sequel the detective, voiced by Ingrid Sall, is the police chief of a small town.', 'Ingrid Sall'],
    ['Later the role, played by Owen Price is a lawyer with a secret.', 'Owen Price'],
    ['Marta (Elena Voss) is a school teacher in Lyon who has lost her job.', 'Elena Voss'],
    ['Her brother Tomas (Owen Price, in his first lead) was a mine engineer before the war.', 'Owen Price'],
  ])('%s', (text, name) => {
    expect(actors(text).map((a) => a.name)).toContain(name);
    expect(rolesOf(text, name)).toEqual([]);
  });
});

describe('a role read through a copula is the noun phrase, without "is a"', () => {
  it.each([
    ['Nadia Ferro is a hospital administrator in Turin.', 'Nadia Ferro'],
    ['Pavel Dunn was the finance minister until 2019.', 'Pavel Dunn'],
  ])('%s', (text, name) => {
    const roles = rolesOf(text, name);
    expect(roles.length).toBeGreaterThan(0);
    for (const r of roles) expect(r).not.toMatch(/^(?:is|was|are|were)\b/);
  });
});

describe('a title before a name keeps "former" and the nationality', () => {
  it.each([
    ['The club is run by the former Italian striker Dario Venn, 51.', 'Dario Venn', 'former Italian striker'],
    ['The report was written by retired judge Mara Olsen and two colleagues.', 'Mara Olsen', 'retired judge'],
    ['He was replaced by ex-minister Pavel Dunn in March.', 'Pavel Dunn', 'ex-minister'],
  ])('%s', (text, name, role) => {
    expect(rolesOf(text, name)).toContain(role);
  });
});

describe('"coached/managed/advised/trained by X" makes X the coach/manager/adviser/trainer', () => {
  it.each([
    ['She is coached by the former Dutch player Ruud Maasveld, 44, who won a title in 2001.', 'Ruud Maasveld', 'coach'],
    ['The fund is managed by Tomas Reyna, who joined in 2019.', 'Tomas Reyna', 'manager'],
    ['The minister was advised by the economist Ilse Baumer during the talks.', 'Ilse Baumer', 'adviser'],
    ['The horse is trained by Owen Price in Newmarket.', 'Owen Price', 'trainer'],
  ])('%s', (text, name, role) => {
    expect(rolesOf(text, name)).toContain(role);
  });

  it.each([['The fund is managed by a firm whose founder Ana Lima is rich.', 'Ana Lima']])(
    'words other than a title between "by" and the name give no agent role: %s',
    (text, name) => {
      expect(rolesOf(text, name)).not.toContain('manager');
    },
  );
});
