/** Turns a capitalised chunk into person / organisation mentions, splitting off titles and embedded orgs. */
import type { Chunk } from './chunks';
import { lookupCountry } from './countries';
import {
  isAcronym,
  isCommonWord,
  isFirstName,
  isFunctionWord,
  isKnownOrganization,
  isKnownWord,
  isLastName,
  isPastTenseVerb,
  isPlaceName,
  isVerb,
  isVerbLikeFunctionWord,
} from './lexicon';
import type { RawMention } from './mentions';
import {
  isCelestialBody,
  isNamedOrganization,
  isNonActorHead,
  isNotOrgAcronym,
  isOrgHead,
  isPlaceStart,
  isSeatMetonym,
} from './organizations';
import { isRoleNoun, isTitleCore, isTitleModifier } from './titles';
import type { Token } from './tokens';
import { orgMention, personMention, type SentenceContext, surfaceOf } from './sentence-context';
import { splitTitle } from './title-split';
import { roleBefore } from './roles';
import { isHolidayName } from './holidays';

// Drops a leading article and a sentence-initial common word ("In", "Moreover", "The").
function trim(ctx: SentenceContext, chunk: Chunk): Chunk & { hadThe: boolean } {
  let { from } = chunk;
  let to = chunk.to;
  let hadThe = false;
  const first = ctx.tokens[from];
  if (first && /^(the|a|an)$/.test(first.lower)) {
    hadThe = first.lower === 'the';
    from++;
  } else if (first?.isInitial && droppableInitial(ctx, first, ctx.tokens[to - 1])) {
    from++;
  }
  // Trailing connectors and stray capitalised function words ("Kim Jong-un It appears") are not part of a name.
  while (to > from) {
    const last = ctx.tokens[to - 1];
    if (!last || !last.isWord || /^(of|for|to|de|and|&|the|on)$/.test(last.lower)) to--;
    // "Otieno Were", "Amara Will": a capitalised verb-like word right after a given name, inside the sentence, is a
    // family name ("It" after a name never is).
    else if (isFunctionWord(last.text) && !surnameAfterGivenName(ctx, to - 1, from)) to--;
    // A score after a team ("Chelsea 2-1") is not part of its name.
    else if (to - from > 1 && /^\d+[-–]\d+$/.test(last.text)) to--;
    else break;
  }
  return { from, to, hadThe };
}

// A capitalised copula or modal ("Were", "Will", "May", "Can") after a given name, not at the sentence's start.
function surnameAfterGivenName(ctx: SentenceContext, i: number, from: number): boolean {
  const tk = ctx.tokens[i];
  const prev = ctx.tokens[i - 1];
  if (!tk || !prev || i - 1 < from || !tk.isCap || !tk.spaceBefore || !prev.isWord) return false;
  if (!isVerbLikeFunctionWord(tk.text)) return false;
  // A given name the lexicon lacks counts when a title stands before it ("Minority Leader Otieno Were").
  const titled = i - 2 >= from && isTitleCore(ctx.tokens[i - 2]?.text ?? '') && !isKnownWord(prev.text);
  return isFirstName(prev.text) || titled;
}

// Prepositions the lexicon files under other classes ("under" is an adjective there): "Under European Union rules".
const LEADING_PREPOSITION =
  /^(?:under|over|after|before|during|since|until|with|without|within|across|against|among|amid|between|beyond|despite|following|inside|outside|via|into|upon|towards?|like|unlike|throughout)$/;

function droppableInitial(ctx: SentenceContext, first: Token, last: Token | undefined): boolean {
  if (isTitleCore(first.text) || isTitleModifier(first.text) || isFirstName(first.text)) return false;
  // "North Korean ..." starts a country; "Park Won-gon" is a romanised name whose family name is also a word.
  const i = ctx.tokens.indexOf(first);
  const next = ctx.tokens[i + 1];
  if (next && (lookupCountry(`${first.text} ${next.text}`) || /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(next.text))) return false;
  if (isFunctionWord(first.text) || LEADING_PREPOSITION.test(first.lower)) return true;
  if (!isCommonWord(first.text) || ctx.docCaps.has(first.lower)) return false;
  return !(last && last !== first && isOrgHead(last.text));
}

/** Person and organisation mentions in one chunk; countries are left to the gazetteer scan. */
export function classifyChunk(ctx: SentenceContext, chunk: Chunk): RawMention[] {
  const t = trim(ctx, chunk);
  if (t.to <= t.from) return [];
  // "Limassol-based Anemos Bulk", "Czech Klára Veselá": where something is based, or a nationality, is no part of the
  // name that follows it.
  const lead = ctx.tokens[t.from];
  if (
    lead &&
    t.to - t.from > 1 &&
    (/-based$/i.test(lead.text) ||
      (lookupCountry(lead.text)?.kind === 'demonym' &&
        !lookupCountry(surfaceOf(ctx, t.from, t.from + 2)) &&
        !isTitleCore(ctx.tokens[t.from + 1]?.text ?? '') &&
        !isTitleModifier(ctx.tokens[t.from + 1]?.text ?? '') &&
        // "Nigerian Institute of Architects" is the body's own name.
        !ctx.tokens.slice(t.from, t.to).some((tk) => isOrgHead(tk.text))))
  ) {
    const rest = classifyChunk(ctx, { from: t.from + 1, to: t.to });
    // "Norwegian Tove Rask": two or three names after a nationality are a person's, known to the lexicon or not.
    const words = ctx.tokens.slice(t.from + 1, t.to).filter((tk) => tk.isWord);
    if (
      rest.length === 0 &&
      !/-based$/i.test(lead.text) &&
      words.length >= 2 &&
      words.length <= 3 &&
      words.every((tk) => /^\p{Lu}\p{Ll}/u.test(tk.text) && !isCommonWord(tk.text))
    )
      return [personMention(ctx, t.from + 1, t.to, null)];
    return rest;
  }
  if (lead && isPlaceStart(lead.text) && t.to - t.from > 1) return [];
  // "4.99%" and "2-1" hold no name.
  if (!ctx.tokens.slice(t.from, t.to).some((tk) => /\p{L}/u.test(tk.text))) return [];
  const parts = splitAtCountryHyphens(ctx, t.from, t.to);
  if (parts.length > 1) return parts.flatMap((p) => classifyChunk(ctx, p));
  const surface = surfaceOf(ctx, t.from, t.to);
  if (isNamedOrganization(surface)) {
    return [orgMention(ctx, t.from, t.to, t.hadThe && isSeatMetonym(surface))];
  }
  if (ctx.clubs?.has(surface.toLowerCase()) && !lookupCountry(surface)) return [orgMention(ctx, t.from, t.to, false)];
  // In a sports report "the Magpies", "the Blues" are nicknames of teams named elsewhere, not further actors.
  if (
    ctx.clubs &&
    ctx.clubs.size > 0 &&
    (t.hadThe || ctx.tokens[t.from - 1]?.lower === 'the') &&
    t.to - t.from === 1 &&
    /^\p{Lu}\p{Ll}+s[’']?$/u.test(surface) &&
    !isNamedOrganization(surface)
  )
    return [];
  if (lookupCountry(surface) || isPlaceName(surface) || isHolidayName(surface) || isCelestialBody(surface)) return [];
  const last = ctx.tokens[t.to - 1];
  if (!last || isNonActorHead(last.text)) return [];
  if (isOrgHead(last.text) && t.to - t.from >= 2) return [orgMention(ctx, t.from, t.to, false)];
  // "SpaceX Falcon Heavy", "OpenAI": a company's camel-case brand, then perhaps a product of its own.
  if (isCamelBrand(ctx.tokens[t.from]?.text ?? '')) return [orgMention(ctx, t.from, t.from + 1, false)];
  const titled = splitTitle(ctx, t.from, t.to);
  if (titled) return titled;
  if (isOrgShaped(ctx, t.from, t.to)) return [orgMention(ctx, t.from, t.to, false)];
  return plainName(ctx, t.from, t.to);
}

/**
 * A brand written in camel case ("SpaceX", "PayPal", "YouTube", "OpenAI", "BlackRock"): a capital inside the word after
 * at least three letters. Family names with a capitalised particle ("MacArthur", "FitzGerald", "VanDyke") and the
 * shorter "McCarthy", "DeSantis", "LeBron" are people's.
 */
export function isCamelBrand(word: string): boolean {
  const m = /^(\p{Lu}\p{Ll}{2,})\p{Lu}[\p{L}\p{N}]*$/u.exec(word);
  return m !== null && !/^(?:Mac|Fitz|Van|Von|Del|Della|Dal|Den|Ter|Ten|Dos|Das|San|Saint)$/.test(m[1] ?? '');
}

// Lower-case nouns for kinds of organisation: "the electoral service Servel", "chipmakers Intel and AMD".
const ORG_KIND =
  /^(?:company|companies|firm|firms|group|agency|service|regulator|watchdog|carrier|airline|bank|lender|insurer|broker|brokerage|retailer|startup|start-up|charity|union|party|club|broadcaster|newspaper|network|operator|producer|supplier|manufacturer|giant|conglomerate|publisher|platform|developer|outlet|institute|ministry|organisation|organization|body|authority|consultancy|[a-z]+makers?)$/;

/**
 * Organisation by shape, before any guess at a person: an org word followed by "of"/"for" ("University of Leeds",
 * "Court of Appeals"), a capitalised acronym among other words ("NHS England", "Cancer Research UK"), or a name right
 * after a lower-case kind-of-organisation noun ("the electoral service Servel").
 */
function isOrgShaped(ctx: SentenceContext, from: number, to: number): boolean {
  const toks = ctx.tokens.slice(from, to);
  const words = toks.filter((tk) => tk.isWord);
  for (let k = 0; k + 1 < toks.length; k++) {
    const tk = toks[k];
    if (tk?.isWord && isOrgHead(tk.text) && /^(?:of|for)$/.test(toks[k + 1]?.lower ?? '')) return true;
    // "Panel on Climate Change", "Convention on Biological Diversity".
    if (tk?.isWord && /^(?:panel|convention|tribunal)$/i.test(tk.text) && toks[k + 1]?.lower === 'on') return true;
  }
  if (
    words.length >= 2 &&
    !words.some((tk) => isFirstName(tk.text)) &&
    words.some((tk) => isAcronym(tk.text) && !isNotOrgAcronym(tk.text))
  )
    return true;
  const prev = ctx.tokens[from - 1];
  return prev !== undefined && prev.isWord && !prev.isCap && ORG_KIND.test(prev.lower) && words.length <= 4;
}

// "US-China" and "North Korea-Russia" are two countries; "Coca-Cola" stays whole.
function splitAtCountryHyphens(ctx: SentenceContext, from: number, to: number): Chunk[] {
  const parts: Chunk[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (ctx.tokens[i]?.text !== '-') continue;
    const left = surfaceOf(ctx, start, i);
    const right = ctx.tokens[i + 1]?.text ?? '';
    if (lookupCountry(left) || lookupCountry(right) || isNamedOrganization(left) || isNamedOrganization(right)) {
      parts.push({ from: start, to: i });
      start = i + 1;
    }
  }
  parts.push({ from: start, to });
  return parts.filter((p) => p.to > p.from);
}

// A chunk with no title: a person when it looks like one, else a single-word candidate for later resolution.
function plainName(ctx: SentenceContext, from: number, to: number): RawMention[] {
  const toks = ctx.tokens.slice(from, to).filter((tk) => tk.isWord);
  const words = toks.map((tk) => tk.text);
  if (words.some((w) => lookupCountry(w)?.kind === 'name')) return [];
  // "analysts at Morgan Stanley", "joined from Samsung Electronics": people are rarely "at" or "from" somewhere.
  // ("rates at 5.25%" is a number, not a name.)
  // "a nurse from Recife", "residents from Kiato": a person from somewhere names a hometown, not an employer.
  if (ctx.tokens[from - 1]?.lower === 'from' && hometownBefore(ctx.tokens[from - 2])) return [];
  // "fled from Farchana", "arrived from Kathmandu": one word nothing else explains, after "from", is a place.
  if (
    ctx.tokens[from - 1]?.lower === 'from' &&
    toks.length === 1 &&
    !isAcronym(toks[0]?.text ?? '') &&
    !isCamelBrand(toks[0]?.text ?? '') &&
    !ctx.docCaps.has(`${toks[0]?.lower ?? ''}'s`) &&
    !isKnownOrganization(toks[0]?.text ?? '')
  )
    return [];
  if (/^(at|from)$/.test(ctx.tokens[from - 1]?.lower ?? '') && /^\p{L}/u.test(toks[0]?.text ?? ''))
    return [orgMention(ctx, from, to, false)];
  if (toks.length === 1) {
    const only = toks[0];
    // An ordinary word counts as a name only when the text never writes it in lower case ("Arsenal", not "Year").
    const ordinary = only && isCommonWord(only.text) && (only.isInitial || ctx.docLower.has(only.lower));
    if (!only || ordinary || only.text.length < 2) return [];
    return [personMention(ctx, from, to, null)];
  }
  // "Substitute Leandro Trossard": a known given name inside the chunk starts the person's name.
  const given = toks.findIndex((tk, k) => k > 0 && k < toks.length - 1 && isFirstName(tk.text));
  const givenToken = toks[given];
  if (givenToken && !isFirstName(toks[0]?.text ?? '')) {
    return [personMention(ctx, ctx.tokens.indexOf(givenToken), to, null)];
  }
  if (toks.length > 4 || toks.every((tk) => isCommonWord(tk.text))) return [];
  // "Britain's biggest ferry operator, Solent Lines, said": an apposition whose head is a kind of organisation.
  // ("a member of the union, Tom Breck," describes the member: a noun inside "of the ..." heads nothing.)
  const head = ctx.tokens[from - 2];
  const lead = ctx.tokens.slice(Math.max(0, from - 6), from - 2).map((tk) => tk.lower);
  if (
    ctx.tokens[from - 1]?.text === ',' &&
    head?.isWord &&
    !head.isCap &&
    ORG_KIND.test(head.lower) &&
    !lead.some((w) => /^(?:of|at|for|from|with|by|to|in|on)$/.test(w))
  ) {
    return [orgMention(ctx, from, to, false)];
  }
  if (orgApposition(ctx, to)) return [orgMention(ctx, from, to, false)];
  const first = words[0] ?? '';
  const lastWord = words[words.length - 1] ?? '';
  const romanised = words.some((w) => /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(w));
  if (
    isFirstName(first) ||
    isLastName(lastWord) ||
    romanised ||
    personContext(ctx, to) ||
    personOfCountry(ctx, from, toks, to) ||
    unknownNameBeforeVerb(ctx, toks, to) ||
    afterRoleNoun(ctx, from, toks) ||
    afterAppositiveRole(ctx, from, toks, to)
  ) {
    return [personMention(ctx, from, to, null)];
  }
  return [];
}

function hometownBefore(word: Token | undefined): boolean {
  if (!word?.isWord || word.isCap) return false;
  return (
    isRoleNoun(word.text) ||
    /^(?:man|woman|men|women|boy|girl|resident|residents|family|families|people|villagers|locals|native|mother|father|farmer|fisherman|student|pupil|voter|voters)$/.test(
      word.lower,
    )
  );
}

// "conservative senator Tomás Ebensperger", "striker Amadou Diallo": a lower-case role noun right before two or three
// capitalised words that are not ordinary words introduces a person.
function afterRoleNoun(ctx: SentenceContext, from: number, toks: Token[]): boolean {
  const prev = ctx.tokens[from - 1];
  if (!prev?.isWord || prev.isCap || !isRoleNoun(prev.text)) return false;
  return toks.length <= 3 && toks.every((tk) => /^\p{Lu}\p{Ll}/u.test(tk.text) && !isCommonWord(tk.text));
}

// "The bank's chief economist, Huw Pill, said": a possessive or determiner, a lower-case title and a comma right
// before two or three capitalised words closed by a comma, a full stop or a verb introduce a person.
function afterAppositiveRole(ctx: SentenceContext, from: number, toks: Token[], to: number): boolean {
  const first = ctx.tokens[from];
  if (ctx.tokens[from - 1]?.text !== ',' || !first || toks.length < 2 || toks.length > 3) return false;
  if (!toks.every((tk) => /^\p{Lu}\p{Ll}/u.test(tk.text))) return false;
  const next = ctx.tokens[to];
  if (next && !/^[,.;:]$/.test(next.text) && !(next.isWord && /^\p{Ll}+$/u.test(next.text))) return false;
  return roleBefore(ctx.text, first.start - ctx.base) !== null;
}

// Two or three words no lexicon knows, followed by a verb: "Leandro Trossard struck", "Amara Okoye says". A noun after
// them makes them a modifier ("the Europa Clipper spacecraft"), not a person.
function unknownNameBeforeVerb(ctx: SentenceContext, toks: Token[], to: number): boolean {
  if (
    toks.length > 3 ||
    toks.some((tk) => isCommonWord(tk.text) || isKnownWord(tk.text) || !/^\p{Lu}\p{Ll}/u.test(tk.text))
  )
    return false;
  const next = ctx.tokens[to];
  if (next === undefined || !next.isWord || !/^\p{Ll}+$/u.test(next.text) || isFunctionWord(next.text)) return false;
  return isPastTenseVerb(next.text) || isVerb(next.text) || /(?:ed|s)$/.test(next.text);
}

// "X, a professor", "X, head of", "X said": what follows a bare name says it is a person.
// "Brannock Freight, a unit of Tessco Group,": an apposition whose head (last word before "of", "owned" or the end of
// the phrase) is a kind of organisation describes a body, not a person ("Ana Lima, a union member," heads on member).
const ORG_APPOSITION =
  /^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:unit|subsidiary|division|arm|affiliate|branch|company|firm|group|carrier|airline|bank|lender|insurer|retailer|broadcaster|newspaper|operator|producer|supplier|manufacturer|publisher|conglomerate|startup|charity|[a-z]+makers?)(?:\s+(?:of|owned|based|that|which)\b|\s*[,.;])/u;

function orgApposition(ctx: SentenceContext, to: number): boolean {
  const end = ctx.tokens[to - 1]?.end ?? 0;
  return ORG_APPOSITION.test(ctx.text.slice(end - ctx.base, end - ctx.base + 60));
}

function personContext(ctx: SentenceContext, to: number): boolean {
  const end = ctx.tokens[to - 1]?.end ?? 0;
  const after = ctx.text.slice(end - ctx.base, end - ctx.base + 40);
  if (/^,\s+(?:a|an|the|who|head|chief|director)\b/.test(after) || /^\s+(?:said|says|told|added)\b/.test(after))
    return true;
  // "Horbenko, 19, saves ...": an age in commas right after a name is a person's.
  if (/^,\s+\d{1,3},/.test(after)) return true;
  return false;
}

// "Nadiya Horbenko of Ukraine won": the country a player or athlete stands for, after two or three name words the
// lexicon does not know as ordinary words and no "the" ("the Archaeological Survey of India" is a body).
function personOfCountry(ctx: SentenceContext, from: number, toks: Token[], to: number): boolean {
  if (toks.length < 2 || toks.length > 3 || ctx.tokens[from - 1]?.lower === 'the') return false;
  if (toks.some((tk) => isCommonWord(tk.text) || isKnownWord(tk.text) || !/^\p{Lu}\p{Ll}/u.test(tk.text))) return false;
  const end = ctx.tokens[to - 1]?.end ?? 0;
  const of = /^\s+of\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)/u.exec(
    ctx.text.slice(end - ctx.base, end - ctx.base + 40),
  );
  return of !== null && lookupCountry(of[1] ?? '')?.kind === 'name';
}
