/**
 * Table-driven tests for classes a quiz reader found wrong: a person's bare surname read as an organisation because
 * the full name's given name was unknown; a role cut to its head, losing "former" and the nationality; the role a
 * "coached by" gives. All names are invented.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import type { Actor } from './types';

const actors = (text: string): Actor[] => extract(text, { referenceDate: '2025-03-07' }).actors;
const typeOf = (text: string, name: string): string | undefined => actors(text).find((a) => a.name === name || a.aliases.includes(name))?.type;
const rolesOf = (text: string, name: string): string[] => actors(text).find((a) => a.name === name)?.roles ?? [];

describe('a bare surname of a person named in full is that person, never an organisation', () => {
  it.each([
    ['Zorvek, 21, wins again\n\nTALLINN — Irsa Zorvek of Estonia won the final on Sunday. "I was nervous," Zorvek said. Zorvek plays again in May.', 'Irsa Zorvek', 'Zorvek'],
    ['Quintavo, 19, stuns the seed\n\nOdalys Quintavo of Chile beat the top seed. Quintavo said it was her best day. Quintavo flies home on Monday.', 'Odalys Quintavo', 'Quintavo'],
    ['Brekhta Solunde of Norway took the title. "It was hard," Solunde said. Solunde will rest now.', 'Brekhta Solunde', 'Solunde'],
  ])('%s', (text, full, bare) => {
    expect(typeOf(text, full)).toBe('person');
    expect(actors(text).find((a) => a.type === 'organization' && a.name === bare)).toBeUndefined();
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

  it.each([
    ['The fund is managed by a firm whose founder Ana Lima is rich.', 'Ana Lima'],
  ])('words other than a title between "by" and the name give no agent role: %s', (text, name) => {
    expect(rolesOf(text, name)).not.toContain('manager');
  });
});

const orgs = (text: string): string[] => actors(text).filter((a) => a.type === 'organization').map((a) => a.name);

describe('"X and Y Board (ACR)": one acronym for the whole phrase keeps it one body', () => {
  it.each([
    ["Finland's Police and Coast Guard Board (NPK) said the tanker was towed to port.", 'Police and Coast Guard Board'],
    ['Officials said the Police and Customs Board (PTA) had seized the lorry on Monday.', 'Police and Customs Board'],
    ['The Customs and Excise Service (DTA), which runs the border posts, said the lorry was seized.', 'Customs and Excise Service'],
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

describe('"the X Y of <Country>" is a body, not a person', () => {
  it.each([
    ['Two months later, the Archaeological Survey of Peru (ASP) sent photographs of the site.', 'Archaeological Survey'],
    ['A report by the Geological Service of Chile said the slope was unstable.', 'Geological Service'],
  ])('%s', (text, name) => {
    expect(actors(text).filter((a) => a.type === 'person').map((a) => a.name)).not.toContain(name);
  });
});
