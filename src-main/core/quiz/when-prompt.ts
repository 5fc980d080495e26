/**
 * Words for a `when` question. When the date follows a named event ("the Russian presidential election on March
 * 15-17") the question asks for it ("When is the Russian presidential election?"); otherwise the date is blanked out of
 * its event clause, trimmed to a readable window.
 */
import type { DateMention } from '../extract/types';
import { replaceSpans } from './actor-spans';
import type { ArticleContext } from './context';
import { isPastTenseVerb, isVerb } from '../extract/lexicon';

// Nouns that name something that happens on a date; the list is English, not about any one article.
const EVENT_NOUNS = [
  'election',
  'elections',
  'summit',
  'meeting',
  'meetings',
  'visit',
  'vote',
  'referendum',
  'conference',
  'talks',
  'ceremony',
  'launch',
  'release',
  'deadline',
  'match',
  'game',
  'final',
  'war',
  'attack',
  'invasion',
  'agreement',
  'treaty',
  'deal',
  'festival',
  'holiday',
  'trial',
  'hearing',
  'session',
  'inauguration',
  'announcement',
  'strike',
  'protest',
  'tournament',
  'race',
  'speech',
  'debate',
  'congress',
  'forum',
  'exercise',
  'exercises',
  'drills',
  'opening',
  'signing',
  'merger',
  'acquisition',
  'listing',
  'outbreak',
  'coup',
  'trip',
  'tour',
  'celebration',
  'parade',
  'funeral',
  'ceasefire',
  'truce',
  'negotiations',
  'auction',
  'kickoff',
  'championship',
  'olympics',
  'earthquake',
  'flood',
  'crash',
  'accident',
  'shooting',
  'bombing',
  'rally',
  'convention',
  'plenum',
  'assembly',
];
const WORD = String.raw`[\p{L}\p{N}’'-]+`;
const PLACE = String.raw`\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2}`;
const EVENT_BEFORE_DATE = new RegExp(
  String.raw`(?:^|\s)([Tt]he\s+(?:${WORD}\s+){0,4}?(?:${EVENT_NOUNS.join('|')})` +
    String.raw`(?:\s+(?:held|scheduled|planned|set|due|slated)(?:\s+(?:in|at)\s+${PLACE})?)?)\s+(?:on|in|at|for|from)\s+$`,
  'u',
);
// Words before "the ..." that do not make it their object: a clause opener or a copula ("said the summit on May 3 ...").
const NOT_A_GOVERNING_VERB =
  /^(?:said|says|is|was|are|were|be|been|being|and|or|but|as|of|in|on|at|for|from|to|during|after|before|since|until|ahead|with|by)$/i;
const WINDOW = 14;
export const DATE_BLANK = '___';

/** "When is/was <event>?" when the sentence names the event right before the date; null otherwise. */
export function eventQuestion(ctx: ArticleContext, date: DateMention, sentenceStart: number): string | null {
  const before = ctx.text.slice(sentenceStart, date.start);
  const m = EVENT_BEFORE_DATE.exec(before);
  const phrase = m?.[1];
  if (!m || !phrase) return null;
  // "will confirm the dates of next year's tournament in September": a noun phrase that is the object of another
  // verb is not what the date is about (the date is when the confirming happens). The blank form asks it instead.
  const lead = /([\p{L}’'-]+)\s*$/u.exec(before.slice(0, m.index + m[0].indexOf(phrase)))?.[1] ?? '';
  if (lead !== '' && !NOT_A_GOVERNING_VERB.test(lead) && (isVerb(lead) || isPastTenseVerb(lead))) return null;
  const np = phrase.replace(/^The\b/, 'the');
  // The phrase's head is the noun before any "of" ("the dates of the tournament" is about dates, not a tournament),
  // and it must be an event: the verb agrees with it.
  const core = np.replace(/\s+(?:held|scheduled|planned|set|due|slated)\b.*$/u, '');
  const head = (/^(.*?)\s+of\s/u.exec(core)?.[1] ?? core).split(/\s+/).pop() ?? '';
  if (!EVENT_NOUNS.includes(head.toLowerCase())) return null;
  const plural = /[^s]s$/.test(head) || /^(?:talks|negotiations|drills|exercises|olympics)$/i.test(head);
  const verb = date.status === 'past' ? (plural ? 'were' : 'was') : plural ? 'are' : 'is';
  return `When ${verb} ${np}?`;
}

/** The date's event clause (or `sentence` when the clause does not hold the date) with the date blanked. */
export function clozeClause(ctx: ArticleContext, date: DateMention, sentence: { start: number; end: number }): string {
  const span = date.eventSpan;
  // A clause of a few words ("Transfers stopped on ___") leaves the blank unanswerable: then the whole sentence.
  const clauseWords = ctx.text
    .slice(span.start, span.end)
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w)).length;
  const inClause = span.start <= date.start && span.end >= date.end && span.end > span.start && clauseWords >= 6;
  const from = inClause ? span.start : sentence.start;
  const to = inClause ? span.end : sentence.end;
  const blanked = replaceSpans(ctx.text, from, to, [date], DATE_BLANK).trim();
  const words = blanked.split(/\s+/);
  const at = words.findIndex((w) => w.includes(DATE_BLANK));
  if (words.length <= WINDOW * 2 + 4 || at < 0) return blanked;
  const lo = Math.max(0, at - WINDOW);
  const hi = Math.min(words.length, at + WINDOW + 1);
  return `${lo > 0 ? '… ' : ''}${words.slice(lo, hi).join(' ')}${hi < words.length ? ' …' : ''}`;
}
