/**
 * Builds news-like English articles from the lexicon with a seeded PRNG: paragraphs of sentences naming people with
 * roles, countries, organisations and dates (so extraction and the quiz have work), and plain prose between them.
 */
import type { Random } from '../prng';
import {
  ACTION_PHRASES,
  ADJECTIVES,
  ADVERBS,
  CONNECTORS,
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  MONTHS,
  NOUNS,
  ORGANIZATIONS,
  RELATIVE_DATES,
  REPORT_VERBS,
  ROLES,
  VERBS,
} from './lexicon';

export interface GeneratedArticle {
  title: string;
  /** Plain text: one paragraph (or short heading) per line, lines separated by a blank line. */
  text: string;
  words: number;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function person(r: Random): string {
  return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
}

function absoluteDate(r: Random): string {
  const year = r.between(2015, 2027);
  const month = r.pick(MONTHS);
  return r.chance(0.5)
    ? `on ${month} ${r.between(1, 28)}, ${year}`
    : r.chance(0.5)
      ? `in ${month} ${year}`
      : `in ${year}`;
}

function date(r: Random): string {
  return r.chance(0.6) ? absoluteDate(r) : r.pick(RELATIVE_DATES);
}

function phrase(r: Random): string {
  return `the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
}

/** One sentence from a handful of templates; about half name an actor and a date. */
function sentence(r: Random): string {
  switch (r.int(8)) {
    case 0:
      return `${person(r)}, the ${r.pick(ROLES)} of ${r.pick(COUNTRIES)}, ${r.pick(REPORT_VERBS)} ${date(r)} that ${phrase(r)} had ${r.pick(VERBS)} ${phrase(r)}.`;
    case 1:
      return `${capitalise(r.pick(ORGANIZATIONS))} ${r.pick(ACTION_PHRASES)} ${date(r)}, citing ${phrase(r)} in ${r.pick(COUNTRIES)}.`;
    case 2:
      return `${r.pick(COUNTRIES)} ${r.pick(ACTION_PHRASES)} with ${r.pick(COUNTRIES)} ${date(r)}.`;
    case 3:
      return `“${capitalise(phrase(r))} has ${r.pick(VERBS)} ${phrase(r)},” ${r.pick(REPORT_VERBS)} ${person(r)}, a ${r.pick(ROLES)} at ${r.pick(ORGANIZATIONS)}.`;
    case 4:
      return `${r.pick(CONNECTORS)} ${phrase(r)} ${r.pick(ADVERBS)} ${r.pick(VERBS)} ${phrase(r)} and ${phrase(r)}.`;
    case 5:
      return `${capitalise(phrase(r))} ${r.pick(VERBS)} ${phrase(r)} ${date(r)}, while ${phrase(r)} remained ${r.pick(ADJECTIVES)}.`;
    case 6:
      return `Since ${absoluteDate(r).replace(/^(on|in) /, '')}, ${phrase(r)} has ${r.pick(ADVERBS)} ${r.pick(VERBS)} ${phrase(r)} across ${r.pick(COUNTRIES)}.`;
    default:
      return `${capitalise(phrase(r))} and ${phrase(r)} ${r.pick(ADVERBS)} ${r.pick(VERBS)} ${phrase(r)}.`;
  }
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** An article of about `targetWords` words (it stops at the first paragraph end past the target). */
export function generateArticle(r: Random, targetWords: number): GeneratedArticle {
  const title = `${capitalise(phrase(r).replace(/^the /, ''))} in ${r.pick(COUNTRIES)}`;
  const lines: string[] = [];
  let words = 0;
  while (words < targetWords) {
    if (lines.length > 0 && r.chance(0.08)) {
      const heading = `${capitalise(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}`;
      lines.push(heading);
      words += 2;
      continue;
    }
    const sentences: string[] = [];
    for (let n = r.between(2, 6); n > 0; n -= 1) sentences.push(sentence(r));
    const paragraph = sentences.join(' ');
    lines.push(paragraph);
    words += countWords(paragraph);
  }
  return { title, text: lines.join('\n\n'), words };
}

/** The first `words` words of `text`, cut at a sentence end when one is near: extraction inputs of a set size. */
export function takeWords(text: string, words: number): string {
  const pattern = /\S+/g;
  let end = 0;
  for (let n = 0; n < words; n += 1) {
    const match = pattern.exec(text);
    if (!match) break;
    end = match.index + match[0].length;
  }
  const stop = text.indexOf('.', end);
  return text.slice(0, stop !== -1 && stop - end < 400 ? stop + 1 : end);
}
