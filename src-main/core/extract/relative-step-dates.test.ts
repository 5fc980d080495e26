import { describe, expect, it } from 'vitest';
import { extract } from './extract';

// Invented sentences: "the day after" is a date only when it steps from the story's own point in time.
function dates(text: string): string[] {
  return extract(text, { referenceDate: '2025-05-14' }).dates.map((d) => `${d.text}=${d.value}`);
}

describe('"the day after" and "the day before"', () => {
  it('step from the date the story has reached', () => {
    expect(dates('Voters went to the polls on Sunday. The day after, the commission announced the results.')).toEqual([
      'Sunday=2025-05-11',
      'The day after=2025-05-12',
    ]);
  });

  it('are no date when an event or an action follows: that event dates them', () => {
    expect(dates('The strike began the day after winning the vote.')).toEqual([]);
    expect(dates('The strike began the day before the vote.')).toEqual([]);
  });

  it('are no date in "late in the day after …", where the day is the trading day', () => {
    expect(dates('Stocks rebounded late in the day after a sharp fall in the morning.')).toEqual([]);
  });
});
