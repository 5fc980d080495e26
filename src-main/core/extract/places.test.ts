/**
 * Places: a name the text uses as a town, camp or village, a bare word after "in" or "from", and names made by their
 * head word ("Lake", "Glacier", "Camp 3"). Names are invented or generic on purpose: the rules must not depend on
 * them.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from './types';
import { actors, orgs, run } from './test-extract';

describe('a name the text uses as a town, camp or village is a place, not an actor', () => {
  const names = (text: string): string[] => actors(text).map((a) => a.name);

  it.each([
    [
      '"We walked for three days," said Amina Sowe, 41, who reached Tessport on Monday with her sons. Tessport has given all it has.',
      'Tessport',
    ],
    [
      'A convoy left Brannock at dawn and reached Tessport after 16 hours. The road to Tessport flooded again.',
      'Tessport',
    ],
    ['The road to Tessport became impassable on Friday, the Norland Ports Authority said.', 'Tessport'],
    ['Aid workers at Tessport said water was short. The river near Tessport burst its banks.', 'Tessport'],
    ['Families fled from Tessport camp to Brannock, where the Norland Ports Authority runs a depot.', 'Tessport'],
    [
      'A clinic in Vellmar admitted 90 children. Vellmar has no room left: the transit site in Vellmar holds 30,000 people.',
      'Vellmar',
    ],
    [
      "Vellmar's hospital ran out of fuel, and patients were moved to Brannock by the Norland Ports Authority.",
      'Vellmar',
    ],
  ])('%s', (text, place) => {
    expect(names(text)).not.toContain(place);
  });

  it.each([
    // A body the text has speak is an organisation, even where it also says what happened at it.
    [
      'Workers at Tessco said pay had been cut. Tessco said on Monday that it would reply, and shares in Tessco fell.',
      'Tessco',
    ],
    [
      'Analysts at Brannock Capital expect a cut. Brannock Capital said in a note that rates would fall.',
      'Brannock Capital',
    ],
    ['The Norland Ports Authority said the depot in Tessport would reopen.', 'Norland Ports Authority'],
  ])('keeps the body in: %s', (text, org) => {
    expect(orgs(text)).toContain(org);
  });
});

describe('a bare word the text puts only after "in", "a nurse from" or "from" is a place', () => {
  const names = (actors: Actor[], type?: Actor['type']) =>
    actors.filter((a) => !type || a.type === type).map((a) => a.name);

  it('a bare word the text only puts after "in" or after "a nurse from" is a place, not a body', () => {
    const { actors } = run(
      'Born in Ilesha, Tunde Baro trained abroad. He was buried in Ilesha. Kemi Ade, a nurse from Osogbo, sang.',
    );
    expect(names(actors, 'organization')).toEqual([]);
    expect(names(actors, 'person')).toEqual(['Tunde Baro', 'Kemi Ade']);
  });

  it('still makes a body of a bare word the text uses as one', () => {
    expect(names(run('Veltra said profits rose. Veltra shares fell in Paris.').actors, 'organization')).toContain(
      'Veltra',
    );
  });

  it('reads one unknown word after "from" as a place, and keeps a company there when it is one', () => {
    expect(names(run('Families fled from Tirvana on foot. Others walked from Tirvana to the border.').actors)).toEqual(
      [],
    );
    expect(
      names(run('Shares in Veltra fell. Analysts at Veltra said the rise came from OpenGrid.').actors, 'organization'),
    ).toContain('OpenGrid');
  });
});

describe('place names by their head word', () => {
  const names = (actors: Actor[], type?: Actor['type']) =>
    actors.filter((a) => !type || a.type === type).map((a) => a.name);

  it('reads "Mount", "Lake", "Cerro" and "Bay" names as places, and drops "-based"', () => {
    const { actors } = run('The Oslo-based Varn Shipping sent boats from Kelso Bay to Lake Tumba and Cerro Verde.');
    expect(names(actors, 'person')).toEqual([]);
    expect(names(actors).some((n) => /based|Bay|Lake|Cerro/.test(n))).toBe(false);
  });

  it('reads "Camp 3" and names ending in "Glacier" or "Pass" as places', () => {
    expect(names(run('The climbers left Camp 3 at dawn and crossed Kora Glacier to Sela Pass.').actors)).toEqual([]);
  });
});
