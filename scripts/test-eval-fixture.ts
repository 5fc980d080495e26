/**
 * The small two-sentence fixture both scorers' tests grade (the lenient rules in eval/score.ts, the strict ones in
 * eval/strict-score.ts): the same text, spans and gold dates, so that the two tests differ only in the gold actors and
 * the rules they check.
 */
import type { Fixture, GoldActor, GoldDate } from '@eval/gold';
import type { Prediction } from '@eval/score';

const TEXT = 'Putin met Xi on the 21st. Xi left this year.';

/** The gold dates; `thisYear` adds to the second one (say, an acceptable other value). */
export function goldDates(thisYear: Partial<GoldDate> = {}): GoldDate[] {
  return [
    { text: 'the 21st', normalized: '2024-01-21', span: [16, 24] },
    { text: 'this year', normalized: '2024', span: [36, 45], ...thisYear },
  ];
}

export function fixtureOf(actors: GoldActor[], dates: GoldDate[] = goldDates()): Fixture {
  return {
    text: TEXT,
    // The text is ASCII: its code-point spans are its UTF-16 spans.
    spans: dates.map((d) => d.span),
    gold: { id: 't', textFile: 't.txt', referenceDate: '2024-01-22', actors, dates },
  };
}

/** Predicted dates: the first overlaps its gold span, the second matches it exactly, the third is no date. */
export function predictedDates(thisYear: string): Prediction['dates'] {
  return [
    { start: 20, end: 24, text: '21st', value: '2024-01-21' },
    { start: 36, end: 45, text: 'this year', value: thisYear },
    { start: 0, end: 5, text: 'Putin', value: '2024' },
  ];
}
