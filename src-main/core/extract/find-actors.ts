/** Finds every actor mention in a document (countries, people, organisations) and merges them into actors. */
import { outsideBody, overlapsAny } from './article-parts';
import { mergeActors } from './actors';
import { findChunks } from './chunks';
import { classifyChunk } from './classify';
import type { SentenceContext } from './sentence-context';
import { findCountries } from './countries';
import { HOLIDAY_RE } from './holidays';
import type { RawMention } from './mentions';
import { agentRoleBefore, roleBefore, rolesAfter } from './roles';
import { placeNames } from './places';
import { findClubs } from './sport';
import type { Sentence } from './sentences';
import { tokenize } from './tokens';
import type { Actor, Span } from './types';

const PLACE_BEFORE = /\b(?:in|near|outside|around|across|throughout)\s+$/;
const ORG_CONTEXT =
  /^(?:\s*['’]s)?\s+(?:said|says|announced|reported|unveiled|launched|posted|plans|shares|stock|revenue|profit|sales|earnings|executives|spokesperson)\b/;

export interface DocumentTokens {
  sentences: Sentence[];
  contexts: SentenceContext[];
}

/** Tokenises each sentence and collects the words seen capitalised mid-sentence anywhere in the text. */
export function prepare(sentences: Sentence[]): DocumentTokens {
  const docCaps = new Set<string>();
  const docLower = new Set<string>();
  const clubs = findClubs(sentences.map((s) => s.text).join('\n'));
  const contexts = sentences.map((s) => {
    const tokens = tokenize(s.text, s.start);
    for (const t of tokens) {
      if (t.isCap && !t.isInitial) docCaps.add(t.lower);
      if (t.isWord && !t.isCap) docLower.add(t.lower);
    }
    return { text: s.text, base: s.start, tokens, docCaps, docLower, clubs };
  });
  return { sentences, contexts };
}

function countryMentions(ctx: SentenceContext): RawMention[] {
  return findCountries(ctx.tokens).map((h) => {
    const a = ctx.tokens[h.from];
    const b = ctx.tokens[h.to - 1];
    const start = a?.start ?? 0;
    const end = b?.end ?? start;
    const surface = ctx.text.slice(start - ctx.base, end - ctx.base);
    return {
      type: 'country',
      start,
      end,
      name: h.entry.name,
      surface,
      title: null,
      roles: [],
      code: h.entry.code,
      partial: false,
    };
  });
}

function holidaySpans(ctx: SentenceContext): [number, number][] {
  const spans: [number, number][] = [];
  HOLIDAY_RE.lastIndex = 0;
  for (let m = HOLIDAY_RE.exec(ctx.text); m; m = HOLIDAY_RE.exec(ctx.text)) {
    spans.push([ctx.base + m.index, ctx.base + m.index + m[0].length]);
  }
  return spans;
}

function enrichPerson(text: string, m: RawMention): RawMention[] {
  const after = rolesAfter(text, m.end, m.start);
  // "The hospice's chief executive, Dr. Priya Nair": a form of address does not hide the role before it.
  const titleStart = m.title === null ? m.start : text.lastIndexOf(m.title, m.start);
  const before =
    m.title === null || m.roles.length === 0 ? roleBefore(text, titleStart < 0 ? m.start : titleStart) : null;
  const agent = agentRoleBefore(text, titleStart < 0 ? m.start : titleStart);
  const roles = [...m.roles, ...after.roles, ...(before ? [before] : []), ...(agent ? [agent] : [])];
  const orgContext = m.partial && m.title === null && ORG_CONTEXT.test(text.slice(m.end, m.end + 40));
  const placeContext =
    m.partial && m.title === null && PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 14), m.start));
  const orgs: RawMention[] = after.orgs.map((o) => ({
    type: 'organization',
    start: o.start,
    end: o.end,
    name: o.name,
    surface: o.name,
    title: null,
    roles: [],
    partial: false,
    weak: !/^[\p{Ll}]/u.test(o.name),
  }));
  return [{ ...m, roles, orgContext, placeContext }, ...orgs];
}

// Nouns after a name that make it a dynasty, empire, kingdom, clan, tribe or period ("the Chola dynasty").
// Written without a possessive: "Genghis Khan's empire" and "the Merkel era" still name a person.
const DYNASTY_AFTER =
  /^\s+(?:dynasty|dynasties|empire|empires|kingdom|kingdoms|clan|clans|tribe|tribes|era|period|caliphate|sultanate|shogunate|khanate)\b/;

// An organisation, or a lone untitled word read as a person ("Chola"); "the Merkel era" keeps Angela Merkel's mention
// when she is named in full.
function dynastyName(m: RawMention): boolean {
  return m.type === 'organization' || (m.type === 'person' && m.title === null && !m.name.includes(' '));
}

function sentenceMentions(text: string, ctx: SentenceContext, dateSpans: Span[]): RawMention[] {
  // Holidays and dates ("Day of the Sun", "May 25") are capitalised but name no actor.
  const holidays = [...holidaySpans(ctx), ...dateSpans.map((d): [number, number] => [d.start, d.end])];
  const out: RawMention[] = [];
  for (const chunk of findChunks(ctx.tokens)) {
    const a = ctx.tokens[chunk.from]?.start ?? 0;
    if (holidays.some(([s, e]) => a >= s && a < e)) continue;
    for (const m of classifyChunk(ctx, chunk)) {
      // "under the Chola dynasty", "the Mughal empire", "the Zulu kingdom": a ruling house, realm or age, no actor.
      if (dynastyName(m) && DYNASTY_AFTER.test(text.slice(m.end, m.end + 24))) continue;
      out.push(...(m.type === 'person' ? enrichPerson(text, m) : [m]));
    }
  }
  const orgs = out.filter((m) => m.type === 'organization');
  // "China" inside "Communist Party of China" is part of a name; a leading "North Korean" still names the country.
  const countries = countryMentions(ctx).filter((c) => !orgs.some((o) => c.start > o.start && c.end <= o.end));
  return [...countries, ...out];
}

// Wire datelines: "GENEVA —", "AUSTIN, Texas (AP) —", "SANTIAGO, Nov 17 (Reuters) -". A place in capitals, then
// optional region or date, optional agency, then a dash.
const DATELINE =
  /^\s*\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,[^\n—–()]{1,60}?)?(?:\s*\([^()\n]{1,30}\))?\s*(?:[—–]|--?\s)\s*/u;

/** End offset of a wire dateline at the top of the text, or 0. It names where the story was filed, not an actor. */
export function datelineEnd(text: string): number {
  const m = DATELINE.exec(text);
  return m ? m[0].length : 0;
}

/**
 * The wire dateline as [start, end): at the top of the text, or opening the first paragraph after a one-line headline
 * ("Jupiter probe lifts off\n\nCAPE CANAVERAL, Florida - ..."). [0, 0] when there is none.
 */
export function datelineSpan(text: string): [number, number] {
  const top = datelineEnd(text);
  if (top > 0) return [0, top];
  const head = /^[^\n]{1,160}\n\s*\n/.exec(text);
  if (!head) return [0, 0];
  const end = datelineEnd(text.slice(head[0].length));
  return end > 0 ? [head[0].length, head[0].length + end] : [0, 0];
}

function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^[\p{Lu}\p{N}]/u.test(w))
    .map((w) => w[0])
    .join('');
}

/**
 * "Digital Lenders Association of Kenya (DLAK)" chunked as "... of" + "Kenya": when the mention's initials fall short
 * of the bracketed acronym, the capitalised words and joiners before it that complete the acronym are its name too.
 * Bounded: at most eight words back.
 */
function spelledBy(text: string, m: RawMention, acronym: string): RawMention {
  if (initialsOf(m.name) === acronym) return m;
  const before = text.slice(Math.max(0, m.start - 120), m.start);
  const words = /((?:(?:\p{Lu}[\p{L}&’'-]*|of|for|and|the|on|&)\s+){1,8})$/u.exec(before)?.[1] ?? '';
  const parts = words
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  for (let i = parts.length - 1; i >= 0; i--) {
    if (!/^\p{Lu}/u.test(parts[i] ?? '')) continue;
    const lead = parts.slice(i).join(' ');
    const name = `${lead} ${m.name}`;
    if (initialsOf(name) === acronym) {
      const start = m.start - (before.length - before.lastIndexOf(lead));
      return text.slice(start, m.end) === name ? { ...m, start, name, surface: name, partial: false } : m;
    }
  }
  return m;
}

/**
 * "Association of Southeast Asian Nations (ASEAN)": an acronym in brackets right after an organisation names the same
 * body, there and wherever the text uses it later.
 */
function bracketAcronyms(text: string, raw: RawMention[]): RawMention[] {
  const full = new Map<string, string>();
  const mentions = raw.map((m) => {
    if (m.type !== 'organization') return m;
    const acronym = /^\s*\(([\p{Lu}][\p{Lu}\p{N}&]{1,9})\)/u.exec(text.slice(m.end, m.end + 16))?.[1];
    if (!acronym || acronym === m.name) return m;
    const whole = spelledBy(text, m, acronym);
    full.set(acronym, whole.name);
    return whole;
  });
  if (full.size === 0) return mentions;
  return mentions.map((m) => {
    const name = m.type === 'country' ? undefined : full.get(m.name);
    return name ? { ...m, type: 'organization', name, title: null, roles: [], partial: false } : m;
  });
}

const CALENDAR_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?$/;
const VESSEL = /^(?:MV|MS|MT|SS|HMS|HMAS|HMCS|USS|USNS|RV|FV|SV|RMS|INS)\s/;

// "Ana Lima Image": a picture's label run into the name beside it (a caption line with no punctuation).
const CAPTION_WORD = /\s+(?:Image|Photo|Photograph|Picture|Video|Caption|Credit|Illustration)$/;

function withoutCaptionWord(m: RawMention): RawMention {
  if (m.type !== 'person') return m;
  const cut = CAPTION_WORD.exec(m.name);
  if (!cut) return m;
  const name = m.name.slice(0, cut.index);
  return { ...m, name, surface: m.surface.replace(CAPTION_WORD, ''), end: m.end - cut[0].length };
}

/** All actors of the document, in order of first mention. */
export function findActors(text: string, doc: DocumentTokens, dateSpans: Span[] = []): Actor[] {
  const [skipFrom, skipTo] = datelineSpan(text);
  // The byline, captions and the writer's closing note are about the page: their names act in no story.
  const page = outsideBody(text);
  const mentions = doc.contexts
    .flatMap((ctx) => sentenceMentions(text, ctx, dateSpans))
    .filter((m) => m.start < skipFrom || m.start >= skipTo)
    .filter((m) => !overlapsAny(page, m.start, m.end))
    // "MV Arctic Tern", "HMS Valour": a vessel prefix names a ship, an object that acts in no story.
    .filter((m) => !VESSEL.test(m.name))
    .map(withoutCaptionWord)
    // A name begins with a letter or digit: "-Canadian" is the tail of "Brazilian-Canadian", a compound adjective.
    .filter((m) => /^[\p{L}\p{N}]/u.test(m.name));
  mentions.sort((a, b) => a.start - b.start);
  // "March was a hard month", "Friday's vote": a month or weekday alone names a time, not an actor (one that is an
  // alias of a fuller name, "May" for "Theresa May", was merged into it above and keeps its canonical name).
  // "reached Tessport", "the road to Tessport": a name the text uses as a town, camp or village is a place, and
  // places are no actors (countries are found by the gazetteer and kept).
  const places = placeNames(text);
  return mergeActors(bracketAcronyms(text, mentions))
    .filter((a) => !CALENDAR_WORD.test(a.name))
    .filter((a) => a.type === 'country' || !isPlace(a, places));
}

function isPlace(a: Actor, places: Set<string>): boolean {
  if (!places.has(a.name.toLowerCase())) return false;
  // A person is a place only when named by one word that nothing else explains ("Farchana", not "Ana Lima").
  return a.type === 'organization' || (a.type === 'person' && !a.name.includes(' ') && a.roles.length === 0);
}
