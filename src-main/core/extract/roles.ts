/** Roles written around a person's name: appositions, "X is a ...", and lower-case titles before the name. */
import { isRoleNoun, isTitleModifier } from './titles';

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

const STOP_AT = /\s+(?:who|which|that|said|says|told|added|argued|noted|when|while|whose)\b/;

function hasRoleNoun(phrase: string): boolean {
  const words = phrase.split(/\s+/).slice(0, 5);
  return words.some((w) => /^[\p{Ll}\p{Lu}]/u.test(w) && isRoleNoun(w.replace(/[’'].*$/, '')));
}

function cut(phrase: string): string {
  const stop = STOP_AT.exec(phrase);
  return (stop ? phrase.slice(0, stop.index) : phrase).trim();
}

/** Roles after a person mention ending at `end`; empty when the text there is no apposition or copula. */
export function rolesAfter(text: string, end: number): RoleFinding {
  const after = text.slice(end, end + 220);
  const found: RoleFinding = { roles: [], orgs: [] };
  const appo = /^,\s+(?:(?:a|an|the)\s+)?([^,;:.()“”"!?]{2,180})/u.exec(after);
  const copula = /^\s+(?:is|was)\s+(?:a|an|the)\s+([^,;:.()“”"!?]{2,160})/u.exec(after);
  const m = appo ?? copula;
  if (!m?.[1]) return found;
  const phrase = cut(m[1]);
  const phraseStart = end + m[0].length - m[1].length;
  if (!/^[\p{Ll}]/u.test(phrase) && !/^[A-Z]{2,5}\b/.test(phrase)) return found;
  const parts = copula && !appo ? phrase.split(/\s+and\s+/) : [phrase];
  const roles = parts.every(hasRoleNoun) ? parts : hasRoleNoun(phrase) ? [phrase] : [];
  found.roles = roles;
  if (roles.length > 0) found.orgs = orgsInRole(phrase, phraseStart);
  return found;
}

// "the external liaison department of the Communist Party ..." and "journalist for News Rebeat".
function orgsInRole(phrase: string, base: number): RoleOrg[] {
  const out: RoleOrg[] = [];
  const unit = /\b((?:[\p{Ll}]+\s+){0,3}(?:department|ministry|office|bureau|division|committee|agency|unit|lab|laboratory|institute|directorate)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}’'\s-]*[\p{L}])/u.exec(phrase);
  if (unit?.[1]) {
    const lead = unit[1].replace(/^(?:the|a|an|its|his|her)\s+/, '');
    const start = base + unit.index + (unit[1].length - lead.length);
    out.push({ start, end: start + lead.length, name: lead });
  }
  const named = /\b(?:at|for|with|of)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+\p{Lu}[\p{L}\p{N}’'&.-]*)*)/gu;
  for (let m = named.exec(phrase); m; m = named.exec(phrase)) {
    const name = m[1] ?? '';
    const start = base + m.index + m[0].length - name.length;
    if (!out.some((o) => start >= o.start && start < o.end)) out.push({ start, end: start + name.length, name });
  }
  return out;
}

/** A lower-case title right before the name ("chief executive Tim Cook", "its chief financial officer, Kenji Watanabe"). */
export function roleBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 60), start);
  const appositive = /\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Oo]ur)\s+((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+),\s*$/u.exec(before);
  if (appositive?.[1] && isRoleNoun(appositive[1].split(/\s+/).pop() ?? '')) return appositive[1];
  const m = /((?:[\p{L}-]+\s+){1,3})$/u.exec(before);
  if (!m?.[1]) return null;
  const all = m[1].trim().split(/\s+/);
  const last = all[all.length - 1] ?? '';
  if (!/^\p{Ll}/u.test(last) || !isRoleNoun(last)) return null;
  // Walk back over title words: lower-case ones, or a capitalised one opening the title ("Chief executive").
  const words: string[] = [];
  for (let k = all.length - 1; k >= 0; k--) {
    const w = all[k] ?? '';
    if (!(isRoleNoun(w) || isTitleModifier(w))) break;
    words.unshift(w);
    if (/^\p{Lu}/u.test(w)) break;
  }
  return words.join(' ');
}
