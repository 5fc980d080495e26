/**
 * Person names: lower-case particles, accented given names, nationalities beside a name, family names that are also
 * English words, and a bare surname of someone named in full. Names are invented or generic on purpose: the rules must
 * not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { actors, names, run } from './test-extract';

const people = (text: string): string[] =>
  actors(text)
    .filter((a) => a.type === 'person')
    .map((a) => a.name);
const typeOf = (text: string, name: string): string | undefined =>
  actors(text).find((a) => a.name === name || a.aliases.includes(name))?.type;

describe('a person name keeps its lower-case particles', () => {
  it('keeps lower-case particles inside a person name', () => {
    expect(names(run('President Ana Maria da Costa met Karl von der Bek in Lisbon.').actors, 'person')).toEqual([
      'Ana Maria da Costa',
      'Karl von der Bek',
    ]);
  });
});

describe('accented given names', () => {
  it('knows accented given names ("Lucía", "Tomás") as the lexicon knows them unaccented', () => {
    expect(names(run('Lucía Ferrandiz told the meeting that Tomás Quevedo would stay.').actors, 'person')).toEqual([
      'Lucía Ferrandiz',
      'Tomás Quevedo',
    ]);
  });
});

describe('nationalities beside names', () => {
  it("splits a country's possessive and a nationality from a person's name", () => {
    const { actors } = run("Peru's Ilse Marqo was beaten by Norwegian Tove Rask in the semi-final.");
    expect(names(actors, 'person')).toEqual(['Ilse Marqo', 'Tove Rask']);
  });

  it("keeps a nationality that belongs to a title or to a body's name", () => {
    const { actors } = run('Russian President Vladimir Putin met the Nigerian Institute of Architects.');
    expect(actors.find((a) => a.name === 'Vladimir Putin')?.aliases.join()).toContain(
      'Russian President Vladimir Putin',
    );
    expect(names(actors, 'organization')).toEqual(['Nigerian Institute of Architects']);
  });
});

describe('a family name that is also a verb stays with the given name', () => {
  it.each([
    ['Deputy Speaker Amina Were said the house had backed the motion.', 'Amina Were'],
    ['Party leader Tobias Will told reporters the vote would be close.', 'Tobias Will'],
    ['The report was written by Helen May and two colleagues.', 'Helen May'],
    ['On Tuesday, chair Daniel Can said the plan would go ahead.', 'Daniel Can'],
    ['Opposition Leader Wanjiru May told the house the bill was rushed.', 'Wanjiru May'],
    ['Deputy Speaker Okello Were said members had backed the motion.', 'Okello Were'],
  ])('%s', (text, name) => {
    expect(people(text)).toContain(name);
  });

  it.each([['Were the loans approved, said Amina Osei, the debt would double.', 'Amina Osei']])(
    'a copula starting the sentence is no family name: %s',
    (text, name) => {
      expect(people(text)).toContain(name);
      expect(people(text).join(' ')).not.toMatch(/\bWere\b/);
    },
  );
});

describe('a bare surname of a person named in full is that person, never an organisation', () => {
  it.each([
    [
      'Zorvek, 21, wins again\n\nTALLINN — Irsa Zorvek of Estonia won the final on Sunday. "I was nervous," Zorvek said. Zorvek plays again in May.',
      'Irsa Zorvek',
      'Zorvek',
    ],
    [
      'Quintavo, 19, stuns the seed\n\nOdalys Quintavo of Chile beat the top seed. Quintavo said it was her best day. Quintavo flies home on Monday.',
      'Odalys Quintavo',
      'Quintavo',
    ],
    [
      'Brekhta Solunde of Norway took the title. "It was hard," Solunde said. Solunde will rest now.',
      'Brekhta Solunde',
      'Solunde',
    ],
  ])('%s', (text, full, bare) => {
    expect(typeOf(text, full)).toBe('person');
    expect(actors(text).find((a) => a.type === 'organization' && a.name === bare)).toBeUndefined();
  });
});
