/** Roles written around a person's name: appositions, "X is a ...", and lower-case titles before the name. */
import { isRoleNoun, isTitleModifier } from './titles';
import { lookupCountry } from './countries';

export interface RoleOrg {
  start: number;
  end: number;
  name: string;
}

export interface RoleFinding {
  roles: string[];
  /** Organisations named inside the role ("external liaison department of the ...", "News Rebeat"). */
  orgs: RoleOrg[];
}

// The verbs that follow an apposition: "Ana Souza, the mayor, said ...".
const SPEECH_VERB =
  'said|says|told|tells|added|argued|noted|warned|wrote|explained|insisted|confirmed|announced|stated|replied|recalled';
// Where a role phrase ends: a relative clause, or the verb of the sentence.
const STOP_AT = new RegExp(`\\s+(?:who|which|that|when|while|whose|${SPEECH_VERB})\\b`);
// A phrase that opens with the verb is no apposition: in "Dr. Ana Souza, told reporters" the comma closed one that
// stood before the name. ("Bello, who became minister of ..." is still read: relative clauses are cleaned later.)
// A copula after the comma too: in "Rosa, now played by Carmen Aldaco, is a hospital administrator" the job is the
// character's, whose name stood before the aside.
const VERB_FIRST = new RegExp(
  `^(?:${SPEECH_VERB}|is|was|are|were|has|had|will|would|becomes|became|remains|remained)\\b`,
);
// A cast credit: "played by X", "voiced by X". What the sentence says next describes the character, not the actor.
const CAST_CREDIT = /\b(?:played|portrayed|voiced|performed)\s+by\s+$/;

// "director-general", "secretary-general", "attorney-general": a hyphenated compound is a role when a part is one.
function roleWord(w: string): boolean {
  const bareWord = w.replace(/[’'].*$/, '');
  return isRoleNoun(bareWord) || (bareWord.includes('-') && bareWord.split('-').some((p) => p !== '' && isRoleNoun(p)));
}

function hasRoleNoun(phrase: string, lowerOnly = false): boolean {
  const words = phrase.split(/\s+/).slice(0, 5);
  return words.some((w) => (lowerOnly ? /^\p{Ll}/u : /^[\p{Ll}\p{Lu}]/u).test(w) && roleWord(w));
}

function cut(phrase: string): string {
  const stop = STOP_AT.exec(phrase);
  // A role is the noun phrase, never the copula that introduced it ("is a hospital administrator").
  return (stop ? phrase.slice(0, stop.index) : phrase)
    .trim()
    .replace(/^(?:is|was|are|were)\s+(?:(?:a|an|the)\s+)?/, '');
}

/** Roles after a person mention ending at `end`; empty when the text there is no apposition or copula. */
export function rolesAfter(text: string, end: number, start = end): RoleFinding {
  const after = text.slice(end, end + 220);
  const found: RoleFinding = { roles: [], orgs: [] };
  if (CAST_CREDIT.test(text.slice(Math.max(0, start - 30), start))) return found;
  // "Ana Souza, 52, a nurse from Recife": an age may stand between the name and its description.
  const appo = /^,\s+(?:\d{1,3},\s+)?(?:(?:a|an|the)\s+)?([^,;:.()“”"!?]{2,180})/u.exec(after);
  const copula = /^\s+(?:is|was)\s+(?:a|an|the)\s+([^,;:.()“”"!?]{2,160})/u.exec(after);
  const m = appo ?? copula;
  if (!m?.[1]) return found;
  if (VERB_FIRST.test(m[1])) return found;
  const phrase = cut(m[1]);
  const phraseStart = end + m[0].length - m[1].length;
  // A role starts in lower case or with an acronym ("WHO director-general"); a capitalised start ("the World Health
  // Organization's director-general") needs a lower-case role word, or "Smith, Jones and Brown" would be roles.
  if (!/^[\p{Ll}]/u.test(phrase) && !/^[A-Z]{2,5}\b/.test(phrase) && !hasRoleNoun(phrase, true)) return found;
  const parts = copula && !appo ? phrase.split(/\s+and\s+/) : [phrase];
  const roles = parts.every((p) => hasRoleNoun(p)) ? parts : hasRoleNoun(phrase) ? [phrase] : [];
  found.roles = roles;
  if (roles.length > 0) found.orgs = orgsInRole(phrase, phraseStart);
  return found;
}

// "the external liaison department of the Communist Party ..." and "journalist for News Rebeat".
function orgsInRole(phrase: string, base: number): RoleOrg[] {
  const out: RoleOrg[] = [];
  const unit =
    /\b((?:[\p{Ll}]+\s+){0,3}(?:department|ministry|office|bureau|division|committee|agency|unit|lab|laboratory|institute|directorate)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}’'\s-]*[\p{L}])/u.exec(
      phrase,
    );
  if (unit?.[1]) {
    const lead = unit[1].replace(/^(?:the|a|an|its|his|her)\s+/, '');
    const start = base + unit.index + (unit[1].length - lead.length);
    out.push({ start, end: start + lead.length, name: lead });
  }
  const named = /\b(?:at|for|with|of)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+\p{Lu}[\p{L}\p{N}’'&.-]*)*)/gu;
  for (let m = named.exec(phrase); m; m = named.exec(phrase)) {
    const name = m[1] ?? '';
    // "analyst at the Tessport consultancy Alto Horizonte": a name before a common noun and another name is the
    // firm's town used as an adjective; the firm is the later name.
    if (/^\s+\p{Ll}+\s+\p{Lu}/u.test(phrase.slice(m.index + m[0].length))) continue;
    const start = base + m.index + m[0].length - name.length;
    if (!out.some((o) => start >= o.start && start < o.end)) out.push({ start, end: start + name.length, name });
  }
  return out;
}

/** A lower-case title right before the name ("chief executive Tim Cook", "its chief financial officer, Kenji Watanabe"). */
export function roleBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 80), start);
  // "its chief financial officer, Kenji Watanabe", "The agency's regional director, Mohamed Fall", "Germany's
  // environment minister, Katrin Albers": a determiner or possessive, lower-case title words, a comma, the name.
  // The title may take an "of"/"for" complement in lower case ("the council's director of finance, Victoria Bradshaw").
  const appositive =
    /(?:\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Oo]ur)|(?:\b[Tt]he\s+)?((?:\p{Lu}[\p{L}.&-]*\s+){0,3}\p{L}[\p{L}.&-]*)['’]s)\s+((?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+)((?:\s+(?:of|for)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?)?),\s*$/u.exec(
      before,
    );
  const head = `${appositive?.[2] ?? ''}${appositive?.[3] ?? ''}`.split(/\s+(?:of|for)\s+/)[0] ?? '';
  if (appositive?.[2] && roleWord(head.split(/\s+/).pop() ?? '')) {
    appositive[2] += appositive[3] ?? '';
    // A named possessor belongs to the role ("Germany's environment minister"); "the agency's" adds nothing.
    // The possessor is every capitalised word of its name ("South Korea's", not "Korea's"), less a word that opens the
    // sentence or clause ("But Tessco's").
    // Nor does it reach back over a paragraph or a sentence's end ("… and China.\n\nKestrel's chief executive"),
    // while "U.S." keeps its points: a sentence ends after a lower-case letter.
    const owner = appositive[1]
      ?.split(/\s*\n\s*|(?<=\p{Ll}[.!?])\s+/u)
      .pop()
      ?.replace(
        /^(?:(?:But|And|Or|So|Yet|The|A|An|In|On|At|For|When|While|After|Before|As|If|Meanwhile|Now|Then)\s+)+/,
        '',
      );
    return owner && /^\p{Lu}/u.test(owner) ? `${owner}'s ${appositive[2]}` : appositive[2];
  }
  const m = /((?:[\p{L}-]+\s+){1,4})$/u.exec(before);
  if (!m?.[1]) return null;
  const all = m[1].trim().split(/\s+/);
  const last = all[all.length - 1] ?? '';
  if (!/^\p{Ll}/u.test(last) || !isRoleNoun(last.replace(EX_PREFIX, ''))) return null;
  // Walk back over title words: lower-case ones, or a capitalised one opening the title ("Chief executive"). A
  // nationality inside the title stays in it ("the former Spanish player"), and so does what makes a role past
  // ("former", "retired", "ex-"): dropping it would state a past role as a present one.
  const words: string[] = [];
  for (let k = all.length - 1; k >= 0; k--) {
    const w = all[k] ?? '';
    const bare = w.replace(EX_PREFIX, '');
    const demonym = k < all.length - 1 && lookupCountry(w)?.kind === 'demonym';
    if (!(isRoleNoun(bare) || isTitleModifier(bare) || PAST_MARK.test(w) || demonym)) break;
    words.unshift(w);
    if (/^\p{Lu}/u.test(w) && !demonym) break;
  }
  return words.join(' ');
}

const EX_PREFIX = /^ex-/i;
const PAST_MARK = /^(?:former|retired|onetime|one-time|erstwhile|late)$/i;

// "is coached by X", "was advised by X": the verb names what X is to the sentence's subject.
const AGENT_ROLE: Record<string, string> = {
  coached: 'coach',
  managed: 'manager',
  advised: 'adviser',
  trained: 'trainer',
};

/** The role a "coached/managed/advised/trained by" before the name (and any title after "by") gives the person. */
export function agentRoleBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 80), start);
  const m =
    /\b(coached|managed|advised|trained)\s+by\s+(?:(?:the|a|an|her|his|their)\s+)?((?:[\p{L}-]+\s+){0,4})$/u.exec(
      before,
    );
  if (!m?.[1]) return null;
  // Only title words may stand between "by" and the name: "managed by a firm whose founder X" is not X's role.
  const rest = (m[2] ?? '').split(/\s+/).filter((w) => w !== '');
  const title = rest.every(
    (w) =>
      isRoleNoun(w.replace(EX_PREFIX, '')) ||
      isTitleModifier(w.replace(EX_PREFIX, '')) ||
      PAST_MARK.test(w) ||
      lookupCountry(w)?.kind === 'demonym',
  );
  return title ? (AGENT_ROLE[m[1]] ?? null) : null;
}
