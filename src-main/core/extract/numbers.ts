/** Reads cardinal and ordinal numbers written as digits or English words ("24", "twenty-four", "75th", "tenth"). */

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINAL_UNITS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
};

/** Regex source for a cardinal written in words (up to ninety-nine) or "a"/"an"/"a few" excluded. */
export const CARDINAL_WORDS =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|several)';

/** Regex source for an ordinal written in words ("tenth", "seventy-fifth"). */
export const ORDINAL_WORDS =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)';

/** The value of "24", "twenty-four", "hundred"; null when the text is not a number we read. */
export function parseCardinal(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (t === 'hundred') return 100;
  if (t === 'a' || t === 'an') return 1;
  const [tens, unit] = t.split(/[- ]/);
  if (tens && TENS[tens] !== undefined) return TENS[tens] + (unit ? (UNITS[unit] ?? 0) : 0);
  return UNITS[t] ?? null;
}

/** The value of "75th", "tenth", "seventy-fifth"; null when not an ordinal. */
export function parseOrdinal(text: string): number | null {
  const t = text.toLowerCase().trim();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(t);
  if (digits?.[1]) return Number(digits[1]);
  const [tens, unit] = t.split(/[- ]/);
  if (unit && tens && TENS[tens] !== undefined) return TENS[tens] + (ORDINAL_UNITS[unit] ?? 0);
  return ORDINAL_UNITS[t] ?? null;
}
