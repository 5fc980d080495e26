/**
 * How far the engine trusts each actor, role and date it found. Each item is 'sure' or 'check'; a 'check' item carries
 * the reasons in words a reader understands, is shown as "check this" in the Actors panel and the Timeline, and is never
 * asked in a quiz until the reader confirms it. The signals are ones that, on the labelled articles, separate the
 * engine's mistakes from its right answers (eval: `npm run eval -- --confidence`); none names a word of any article.
 * Pure: text and result in, the same result with confidences out.
 */
import { isRoleNoun, isTitleCore } from './titles';
import type { Actor, Confidence, DateMention, ExtractionResult } from './types';

const SURE: Confidence = { level: 'sure', reasons: [] };

function judged(reasons: string[]): Confidence {
  return reasons.length === 0 ? SURE : { level: 'check', reasons };
}

function words(name: string): string[] {
  return name.split(/\s+/).filter((w) => w !== '');
}

/** True when `word` also stands in the text in lower case, as an ordinary word ("Emeritus" beside "emeritus"). */
function usedAsCommonWord(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  if (lower === word) return false;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}-])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-])`,
    'u',
  );
  return pattern.test(text);
}

/** True when the mention opens a sentence or a line, where every word is capitalised anyway. */
function opensSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  return start === 0 || /(?:[.!?]["”’)]?\s+|\n\s*|^\s*)$/u.test(before);
}

// After a mention of an organisation that acts: a possessive, or a verb ("said", "will", "announced", "beats").
const ACTS_AFTER =
  /^(?:[’']s?\b|\s+(?:said|says|will|would|could|can|may|might|must|should|has|have|had|is|was|were|are|[a-z]+ed|[a-z]+s)\b)/u;

/** True when the text right after a mention ending at `end` shows the name owning or doing something. */
function actsInText(text: string, end: number): boolean {
  return ACTS_AFTER.test(text.slice(end, end + 16));
}

function actorConfidence(text: string, actor: Actor): Confidence {
  const reasons: string[] = [];
  const parts = words(actor.name);
  const single = parts.length === 1;
  const acronym = /^\p{Lu}[\p{Lu}\d&.-]+$/u.test(actor.name);
  const supported = actor.roles.length > 0 || actor.aliases.length > 0;
  if (single && !acronym && actor.type !== 'country') {
    if (usedAsCommonWord(text, actor.name))
      reasons.push(`“${actor.name}” is also used in the text as an ordinary word`);
    else if (actor.mentions.length > 0 && actor.mentions.every((m) => opensSentence(text, m.start)) && !supported)
      reasons.push(`“${actor.name}” is only ever written at the start of a sentence, where any word has a capital`);
    else if (actor.type === 'person' && !supported && actor.mentions.length <= 1)
      reasons.push('named once, by one name, with no title or role');
    else if (actor.type === 'organization' && !actor.mentions.some((m) => actsInText(text, m.end)))
      reasons.push(
        'a one-word name that never says or does anything in the text: it may be a place, a person or a thing rather than an organisation',
      );
  }
  return judged(reasons);
}

/** The role's head noun: the last word before its first preposition ("head" in "head of the liaison department"). */
function roleHead(role: string): string | null {
  const before = role.split(/\s+(?:of|for|at|to|in|with|from|on|and|since|until|between)\s+/i)[0] ?? role;
  const last = words(before).at(-1);
  return last ? last.replace(/[’']s$/u, '').replace(/[^\p{L}-]/gu, '') : null;
}

/** True when the head names an office or job, whole or by a part of a hyphenated compound ("director-general"). */
function isOffice(head: string): boolean {
  const parts = [head, ...head.split('-')].filter((p) => p !== '');
  return parts.some((p) => isRoleNoun(p) || isTitleCore(p));
}

function roleConfidence(role: string): Confidence {
  const reasons: string[] = [];
  const head = roleHead(role);
  if (!head || !isOffice(head)) reasons.push(`“${role}” does not read as a title or a job`);
  // One person's role is singular: "councillors" or "veteran politicians" say what a group is.
  else if (/^\p{Ll}/u.test(head) && /[^s]s$/.test(head) && words(role).length <= 2)
    reasons.push(`“${role}” names a group, not one person’s role`);
  if (/[\n“”"]/.test(role)) reasons.push('the role was read across a quotation or a paragraph break');
  return judged(reasons);
}

// Expressions counted from another day: the reference date, or another date in the text.
const FROM_THE_DAY =
  /\b(?:yesterday|today|tonight|tomorrow|(?:last|next|this|coming|past)\s+(?:week(?:end)?|month|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|ago|earlier this|later this)\b/i;
const FROM_ANOTHER_DATE =
  /\b(?:the\s+(?:next|following|previous|same)\s+(?:day|week|month|year|morning|evening)|the\s+day\s+(?:before|after)|that\s+(?:day|week|month|year)|days?\s+later|weeks?\s+later|months?\s+later|years?\s+later)\b/i;

/**
 * True when what the article pins down of its own date is enough for `text`: "last year" needs only the year (which
 * the text may give away: "24 years since July 2000"), "this month" the month, anything counted in days the day itself
 * as given by the document's published date.
 */
function anchorSuffices(text: string, result: ExtractionResult): boolean {
  const inference = result.referenceDateInference;
  if (inference.source === 'given') return true;
  const known = inference.anchor?.length ?? 0;
  if (/\byears?\b/i.test(text)) return known >= 4;
  if (/\bmonths?\b/i.test(text)) return known >= 7;
  return false;
}

function dateConfidence(date: DateMention, result: ExtractionResult): Confidence {
  const reasons: string[] = [];
  // A value with unknown parts ("XXXX-05-25") is not a doubt: it says what the text says, no more.
  if (date.precision === 'fuzzy') reasons.push('the text does not say exactly when');
  else if (/^\d{4}-\d{2}-\d{2}T\d/.test(date.value))
    reasons.push('a time of day: the day it belongs to was inferred from the sentences around it');
  else if (FROM_ANOTHER_DATE.test(date.text)) reasons.push(`“${date.text}” is counted from another date in the text`);
  else if (FROM_THE_DAY.test(date.text) && !anchorSuffices(date.text, result))
    reasons.push(`“${date.text}” is counted from the day the article was written, which it does not state`);
  return judged(reasons);
}

/** Returns `result` with a confidence on every actor, each of its roles, and every date. */
export function withConfidence(text: string, result: ExtractionResult): ExtractionResult {
  const actors = result.actors.map((actor) => ({
    ...actor,
    confidence: actorConfidence(text, actor),
    roleConfidence: Object.fromEntries(actor.roles.map((role) => [role, roleConfidence(role)])),
  }));
  const dates = result.dates.map((date) => ({ ...date, confidence: dateConfidence(date, result) }));
  return { ...result, actors, dates };
}

/** True when the item should be checked by the reader before it is asked; items without a confidence are sure. */
export function needsCheck(confidence: Confidence | undefined): boolean {
  return confidence?.level === 'check';
}
