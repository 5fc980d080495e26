import { describe, expect, it } from 'vitest';
import { extract } from './extract';

// Invented sentences: a date inside ", which …," or ", who …," dates the noun before it, not the sentence's main clause.
function events(text: string): string[] {
  return extract(text, { referenceDate: '2026-02-11' }).dates.map((d) => `${d.text} :: ${d.event}`);
}

describe('a date inside a relative clause', () => {
  it('dates the named thing it describes, not what the sentence says will happen to it', () => {
    expect(
      events(
        'The bronzes will go first to the Northfield Art Gallery, which was founded in 1851, while officials decide.',
      ),
    ).toEqual(['1851 :: the Northfield Art Gallery, which was founded in 1851']);
  });

  it('dates the person it describes, ending where the clause closes', () => {
    expect(events('Mira Okafor, who chaired the trustees until 2019, said the decision came too late.')).toEqual([
      '2019 :: Mira Okafor, who chaired the trustees until 2019',
    ]);
  });

  it('takes a common noun back to its determiner', () => {
    expect(events('Sales slowed in the quarter, which ends in late December, the company said.')[0]).toBe(
      'December :: the quarter, which ends in late December',
    );
  });

  it('leaves a date outside the relative clause with its own clause', () => {
    expect(events('The council voted on Tuesday, which surprised many, to rebuild the wall.')[0]).toBe(
      'Tuesday :: The council voted on Tuesday, which surprised many, to rebuild the wall.',
    );
  });
});
