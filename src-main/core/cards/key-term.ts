/**
 * The word or words worth asking about inside a highlighted sentence: a date, a name, a number. A cloze that blanks a
 * whole sentence cannot be answered, so a whole-sentence highlight asks for one of these instead. The engine's
 * mentions (dates and actors, with their offsets) come first when the caller has them; the patterns below find
 * dates, numbers and capitalised names in any text, so a card can be made without the engine too.
 */

export interface TermSpan {
  start: number;
  end: number;
}

/** Spans found by the engine, best kind first: dates, then people, then other actors. */
export interface EngineTerms {
  dates: readonly TermSpan[];
  people: readonly TermSpan[];
  others: readonly TermSpan[];
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DATE = new RegExp(
  [
    `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?`,
    `${MONTH}\\s+\\d{4}`,
    `\\b(?:1[5-9]|20)\\d{2}s?\\b`,
    `\\b${WEEKDAY}\\b`,
    `\\b${MONTH.replace('\\.?', '')}\\b`,
  ].join('|'),
  'gu',
);
const NUMBER =
  /(?:[$€£¥]\s?)?\b\d[\d,.]*(?:\s?%|\s(?:percent|per cent|million|billion|trillion|thousand|hundred|km|kilometres|kilometers|miles|metres|meters|tonnes|tons|people|years|days))?/gu;
// Two or more capitalised words ("Liu Jianchao", "North Korea"), or one not at the sentence's start ("Beijing").
const NAME = /\p{Lu}[\p{L}’'.-]*(?:\s+(?:of\s+|de\s+|the\s+)?\p{Lu}[\p{L}’'.-]*)*/gu;

function within(spans: readonly TermSpan[], from: number, to: number): TermSpan | null {
  return (
    [...spans].sort((a, b) => a.start - b.start).find((s) => s.start >= from && s.end <= to && s.end > s.start) ?? null
  );
}

function firstMatch(
  pattern: RegExp,
  text: string,
  from: number,
  to: number,
  keep: (m: RegExpExecArray) => boolean = () => true,
): TermSpan | null {
  pattern.lastIndex = 0;
  const part = text.slice(from, to);
  for (let m = pattern.exec(part); m; m = pattern.exec(part)) {
    if (m[0].trim() && keep(m)) return { start: from + m.index, end: from + m.index + m[0].trimEnd().length };
  }
  return null;
}

/** The term to blank in text[from, to) (a sentence or more), or null when it holds no date, name or number. */
export function keyTerm(text: string, from: number, to: number, engine?: EngineTerms): TermSpan | null {
  if (engine) {
    const found = within(engine.dates, from, to) ?? within(engine.people, from, to) ?? within(engine.others, from, to);
    if (found) return found;
  }
  // A single capitalised word opening a sentence ("The", "It") is no name.
  const opensSentence = (m: RegExpExecArray) => /(?:^|[.!?:"“”]\s*)$/u.test(m.input.slice(0, m.index).trimEnd());
  return (
    firstMatch(DATE, text, from, to) ??
    firstMatch(NAME, text, from, to, (m) => /\s/u.test(m[0]) || !opensSentence(m)) ??
    firstMatch(NUMBER, text, from, to)
  );
}
