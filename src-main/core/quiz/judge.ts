/**
 * The question judge: checks generated questions for the defects that make a quiz teach something wrong or give its
 * answer away. It reads only the question, the engine's analysis and the text, never the generator's internals, so it
 * catches what the builders miss. Pure; each defect names its class and says what is wrong in words.
 */
import { outsideBody, overlapsAny } from '../extract/article-parts';
import { lookupCountry } from '../extract/countries';
import { isFirstName, isPastTenseVerb, isPlaceName, isVerb } from '../extract/lexicon';
import { isBodyWord, isOrgHead, isWorldOrganization } from '../extract/organizations';
import { placeNames } from '../extract/places';
import { isRoleNoun, isTitleModifier } from '../extract/titles';
import type { Actor, ActorType, ExtractionResult, Span } from '../extract/types';
import { dateLabel, parseDateValue } from './date-value';
import { editDistance } from './names';
import { fold, wordsKey } from './normalize';
import { swapOf } from './statement-swap';
import type { Question } from './types';

export type DefectClass =
  | 'answer-visible' // the answer (or a name of it) is written in the prompt
  | 'thin-blank' // a blank with fewer than four words of context
  | 'duplicate-choice-actor' // two choices name one actor, so two answers are right
  | 'wrong-kind-answer' // the answer or a choice is not of the kind the question asks for
  | 'not-a-role' // a role answer that is an adjective, a plural, a fragment or no office at all
  | 'date-disagrees' // a date answer (or its tense) that disagrees with the engine's own value
  | 'duplicate-prompt' // one prompt twice in a quiz
  | 'outside-body' // a question on the byline, author note, a caption or the dateline
  | 'truefalse-share' // more than a quarter of the quiz is true/false
  | 'truefalse-not-factual' // a true/false statement that quotes someone or states an opinion or a forecast
  | 'truefalse-swap' // a true statement altered, or a false one that is no clean swap (nothing changed, or "X and X")
  | 'name-fragment' // an actor answer or choice that is only ever written as part of another actor's longer name
  | 'cross-article' // a question across two articles that is unsound (see judge-cross.ts)
  | 'prompt-misreads'; // "When is <object of another verb>", a verb that disagrees with its noun, or a person asked as an organisation

export const DEFECT_CLASSES: readonly DefectClass[] = [
  'answer-visible',
  'thin-blank',
  'duplicate-choice-actor',
  'wrong-kind-answer',
  'not-a-role',
  'date-disagrees',
  'duplicate-prompt',
  'outside-body',
  'truefalse-share',
  'truefalse-not-factual',
  'truefalse-swap',
  'name-fragment',
  'prompt-misreads',
  'cross-article',
];

export interface Defect {
  class: DefectClass;
  questionId: string;
  message: string;
}

export interface JudgeContext {
  text: string;
  analysis: ExtractionResult;
  /** Spans outside the article body (dateline, byline, captions, author note). */
  outside: Span[];
  /** Canonical names and aliases (folded) -> the actors they name. */
  names: Map<string, Actor[]>;
  /** Lower-case names the text itself uses as towns, camps or villages ("reached X", "the road to X"). */
  places: Set<string>;
}

export function judgeContext(analysis: ExtractionResult, text: string): JudgeContext {
  const names = new Map<string, Actor[]>();
  for (const a of analysis.actors) {
    for (const n of new Set([a.name, ...a.aliases].map(wordsKey))) names.set(n, [...(names.get(n) ?? []), a]);
  }
  return { text, analysis, outside: outsideBody(text), names, places: placeNames(text) };
}

const BLANK = '___';
const WEEKDAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/;
const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;
const LEADS: [RegExp, ActorType][] = [
  [/^Who fills the blank\?/, 'person'],
  [/^Which country fills the blank\?/, 'country'],
  [/^Which organisation fills the blank\?/, 'organization'],
];
// A written date names a month or holds a digit; "Friday" or "last week" is a relative expression.
const WRITTEN_DATE =
  /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;
// Quotations and hedged or forecast statements cannot be true or false as written facts of the article.
const QUOTED = /[“”"]|(?:^|\s)[‘'][^’']{3,}[’'](?:\s|[,.;:]|$)/u;
const HEDGED =
  /\b(?:[Mm]ight|[Cc]ould|[Ww]ould|[Ss]hould|may|[Ll]ikely|[Uu]nlikely|[Aa]ppears?|[Ss]eems?|[Pp]redict\w*|[Ss]peculat\w*|[Bb]elieves?|[Ee]xpects?|[Ee]xpected|[Ii]nterpreted|[Pp]erhaps|[Pp]robably|[Pp]ossibly|[Aa]pparently|[Rr]eportedly|[Aa]llegedly|[Vv]iew|[Oo]pinion)\b/;
const RELATIONS =
  /^(?:colleagues?|friends?|neighbou?rs?|partners?|relatives?|allies|ally|rivals?|fans?|supporters?|residents?|victims?|survivors?|witness(?:es)?|patients?|veterans?|travell?ers?|members?|peers?)$/;
const FUNCTION_END = /\b(?:of|the|a|an|and|or|to|for|in|at|on|with|by|from|who|which|that)$/i;

function actorsNamed(ctx: JudgeContext, name: string): Actor[] {
  return ctx.names.get(wordsKey(name)) ?? [];
}

function contains(haystack: string, needle: string): boolean {
  const n = wordsKey(needle);
  return n !== '' && ` ${wordsKey(haystack)} `.includes(` ${n} `);
}

// The quoted passage of a prompt ("Who fills the blank? “...”"), or the whole prompt.
function quotedPart(prompt: string): string {
  const m = /“([\s\S]*)”\s*$/.exec(prompt);
  return m?.[1] ?? prompt;
}

// "Bank of Japan" spells "BJ" or, with its small words, "BOJ": acronyms are made both ways.
function initials(name: string): string[] {
  const words = name.split(/[\s-]+/).filter((w) => w !== '');
  const caps = words
    .filter((w) => /^\p{Lu}/u.test(w) && !/^(?:Of|The|And|For)$/.test(w))
    .map((w) => w[0])
    .join('');
  const all = words
    .filter((w) => !/^(?:the|The)$/.test(w))
    .map((w) => w[0])
    .join('');
  return [caps.toLowerCase(), all.toLowerCase()];
}

/** True when two shown names can be read as one actor (one engine actor, a short form, an acronym, a spelling). */
export function sameActorNames(ctx: JudgeContext | null, a: string, b: string): boolean {
  const ka = wordsKey(a);
  const kb = wordsKey(b);
  if (ka === kb) return true;
  const ta = ctx ? new Set(actorsNamed(ctx, a).map((x) => x.type)) : new Set<ActorType>();
  const tb = ctx ? actorsNamed(ctx, b).map((x) => x.type) : [];
  // "Kenya" inside "Digital Lenders Association of Kenya" is another actor: containment counts within one type.
  const sameType = ta.size === 0 || tb.length === 0 || tb.some((t) => ta.has(t));
  if (sameType && (contains(a, b) || contains(b, a))) return true;
  if (ctx) {
    const ids = new Set(actorsNamed(ctx, a).map((x) => x.id));
    if (actorsNamed(ctx, b).some((x) => ids.has(x.id))) return true;
  }
  const [short, long] = ka.length <= kb.length ? [a, b] : [b, a];
  const shortKey = wordsKey(short);
  // "BOJ" and "Bank of Japan": the short one spells the long one's initials.
  if (!shortKey.includes(' ') && shortKey.length >= 2 && long.includes(' ') && initials(long).includes(shortKey))
    return true;
  // "Fed" and "Federal Reserve": the short one opens the long one's first word.
  const first = wordsKey(long).split(' ')[0] ?? '';
  if (!shortKey.includes(' ') && shortKey.length >= 3 && long.includes(' ') && first.startsWith(shortKey)) return true;
  // "Marc Antony" and "Mark Antony": same words but for a letter or two in one of them.
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  if (wa.length === wb.length && wa.length > 1) {
    const differing = wa.map((w, i) => [w, wb[i] ?? ''] as const).filter(([x, y]) => x !== y);
    if (differing.length === 1 && differing.every(([x, y]) => x.length > 3 && x[0] === y[0] && editDistance(x, y) <= 2))
      return true;
  }
  return false;
}

const SPEECH_VERB_START =
  /^(?:said|says|told|tells|added|argued|noted|warned|wrote|explained|insisted|confirmed|announced|stated|replied|recalled)\b/i;

/** True when `role` reads as an office or occupation: a role noun heads it, singular, not cut off mid-phrase. */
export function isRealRole(role: string): boolean {
  const words = role
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0 || FUNCTION_END.test(role.trim())) return false;
  if (/^(?:and|or|but|of|to|with|who|which|that)\b/.test(role)) return false;
  // The sentence's own verb read as an apposition ("…, Dr. Ana Souza, told reporters"): no office at all.
  if (SPEECH_VERB_START.test(role.trim())) return false;
  // The copula that introduced it ("is a hospital administrator"): a clause, not the office.
  if (/^(?:is|was|are|were)\b/i.test(role.trim())) return false;
  // An abbreviation or a form of address alone ("Gen.", "Mr") and a tie to someone ("colleague") hold no office.
  if (words.length === 1 && (/\.$/.test(role.trim()) || RELATIONS.test(role.trim().toLowerCase()))) return false;
  const head = (words.findIndex((w) => /^(?:of|at|for|in|to|with|from|on)$/i.test(w)) + 1 || words.length + 1) - 2;
  const headWord = (words[head] ?? '').replace(/[’']s?$/, '').toLowerCase();
  const clean = (w: string): string =>
    w
      .replace(/[’']s?$/, '')
      .replace(/[^\p{L}-]/gu, '')
      .toLowerCase();
  // A plural head ("councillors") names a group, not the office one person holds.
  const singular = headWord.endsWith('ies') ? `${headWord.slice(0, -3)}y` : headWord.slice(0, -1);
  if (/[^s]s$/.test(headWord) && !isRoleNoun(headWord) && isRoleNoun(singular)) return false;
  if (/[^s]s$/.test(headWord) && isRoleNoun(singular) && words.length === 1) return false;
  // A lone qualifier ("general", "senior", "former") or a word that is no role ("veteran", "traveler").
  if (
    words.length === 1 &&
    isTitleModifier(headWord) &&
    !/^(?:chief|head|marshal|attorney|deputy|director)$/.test(headWord)
  )
    return false;
  // Compounds the lexicon does not list ("harbour master", "goalkeeper", "warden") are offices all the same.
  const office = (w: string): boolean =>
    isRoleNoun(w) || /(?:master|keeper|warden|ranger|steward|holder|bearer)$/.test(w);
  return words.some(
    (w) =>
      office(clean(w)) ||
      clean(w)
        .split('-')
        .some((p) => p !== '' && office(p)),
  );
}

function checkAnswerVisible(q: Question, out: Defect[], ctx?: JudgeContext): void {
  if (q.kind === 'truefalse' || q.kind === 'timeline' || q.kind === 'match') return;
  const shown =
    q.answerType === 'role' ? q.prompt : quotedPart(q.prompt) === q.prompt ? q.prompt : quotedPart(q.prompt);
  // A surname alone may belong to a relative in the sentence; full names and forms of two words or more give it away.
  const forms = [
    q.answer,
    ...q.acceptableAnswers.filter((a) => a.trim().split(/\s+/).length > 1 || q.answerType === 'date'),
  ];
  const seen = forms.find((f) => /[\p{L}\p{N}]/u.test(f) && contains(shown, f));
  if (seen) {
    out.push({
      class: 'answer-visible',
      questionId: q.id,
      message: `the prompt shows "${seen}", a form of the answer`,
    });
    return;
  }
  // Another spelling of the answer standing in the prompt ("Marc Antony" beside the blank for "Mark Antony").
  if (q.answerType !== 'actor' || !ctx) return;
  const variant = ctx.analysis.actors
    .flatMap((a) => [a.name, ...a.aliases])
    .find(
      (n) =>
        n.includes(' ') && wordsKey(n) !== wordsKey(q.answer) && contains(shown, n) && sameActorNames(ctx, n, q.answer),
    );
  if (variant)
    out.push({
      class: 'answer-visible',
      questionId: q.id,
      message: `the prompt shows "${variant}", another spelling of the answer`,
    });
}

function checkThinBlank(q: Question, out: Defect[]): void {
  if (!q.prompt.includes(BLANK)) return;
  const context = quotedPart(q.prompt)
    .replaceAll(BLANK, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (context.length < 4) {
    out.push({ class: 'thin-blank', questionId: q.id, message: `only ${context.length} words around the blank` });
  }
}

function checkChoices(ctx: JudgeContext, q: Question, out: Defect[]): void {
  if (q.answerType !== 'actor' || q.choices.length < 2) return;
  for (let i = 0; i < q.choices.length; i++) {
    for (let j = i + 1; j < q.choices.length; j++) {
      const a = q.choices[i] ?? '';
      const b = q.choices[j] ?? '';
      if (sameActorNames(ctx, a, b)) {
        out.push({ class: 'duplicate-choice-actor', questionId: q.id, message: `"${a}" and "${b}" name one actor` });
      }
    }
  }
}

// Words that caption a picture ("Image", "Photo"): glued to a name they make a name that is no one's.
const MEDIA_WORDS = /^(?:image|photo|photograph|picture|video|caption|credit|illustration)$/;
// "MV Arctic Tern", "HMS Valour": a vessel prefix names a ship, an object and no actor.
const COMPANY_KIND =
  /^(?:company|firm|group|carrier|airline|bank|lender|insurer|retailer|broadcaster|newspaper|network|operator|producer|supplier|manufacturer|publisher|conglomerate|startup|charity|union|[a-z]+makers?)$/i;
const VESSEL = /^(?:MV|MS|MT|SS|HMS|HMAS|HMCS|USS|USNS|RV|FV|SV|RMS|INS)\s/;

/**
 * Why a name the engine gives an actor cannot be one, or null: a caption word glued on, a ship, an object written
 * with a letter and a hyphen ("NASA T-shirts"), a place run into a person's name ("Orvik Ana Lima"), a person typed
 * as a country, or an organisation typed as a person.
 */
export function notAnActor(name: string, type: ActorType | null): string | null {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && MEDIA_WORDS.test(last.toLowerCase())) return `"${name}" ends with the caption word "${last}"`;
  if (VESSEL.test(name)) return `"${name}" is a ship`;
  if (words.some((w) => /^\p{Lu}-\p{Ll}/u.test(w))) return `"${name}" names an object`;
  if (
    type === 'person' &&
    words.length >= 3 &&
    isPlaceName(words[0] ?? '') &&
    !isFirstName(words[0] ?? '') &&
    isFirstName(words[1] ?? '')
  ) {
    return `"${name}" runs a place into a name`;
  }
  if (type === 'person' && words.length > 1 && isOrgHead(last)) return `"${name}" is an organisation typed as a person`;
  // "Tessco's Brannock": a name ends at its possessive; only an organisation word after it makes one name of both
  // ("Minister's Assistant's Office").
  if (type !== 'person' && words.slice(0, -1).some((w) => /['’]s$/.test(w)) && !isOrgHead(last))
    return `"${name}" runs past a possessive`;
  if (
    type === 'country' &&
    !lookupCountry(name) &&
    words.length > 1 &&
    isFirstName(words[0] ?? '') &&
    !isPlaceName(name)
  ) {
    return `"${name}" is a person typed as a country`;
  }
  return null;
}

function nameIsNoName(name: string): boolean {
  const words = wordsKey(name).split(' ');
  // Lower case is a name only as part of a longer one ("external liaison department of ..."); never a lone word.
  const lower = !/^[\p{Lu}\p{N}]/u.test(name.trim()) && (words.length < 2 || !/^\p{L}/u.test(name.trim()));
  return words.every((w) => WEEKDAYS.test(w) || MONTHS.test(w)) || /\d/.test(name) || lower;
}

function checkKind(ctx: JudgeContext, q: Question, out: Defect[]): void {
  const wrong = (message: string): void => {
    out.push({ class: 'wrong-kind-answer', questionId: q.id, message });
  };
  if (q.answerType === 'actor') {
    const lead =
      LEADS.find(([re]) => re.test(q.prompt))?.[1] ?? (/^Who (?:is|said)\b/.test(q.prompt) ? 'person' : null);
    const actor = actorsNamed(ctx, q.answer).find((a) => a.name === q.answer) ?? actorsNamed(ctx, q.answer)[0];
    const odd = notAnActor(q.answer, actor?.type ?? null);
    // "Solent Lines", with the role "biggest ferry operator", is a company however the engine typed it.
    // The role's head is its last word before any "of"/"at" ("president of the Workers' Union" heads on president).
    const headOf = (r: string): string =>
      r
        .trim()
        .split(/\s+(?:of|at|for|in|to|with|from|on)\s+/)[0]
        ?.split(/\s+/)
        .pop() ?? '';
    const companyRole = actor?.type === 'person' ? actor.roles.find((r) => COMPANY_KIND.test(headOf(r))) : undefined;
    if (nameIsNoName(q.answer)) wrong(`"${q.answer}" is not a name`);
    else if (odd) wrong(odd);
    else if (companyRole) wrong(`"${q.answer}" is a person whose role "${companyRole}" names an organisation`);
    else if (lead && actor && actor.type !== lead) wrong(`asks for a ${lead} but "${q.answer}" is a ${actor.type}`);
    // "the ___ refugee agency" with "UN" blanked: a standing world body is a name of its own, never the longer
    // "UN Office for ..." that merely starts with it.
    if (actor && q.support !== q.answer && isWorldOrganization(q.support) && q.answer.startsWith(`${q.support} `)) {
      wrong(`the blank holds "${q.support}", a body of its own, not "${q.answer}"`);
    }
    // "under the ___ dynasty": a ruling house, realm or age, not an organisation.
    const realm =
      lead !== 'country'
        ? /___\s+(dynasty|dynasties|empire|kingdom|clan|tribe|era|period|caliphate|sultanate)\b/.exec(q.prompt)?.[1]
        : undefined;
    if (realm) wrong(`the sentence puts "${q.answer}" before "${realm}": no actor`);
    const placed = lead === 'organization' ? placeBeforeBlank(q.prompt) : null;
    if (placed) wrong(`the sentence puts "${q.answer}" after "${placed}": a place, not an organisation`);
    for (const c of q.choices) {
      if (lead !== 'country' && ctx.places.has(c.toLowerCase()) && !lookupCountry(c))
        wrong(`choice "${c}" is a place the text names, not an actor`);
    }
    for (const c of q.choices.filter((x) => x !== q.answer)) {
      const other = actorsNamed(ctx, c)[0];
      const oddChoice = notAnActor(c, other?.type ?? null);
      if (nameIsNoName(c)) wrong(`choice "${c}" is not a name`);
      else if (oddChoice) wrong(`choice ${oddChoice}`);
      else if (other && actor && other.type !== actor.type)
        wrong(`choice "${c}" is a ${other.type}, the answer a ${actor.type}`);
    }
  }
  if (q.answerType === 'date') {
    const answer = q.value ? parseDateValue(q.value) : null;
    for (const c of q.choices) {
      const hasDay = /\d{1,2}(?:–\d{1,2})?,/.test(c) || /^\p{L}+ \d{1,2}$/u.test(c);
      if (answer && (answer.grain === 'day') !== hasDay) wrong(`choice "${c}" is not a date of the answer's precision`);
    }
    // "Last ___" with "Friday" blanked cannot take "October 24, 2024": the blank holds a weekday, not a date.
    if (q.prompt.includes(BLANK) && !WRITTEN_DATE.test(q.support))
      wrong(`the blank stands for "${q.support}", not a written date`);
  }
  if (q.answerType === 'role') {
    for (const c of q.choices)
      if (/^\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)+$/u.test(c) && actorsNamed(ctx, c).length > 0)
        wrong(`choice "${c}" is a name, not a role`);
  }
}

// Words that put what follows in a place: "who reached ___", "a river near ___", "the road to ___".
const PLACE_LEAD =
  /(?:^|[\s(])((?:reached|reach|reaching|near|outside|towards?|(?:road|route|way|journey|convoy|trip) to|(?:town|village|camp|city) of|(?:arrived|lives?|living|born|based|camps?|clinic|hospital|site|shelters?|people|families|residents) in))\s+$/;

/** The words before the blank that make it a place ("reached"), or null. */
function placeBeforeBlank(prompt: string): string | null {
  const at = prompt.indexOf(BLANK);
  if (at < 0) return null;
  return PLACE_LEAD.exec(prompt.slice(Math.max(0, at - 40), at))?.[1] ?? null;
}

/**
 * "Technology Committee" beside "Senate Communications and Technology Committee": a name of two or more words that the
 * text only ever writes inside another actor's longer name is a piece of that name, not a body of its own.
 */
function checkFragments(ctx: JudgeContext, q: Question, out: Defect[]): void {
  if (q.answerType !== 'actor') return;
  const text = ctx.text.toLowerCase();
  for (const c of new Set([q.answer, ...q.choices])) {
    const name = c.trim();
    if (name.split(/\s+/).length < 2) continue;
    const own = new Set(actorsNamed(ctx, name));
    // "the ... department of the Communist Party Central Committee" names a part of a whole body: after "of"/"for" the
    // shorter name is that body's own, not a piece of a name.
    const longer = ctx.analysis.actors.filter((a) => {
      const at = a.name.toLowerCase().indexOf(name.toLowerCase());
      return (
        !own.has(a) &&
        a.name.length > name.length &&
        at >= 0 &&
        !/(?:^|\s)(?:of|for|at|to|in)(?:\s+the)?\s+$/i.test(a.name.slice(0, at))
      );
    });
    if (longer.length === 0) continue;
    const needle = name.toLowerCase();
    let free = false;
    for (let at = text.indexOf(needle); at >= 0 && !free; at = text.indexOf(needle, at + 1)) {
      free = !longer.some((a) => {
        const whole = a.name.toLowerCase();
        const offset = whole.indexOf(needle);
        return text.startsWith(whole, at - offset);
      });
    }
    if (!free)
      out.push({
        class: 'name-fragment',
        questionId: q.id,
        message: `"${name}" is only ever part of "${longer[0]?.name ?? ''}"`,
      });
  }
  for (const c of new Set([q.answer, ...q.choices])) {
    const named = actorsNamed(ctx, c);
    if (named.length > 0 && named.every((a) => a.type === 'organization') && gluedEverywhere(ctx.text, c.trim())) {
      out.push({
        class: 'name-fragment',
        questionId: q.id,
        message: `"${c}" is everywhere joined to more of a name by "and", "of" or "for"`,
      });
    }
  }
}

// "Senate Communications and | Technology Committee", "Office for the Coordination | of Humanitarian Affairs": an
// organisation's name the text never writes without more of a name around it is cut short. Before: two capitalised
// words and "and" ("the EU and China" has one), before a name that ends in an organisation word. After: "of"/"for" and a capitalised word, where the name itself does
// not end in an organisation word (a complete "Tessland Bank" may be "of" somewhere).
const GLUED_BEFORE = /\p{Lu}[\p{L}-]*\s+(\p{Lu}[\p{L}-]*)\s+and\s+$/u;
const GLUED_AFTER = /^\s+(?:of|for)\s+(?:the\s+)?\p{Lu}/u;

function gluedEverywhere(text: string, name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2) return false;
  const open = !isOrgHead(words[words.length - 1] ?? '');
  let seen = false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + name.length, at + name.length + 20);
    // ("the Police and Border Guard Board" may be two bodies: a word that closes a name of its own stands alone.)
    const joinedBy = GLUED_BEFORE.exec(before)?.[1];
    if (!(joinedBy && !isBodyWord(joinedBy) && !open) && !(open && GLUED_AFTER.test(after))) return false;
    seen = true;
  }
  return seen;
}

function checkRole(q: Question, out: Defect[]): void {
  const roles =
    q.answerType === 'role' ? [q.answer] : q.kind === 'match' ? (q.items ?? []).map((i) => i.match ?? '') : [];
  if (q.kind === 'role' && q.answerType === 'actor')
    roles.push(/^Who is (?:the |a |an )?(.+)\?$/.exec(q.prompt)?.[1] ?? '');
  for (const r of roles) {
    if (r !== '' && !isRealRole(r))
      out.push({ class: 'not-a-role', questionId: q.id, message: `"${r}" is not a role` });
  }
}

function checkDate(ctx: JudgeContext, q: Question, out: Defect[]): void {
  const bad = (message: string): void => {
    out.push({ class: 'date-disagrees', questionId: q.id, message });
  };
  if (q.kind === 'when' && q.value) {
    const parts = parseDateValue(q.value);
    if (!parts || dateLabel(parts) !== q.answer) bad(`answer "${q.answer}" is not the label of ${q.value}`);
    const { start, end } = q.evidence;
    const engine = ctx.analysis.dates.filter((d) => d.start >= start && d.end <= end && d.text === q.support);
    if (!engine.some((d) => d.value === q.value))
      bad(`the engine dates "${q.support}" ${engine.map((d) => d.value).join(', ') || 'nothing'}, not ${q.value}`);
    const ref = ctx.analysis.referenceDate;
    const tense = /^When (is|are|will|was|were)\b/.exec(q.prompt)?.[1];
    if (ref && tense && parts && parts.start.year !== null) {
      const last = parts.end ?? parts.start;
      const endKey = `${last.year}-${String(last.month ?? 12).padStart(2, '0')}-${String(last.day ?? 31).padStart(2, '0')}`;
      const startKey = `${parts.start.year}-${String(parts.start.month ?? 1).padStart(2, '0')}-${String(parts.start.day ?? 1).padStart(2, '0')}`;
      if (/is|are|will/.test(tense) && endKey < ref)
        bad(`"When ${tense}" for ${q.value}, before the article's date ${ref}`);
      if (/was|were/.test(tense) && startKey > ref)
        bad(`"When ${tense}" for ${q.value}, after the article's date ${ref}`);
    }
  }
  if (q.kind === 'timeline' && q.items) {
    const values = q.items.map((i) => parseDateValue(i.value ?? ''));
    for (let i = 1; i < values.length; i++) {
      const a = values[i - 1];
      const b = values[i];
      if (a?.start.year && b?.start.year && a.start.year > b.start.year)
        bad(`timeline lists ${q.items[i - 1]?.value} before ${q.items[i]?.value}`);
    }
  }
}

function checkOutside(ctx: JudgeContext, q: Question, out: Defect[]): void {
  // The support is a string: it is outside the body only when every place the sentence writes it is.
  const places: number[] = [];
  for (
    let at = q.evidence.text.indexOf(q.support);
    at >= 0 && q.support !== '';
    at = q.evidence.text.indexOf(q.support, at + 1)
  ) {
    places.push(q.evidence.start + at);
  }
  const support = places.length > 0 && places.every((p) => overlapsAny(ctx.outside, p, p + q.support.length));
  // A sentence wholly in the author's note or a caption; or the answer itself sitting in the dateline.
  const whole = ctx.outside.some((s) => s.start <= q.evidence.start && s.end >= q.evidence.end);
  if (support || whole)
    out.push({
      class: 'outside-body',
      questionId: q.id,
      message: `asks about "${q.support}" outside the article body`,
    });
  // Timeline and match items rest on sentences of their own.
  for (const item of q.items ?? []) {
    if (ctx.outside.some((s) => s.start <= item.evidence.start && s.end >= item.evidence.end)) {
      out.push({
        class: 'outside-body',
        questionId: q.id,
        message: `item "${item.label}" rests on text outside the article body`,
      });
    }
  }
}

function checkTrueFalse(q: Question, out: Defect[]): void {
  if (q.kind !== 'truefalse') return;
  const statement = quotedPart(q.prompt);
  const swap = (message: string): void => {
    out.push({ class: 'truefalse-swap', questionId: q.id, message });
  };
  if (q.answer === 'True' && statement !== q.evidence.text)
    swap('a true statement that is not the sentence as written');
  if (q.answer === 'False') {
    const change = swapOf(statement, q.evidence.text);
    if (!change || change.inserted === '') swap('a false statement that changes nothing');
    else if (contains(change.before, change.inserted) || contains(change.after, change.inserted)) {
      swap(`"${change.inserted}" swapped in where the sentence already names it`);
    }
  }
  if (QUOTED.test(statement) || HEDGED.test(statement)) {
    out.push({
      class: 'truefalse-not-factual',
      questionId: q.id,
      message: 'the statement quotes someone or states a view or forecast',
    });
  }
}

/** Every defect of one question; [] for a sound one. Questions across articles are judgeCross's (judge-cross.ts). */
export function judgeQuestion(q: Question, ctx: JudgeContext): Defect[] {
  const out: Defect[] = [];
  if (q.kind === 'role-change' || q.kind === 'event-order') return out;
  checkAnswerVisible(q, out, ctx);
  checkThinBlank(q, out);
  checkChoices(ctx, q, out);
  checkKind(ctx, q, out);
  checkFragments(ctx, q, out);
  checkRole(q, out);
  checkDate(ctx, q, out);
  checkOutside(ctx, q, out);
  checkTrueFalse(q, out);
  checkPromptReading(ctx, q, out);
  return out;
}

// Words before "the ..." that leave it no verb's object: a clause opener, a copula or a preposition.
const NOT_GOVERNING =
  /^(?:said|says|is|was|are|were|be|been|and|or|but|as|of|in|on|at|for|from|to|during|after|before|since|until|ahead|with|by)$/i;

/** What the prompt's own words show it misread: see the 'prompt-misreads' class. */
function checkPromptReading(ctx: JudgeContext, q: Question, out: Defect[]): void {
  const bad = (message: string): void => {
    out.push({ class: 'prompt-misreads', questionId: q.id, message });
  };
  const when = q.kind === 'when' ? /^When (is|are|was|were) (the .+)\?$/.exec(q.prompt) : null;
  if (when?.[1] && when[2]) {
    const np = when[2];
    // The head is the noun before any "of": "the dates of next year's tournament" is plural.
    const head = (/^(.*?)\s+of\s/.exec(np)?.[1] ?? np).split(/\s+/).pop() ?? '';
    const plural = /[^s’']s$/.test(head);
    if (plural !== /are|were/.test(when[1])) bad(`"When ${when[1]}" with "${head}"`);
    const at = q.evidence.text.toLowerCase().indexOf(np.toLowerCase());
    const lead = at > 0 ? (/([\p{L}’'-]+)\s*$/u.exec(q.evidence.text.slice(0, at))?.[1] ?? '') : '';
    if (lead !== '' && !NOT_GOVERNING.test(lead) && /^\p{Ll}/u.test(lead) && (isVerb(lead) || isPastTenseVerb(lead))) {
      bad(`"${np}" is the object of "${lead}", not the event the date is about`);
    }
  }
  // A one-word "organisation" the text also writes after a capitalised word that is no organisation's is a surname:
  // "Nadiya Horbenko ... Horbenko said" is a person.
  if (q.kind === 'quote' && q.prompt.startsWith('Which organisation said') && /^\p{Lu}\p{Ll}+$/u.test(q.answer)) {
    const full = new RegExp(`(?:^|[^\\p{L}])(\\p{Lu}\\p{Ll}+) ${q.answer}(?![\\p{L}])`, 'u').exec(ctx.text);
    const given = full?.[1];
    if (
      given &&
      !/^(?:The|A|An)$/.test(given) &&
      !actorsNamed(ctx, `${given} ${q.answer}`).some((a) => a.type !== 'person') &&
      !isOrgHead(given)
    )
      bad(`"${q.answer}" is written "${given} ${q.answer}": a person's name, asked as an organisation`);
  }
}

function promptKey(q: Question): string {
  // Timeline and match prompts are the same words every time; their items tell them apart.
  return fold(q.kind === 'timeline' || q.kind === 'match' ? `${q.prompt} ${q.answer}` : q.prompt)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every defect of a quiz: each question's, then duplicate prompts and the true/false share. */
export function judgeQuiz(questions: readonly Question[], analysis: ExtractionResult, text: string): Defect[] {
  const ctx = judgeContext(analysis, text);
  const out = questions.flatMap((q) => judgeQuestion(q, ctx));
  const seen = new Map<string, string>();
  for (const q of questions) {
    const key = promptKey(q);
    const first = seen.get(key);
    if (first)
      out.push({
        class: 'duplicate-prompt',
        questionId: q.id,
        message: `same prompt as ${first}: ${q.prompt.slice(0, 80)}`,
      });
    else seen.set(key, q.id);
  }
  const tf = questions.filter((q) => q.kind === 'truefalse').length;
  if (questions.length >= 4 && tf > questions.length / 4) {
    out.push({
      class: 'truefalse-share',
      questionId: '',
      message: `${tf} of ${questions.length} questions are true/false`,
    });
  }
  return out;
}
