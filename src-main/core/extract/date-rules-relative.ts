/** Rules for relative and special expressions ("the 21st", "this year", "20 years ago", "on Friday", holidays). */
import { WEEKDAY_NAMES } from './calendar';
import { B, E, YEAR, relOffset, rx, type DateRule } from './date-rule';
import type { DateSpec, Season, TimeUnit } from './date-specs';
import { HOLIDAY_RE } from './holidays';
import { CARDINAL_WORDS, ORDINAL_WORDS, parseCardinal, parseOrdinal } from './numbers';

const UNIT = '(years?|months?|weeks?|days?|decades?|quarters?|hours?|minutes?)';
const AMOUNT = `(\\d+|${CARDINAL_WORDS}|a|an)`;

function unitOf(word: string | undefined): TimeUnit {
  return (word ?? 'year').toLowerCase().replace(/s$/, '') as TimeUnit;
}

// "the 21st," / "the 19th (local time)" are days of the month; "the 21st century" and "the 3rd floor" are not.
const DAY_FOLLOWERS =
  /^(?:\s*$|\s*[,.;:)(—–-]|\s+(?:and|or|to|at|in|on|when|while|as|but|after|before|with|local|this|that|of\s+(?:this|last|next|the\s+same)\s+month)\b)/;

export const RELATIVE_RULES: DateRule[] = [
  {
    name: 'anniversary',
    re: rx(`${B}the\\s+(\\d{1,3}(?:st|nd|rd|th)|${ORDINAL_WORDS})\\s+anniversary${E}`, 'giu'),
    make: (m, rest, before) => anniversary(parseOrdinal(m[1] ?? ''), rest, before),
  },
  {
    name: 'day-of-month',
    re: rx(`${B}the\\s+([0-3]?\\d)(st|nd|rd|th)(?:\\s+of\\s+(this|last|next|the\\s+same)\\s+month)?${E}`, 'gu'),
    make: (m, rest) => {
      const d = Number(m[1]);
      if (d < 1 || d > 31 || !ordinalSuffixFits(d, m[2] ?? '')) return null;
      if (m[3] === undefined && !DAY_FOLLOWERS.test(rest)) return null;
      const monthOffset = m[3] === undefined ? null : /same/.test(m[3]) ? 0 : relOffset(m[3]);
      return { kind: 'dayOfMonth', day: d, monthOffset };
    },
  },
  {
    name: 'year-part',
    re: rx(
      `${B}(?:the\\s+)?(start|beginning|end|turn|first\\s+day|last\\s+day)\\s+of\\s+(?:the\\s+)?(?:(?:(new|next|last|this|current|previous|coming)\\s+)?year|${YEAR})${E}`,
      'giu',
    ),
    make: (m) => {
      const raw = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const part = raw === 'first day' ? 'firstDay' : raw === 'last day' ? 'lastDay' : raw === 'end' ? 'end' : 'start';
      const year = m[3] ? Number(m[3]) : null;
      return { kind: 'yearPart', part, year, yearOffset: relOffset(m[2]) };
    },
  },
  {
    // "by the end of the month", "the start of next month": the month it points to.
    name: 'month-part',
    re: rx(
      `${B}(?:the\\s+)?(?:start|beginning|end|middle|turn)\\s+of\\s+(?:the\\s+)?(?:(this|next|last|current|coming|previous)\\s+)?month${E}`,
      'giu',
    ),
    make: (m) => ({ kind: 'relative', unit: 'month', offset: relOffset(m[1]) }),
  },
  {
    name: 'quarter',
    re: rx(
      `${B}(?:(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[-\\s](quarter|half)(?:\\s+(?:of\\s+)?(?:${YEAR}|(this|last|next)\\s+year))?|Q([1-4])(?:\\s+|\\s*FY\\s*)?${YEAR}?)${E}`,
      'giu',
    ),
    make: (m) => {
      const q = m[5] ? Number(m[5]) : (parseOrdinal(m[1] ?? '') ?? 1);
      const half = (m[2] ?? '').toLowerCase() === 'half';
      const yearText = m[3] ?? m[6];
      if (half && q > 2) return null;
      return {
        kind: 'quarter',
        quarter: q,
        half,
        year: yearText ? Number(yearText) : null,
        yearOffset: relOffset(m[4]),
      };
    },
  },
  {
    name: 'relative-unit',
    re: rx(
      `${B}(?:(?:early|late|mid|earlier|later)[-\\s])?(this|last|next|the\\s+coming|the\\s+following|the\\s+previous|the\\s+same|(?<=\\b(?:[Ii]n|[Bb]y|[Ff]rom|[Uu]ntil)\\s+)that)\\s+(year|month|week|weekend|decade|quarter)${E}`,
      'giu',
    ),
    make: (m) => {
      const word = (m[1] ?? '').split(/\s+/).pop();
      const unit = (m[2] ?? '').toLowerCase() === 'weekend' ? 'week' : unitOf(m[2]);
      return { kind: 'relative', unit, offset: relOffset(word) };
    },
  },
  {
    name: 'day-words',
    re: rx(`${B}(today|yesterday|tomorrow|tonight|this\\s+(?:morning|afternoon|evening))${E}`, 'giu'),
    make: (m) => {
      const w = (m[1] ?? '').toLowerCase();
      return { kind: 'relative', unit: 'day', offset: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0 };
    },
  },
  {
    name: 'weekday',
    re: rx(
      `${B}(?:(last|next|this|coming)\\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\\s+(?:morning|afternoon|evening|night))?${E}`,
      'gu',
    ),
    make: (m) => ({
      kind: 'weekday',
      weekday: WEEKDAY_NAMES.indexOf((m[2] ?? '').toLowerCase()),
      direction: m[1] ? (m[1] === 'coming' ? 'next' : (m[1] as 'last' | 'next' | 'this')) : null,
    }),
  },
  {
    // "two days later", "a week earlier", "the day after", "the next morning", "later that month": steps from the point
    // the story has reached (see find-dates.ts). "The day before the vote" is dated by the vote, so it is left out.
    name: 'story step',
    re: rx(
      `${B}(?:${AMOUNT}\\s+(days?|weeks?|months?|years?)\\s+(later|earlier|afterwards)|the\\s+(day|week|month|year)\\s+(after|before)|the\\s+(next|following|previous)\\s+(day|morning|afternoon|evening|night)|(later|earlier)\\s+that\\s+(day|week|month|year))${E}`,
      'giu',
    ),
    make: (m, rest, before) => {
      if (m[1]) {
        const n = parseCardinal(m[1]);
        const unit = unitOf(m[2]);
        if (!n) return null;
        const sign = (m[3] ?? '').toLowerCase() === 'earlier' ? -1 : 1;
        // Where the story gives no point to step from, "two weeks later" still says how long: P2W.
        const span = `P${n}${{ day: 'D', week: 'W', month: 'M', year: 'Y' }[unit as 'day' | 'week' | 'month' | 'year']}`;
        if (unit === 'week') return { kind: 'storyShift', unit: 'day', amount: sign * 7 * n, span };
        return { kind: 'storyShift', unit: unit as 'day' | 'month' | 'year', amount: sign * n, span };
      }
      if (m[4]) {
        // "the day before the vote", "the week after his arrest", "the day after winning": an event dates it, not the
        // story's point ("rebounded late in the day after falling" is no date at all).
        if (/^\s+(?:the|a|an|his|her|its|their|our|this|that|\p{L}+ing\b)/iu.test(rest)) return null;
        // "late in the day after ...", "early in the week before ...": "the day" is the trading or working day.
        if (/\b(?:late|early|later|earlier)\s+in\s*$/i.test(before)) return null;
        const unit = m[4].toLowerCase();
        const sign = (m[5] ?? '').toLowerCase() === 'before' ? -1 : 1;
        return unit === 'week'
          ? { kind: 'storyShift', unit: 'day', amount: sign * 7 }
          : { kind: 'storyShift', unit: unit as 'day' | 'month' | 'year', amount: sign };
      }
      if (m[6]) return { kind: 'storyShift', unit: 'day', amount: (m[6] ?? '').toLowerCase() === 'previous' ? -1 : 1 };
      const unit = (m[9] ?? '').toLowerCase();
      return unit === 'week' || unit === 'day'
        ? { kind: 'storyShift', unit: 'day', amount: 0 }
        : { kind: 'storyShift', unit: unit as 'month' | 'year', amount: 0 };
    },
  },
  {
    name: 'ago',
    re: rx(`${B}${AMOUNT}\\s+${UNIT}\\s+ago${E}`, 'giu'),
    make: (m) => amount(m[1], (n) => ({ kind: 'ago', unit: unitOf(m[2]), amount: n })),
  },
  {
    // "five years and four months", "two hours and 18 minutes": one span of time, not two.
    name: 'compound duration',
    re: rx(
      `${B}(\\d+|${CARDINAL_WORDS})\\s+(years?|months?|weeks?|days?|hours?)\\s+and\\s+(\\d+|${CARDINAL_WORDS}|a|an)\\s+(months?|weeks?|days?|hours?|minutes?)${E}(?!(?:\\s+|-)(?:ago|old)\\b)`,
      'giu',
    ),
    make: (m) => {
      const first = parseCardinal(m[1] ?? '');
      const second = parseCardinal(m[3] ?? '');
      if (!first || !second) return null;
      return { kind: 'duration', unit: unitOf(m[2]), amount: first, and: { unit: unitOf(m[4]), amount: second } };
    },
  },
  {
    name: 'duration',
    // "five years", "nine consecutive days", "three straight weeks".
    re: rx(
      `${B}(\\d+|${CARDINAL_WORDS})[-\\s](?:(?:consecutive|straight|successive|full|whole)\\s+)?${UNIT}${E}(?!(?:\\s+|-)(?:ago|old|later|earlier|afterwards)\\b)`,
      'giu',
    ),
    make: (m) => amount(m[1], (n) => ({ kind: 'duration', unit: unitOf(m[2]), amount: n })),
  },
  {
    name: 'year',
    re: rx(
      `(?<=\\b(?:[Ii]n|[Ss]ince|by|until|till|from|of|during|before|after|through|between|and|to|around|circa|fiscal|early|late|mid|the|spring|summer|autumn|fall|winter)\\s+|mid-)${YEAR}${E}(?!\\s*(?:%|percent|people|units|km|kg|tonnes|tons|-\\d))`,
    ),
    make: (m) => ({ kind: 'calendar', fields: { year: Number(m[1]) } }),
  },
  {
    name: 'decade',
    re: rx(`${B}(?:the\\s+)?((?:1[5-9]|20)\\d)0s${E}`),
    make: (m) => ({ kind: 'decade', decade: Number(m[1]) }),
  },
  {
    // "8.30am", "7 pm", "1am", "midnight", "noon": a time with no day written beside it ("3pm on Friday" is dated by its
    // day, and "6.30am on 9 March 2022" by its date, so those are left to them).
    name: 'clock',
    re: rx(
      `${B}(?:(1[0-2]|0?[1-9])(?:[.:]([0-5]\\d))?\\s?([ap])(?:\\.m\\.|m)|(midnight|noon|midday))${E}(?!\\s+(?:on|of)\\s+(?:\\d|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December))`,
      'giu',
    ),
    make: (m) => {
      const word = (m[4] ?? '').toLowerCase();
      if (word) return { kind: 'clock', hour: word === 'midnight' ? 0 : 12, minute: 0 };
      const hour = (Number(m[1]) % 12) + ((m[3] ?? '').toLowerCase() === 'p' ? 12 : 0);
      return { kind: 'clock', hour, minute: Number(m[2] ?? 0) };
    },
  },
  {
    name: 'century',
    re: rx(`${B}(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS})[-\\s]century(?:\\s+(BC|BCE|AD|CE))?${E}`, 'giu'),
    make: (m) => {
      const n = parseOrdinal(m[1] ?? '');
      return n === null || n < 1 || n > 30 ? null : { kind: 'century', century: n, bc: /^BC/i.test(m[2] ?? '') };
    },
  },
  {
    name: 'era year',
    re: rx(`${B}(?:(?:AD|CE)\\s+(\\d{1,4})|(\\d{1,4})\\s+(BC|BCE|AD|CE))${E}`, 'gu'),
    make: (m) => {
      const year = Number(m[1] ?? m[2]);
      return year < 1 ? null : { kind: 'eraYear', year, bc: /^BC/.test(m[3] ?? '') };
    },
  },
  {
    // "more than a decade", "half a century": spans of time written with "a".
    name: 'a decade',
    re: rx(
      `${B}(half\\s+a\\s+century|a\\s+(?:decade|century|fortnight)|(?<=\\b(?:more\\s+than|over|nearly|almost|under|less\\s+than|about|around)\\s+)an?\\s+(?:year|month|week))${E}(?!\\s+(?:ago|earlier|later|before|after)\\b)`,
      'giu',
    ),
    make: (m) => {
      const w = (m[1] ?? '').toLowerCase();
      if (w.endsWith('fortnight')) return { kind: 'duration', unit: 'week', amount: 2 };
      if (/(?:year|month|week)$/.test(w)) return { kind: 'duration', unit: unitOf(w.split(/\s+/).pop()), amount: 1 };
      return { kind: 'duration', unit: 'year', amount: w.startsWith('half') ? 50 : w.endsWith('century') ? 100 : 10 };
    },
  },
  {
    name: 'holiday',
    re: rx(`(?:the\\s+)?(?:${HOLIDAY_RE.source})`, 'gu'),
    make: (m) => ({ kind: 'holiday', name: m[0].replace(/^the\s+/, ''), yearOffset: 0 }),
  },
  {
    name: 'season',
    // "next spring", "the spring of 2026", "summer 2024", "in the autumn"; a bare "the fall" needs a time lead-in and
    // no "of" after it ("after the fall of Kabul" is no date).
    re: rx(
      `${B}(?:(this|last|next|coming|past)\\s+(spring|summer|autumn|fall|winter)|(?:the\\s+)?(spring|summer|autumn|fall|winter),?\\s+(?:of\\s+)?${YEAR}|(?<=\\b(?:[Ii]n|by|during|until|till|through|over|before|after|since|from)\\s+)the\\s+(?:(?:early|late)\\s+)?(spring|summer|autumn|fall|winter)(?!\\s+of\\b))${E}`,
      'gu',
    ),
    make: (m) => {
      const name = (m[2] ?? m[3] ?? m[5] ?? '').toLowerCase();
      const season = SEASONS[name];
      if (!season) return null;
      return {
        kind: 'season',
        season,
        year: m[4] ? Number(m[4]) : null,
        offset: m[1] ? relOffset(m[1] === 'past' ? 'last' : m[1]) : null,
      };
    },
  },
  {
    name: 'fuzzy',
    re: rx(
      `${B}(recently|lately|in\\s+recent\\s+(?:years|months|weeks|days)|in\\s+the\\s+near\\s+future|in\\s+the\\s+coming\\s+(?:days|weeks|months|years)|nowadays)${E}`,
      'giu',
    ),
    make: (m) => {
      const w = (m[1] ?? '').toLowerCase();
      return {
        kind: 'fuzzy',
        value: /future|coming/.test(w) ? 'FUTURE_REF' : w === 'nowadays' ? 'PRESENT_REF' : 'PAST_REF',
      };
    },
  },
];

const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

function ordinalSuffixFits(d: number, suffix: string): boolean {
  const expected =
    d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return suffix === expected;
}

function amount(text: string | undefined, build: (n: number) => DateSpec): DateSpec | null {
  const n = parseCardinal(text ?? '');
  return n === null || n === 0 ? null : build(n);
}

// "the 75th anniversary of ... in 1949" points back to 1949; otherwise the year it falls in is written nearby.
function anniversary(nth: number | null, rest: string, before: string): DateSpec | null {
  if (nth === null || nth < 1) return null;
  const base = /^[^.;]*?\b(?:in|of|since)\s+((?:1[5-9]|20)\d{2})\b/.exec(rest);
  if (base?.[1]) return { kind: 'anniversary', nth, baseYear: Number(base[1]), yearOffset: 0 };
  const near = `${before.slice(-60)} ${rest.slice(0, 80)}`;
  const rel = /\b(last|next)\s+year\b/.exec(near);
  return {
    kind: 'anniversary',
    nth,
    baseYear: null,
    yearOffset: rel && !/\bthis\s+year\b/.test(near) ? relOffset(rel[1]) : 0,
  };
}
