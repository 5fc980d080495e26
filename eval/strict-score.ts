/**
 * The strict scorer: the figures a reader can trust, beside the lenient ones of eval/score.ts.
 * - Actors: one-to-one, a predicted actor matches a gold actor when the types agree and one of its names (canonical or
 *   alias, titles stripped: "President Vladimir Putin" is "Vladimir Putin") equals a gold name, alias or acceptable
 *   name. A name that matches but with the wrong type is listed as a type error and counts as a miss and a false alarm.
 * - Roles: a predicted role matches a gold role when their head nouns agree ("Secretary General" and "General
 *   Secretary" both head on "secretary") and, when the gold role names an organisation or country, the predicted one
 *   names the same ("North Korean Ambassador to China" is not "Ambassador"); word stems shared elsewhere count for
 *   nothing. Units as in the lenient scorer: each gold role of a matched required actor is one recall unit, each
 *   predicted role one precision unit.
 * - Dates: detection by span overlap, one-to-one, largest overlap first; values exact or from the acceptable list.
 * - Micro-averaged over articles; every miss and false alarm is listed under its class.
 */
import { lookupCountry } from '@core/extract/countries';
import { isRoleNoun, isTitleCore, isTitleModifier } from '@core/extract/titles';
import type { Fixture, GoldActor } from './gold';
import { normName, prf, requiredFirst, scoreRoleSets, type Prediction, type Prf } from './score';

export type ErrorClass =
  | 'actor-missed'
  | 'actor-spurious'
  | 'actor-type'
  | 'role-missed'
  | 'role-wrong'
  | 'date-missed'
  | 'date-spurious'
  | 'value-wrong';

export const ERROR_CLASSES: readonly ErrorClass[] = [
  'actor-missed',
  'actor-spurious',
  'actor-type',
  'role-missed',
  'role-wrong',
  'date-missed',
  'date-spurious',
  'value-wrong',
];

export interface StrictScore {
  actors: Prf;
  roles: Prf;
  dates: Prf;
  values: Prf;
  /** Each miss and false alarm, by class. */
  errors: Record<ErrorClass, string[]>;
}

function emptyErrors(): Record<ErrorClass, string[]> {
  return Object.fromEntries(ERROR_CLASSES.map((c) => [c, []])) as unknown as Record<ErrorClass, string[]>;
}

/** A name without the titles before it ("Russian President Vladimir Putin" -> "vladimir putin"), normalised. */
export function strictName(name: string): string {
  const words = name.trim().split(/\s+/);
  let i = 0;
  // Titles, their qualifiers and the country words before them ("Chinese President") go; the name stays.
  while (i < words.length - 1) {
    const w = (words[i] ?? '').replace(/[.,]$/, '');
    const titleLike = isTitleCore(w) || isTitleModifier(w);
    const countryBeforeTitle =
      lookupCountry(w) !== null && words.slice(i + 1, -1).some((x) => isTitleCore(x.replace(/\.$/, '')));
    if (!titleLike && !countryBeforeTitle) break;
    i++;
  }
  return normName(words.slice(i).join(' '));
}

const PREPOSITION = /^(?:of|at|for|to|in|with|from|on|and)$/i;

function bareWord(w: string): string {
  return w
    .toLowerCase()
    .replace(/[’']s?$/, '')
    .replace(/[^\p{L}-]/gu, '');
}

/** The head noun of a role: the last office word before its first preposition, qualifiers passed over. */
export function roleHead(role: string): string | null {
  const words = role.trim().split(/\s+/);
  const cut = words.findIndex((w) => PREPOSITION.test(w));
  const before = (cut < 0 ? words : words.slice(0, cut)).flatMap((w) => bareWord(w).split('-')).filter((w) => w !== '');
  const nouns = before.filter((w) => isRoleNoun(w));
  const heads = nouns.filter((w) => !isTitleModifier(w));
  const head = heads[heads.length - 1] ?? nouns[nouns.length - 1] ?? null;
  // "ministers" and "minister" are one office; the plural is a different fact only in who holds it.
  return head === null ? null : head.replace(/(?<=[^s])s$/, '');
}

/** The organisations and countries a role names, as comparable keys (a country by its code, so "Russian" is Russia). */
export function roleQualifiers(role: string): Set<string> {
  const out = new Set<string>();
  const runs = role.match(/\p{Lu}[\p{L}’'.-]*(?:\s+(?:of\s+|the\s+|for\s+|and\s+)*\p{Lu}[\p{L}’'.-]*)*/gu) ?? [];
  for (const run of runs) {
    const clean = run.replace(/[’']s$/, '');
    const country = lookupCountry(clean);
    if (country) {
      out.add(`country:${country.code}`);
      continue;
    }
    // Title words in capitals ("Foreign Minister") qualify nothing; the rest is a name ("Bernstein", "Kremlin").
    const words = clean
      .split(/\s+/)
      .filter((w) => !isRoleNoun(bareWord(w)) && !isTitleModifier(bareWord(w)) && !/^(?:of|the|for|and)$/i.test(w));
    const sub = words.map((w) => lookupCountry(w.replace(/[’']s$/, '')));
    words.forEach((w, k) => {
      const c = sub[k];
      out.add(c ? `country:${c.code}` : `name:${w.toLowerCase().replace(/[’']s$/, '')}`);
    });
  }
  return out;
}

/** The strict role rule: same head noun, and the predicted role names every organisation or country the gold names. */
export function strictRolesMatch(predicted: string, gold: string): boolean {
  const hp = roleHead(predicted);
  if (hp === null || hp !== roleHead(gold)) return false;
  const qp = roleQualifiers(predicted);
  return [...roleQualifiers(gold)].every((q) => qp.has(q));
}

function goldNames(g: GoldActor): Set<string> {
  return new Set([g.name, ...g.aliases, ...(g.acceptableNames ?? [])].map(strictName));
}

function predNames(p: Prediction['actors'][number]): string[] {
  return [p.name, ...p.aliases].map(strictName);
}

function matchActors(fx: Fixture, pred: Prediction): Map<number, number> {
  const gold = fx.gold.actors;
  const pairs = new Map<number, number>();
  // Required gold first, so an optional one never takes the prediction a required one needs.
  const order = requiredFirst(gold);
  for (const gi of order) {
    const g = gold[gi];
    if (!g) continue;
    const names = goldNames(g);
    const candidates = pred.actors
      .map((p, pi) => ({ p, pi }))
      .filter(({ p, pi }) => !pairs.has(pi) && p.type === g.type && predNames(p).some((n) => names.has(n)));
    const best = candidates.find(({ p }) => names.has(strictName(p.name))) ?? candidates[0];
    if (best) pairs.set(best.pi, gi);
  }
  return pairs;
}

function scoreActors(fx: Fixture, pred: Prediction, pairs: Map<number, number>, errors: StrictScore['errors']): Prf {
  const gold = fx.gold.actors;
  const matched = new Set(pairs.values());
  let fp = 0;
  pred.actors.forEach((p, pi) => {
    if (pairs.has(pi)) return;
    fp++;
    const sameName = gold.find((g, gi) => !matched.has(gi) && predNames(p).some((n) => goldNames(g).has(n)));
    if (sameName) errors['actor-type'].push(`"${p.name}" is ${p.type}, gold ${sameName.type}`);
    else errors['actor-spurious'].push(`${p.type} "${p.name}"`);
  });
  let tp = 0;
  let fn = 0;
  gold.forEach((g, gi) => {
    if (g.optional) return;
    if (matched.has(gi)) tp++;
    else {
      fn++;
      errors['actor-missed'].push(`${g.type} "${g.name}"`);
    }
  });
  return prf(tp, fp, fn);
}

function overlap(a: [number, number], b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a[1], b.end) - Math.max(a[0], b.start));
}

function scoreDates(fx: Fixture, pred: Prediction, errors: StrictScore['errors']): { dates: Prf; values: Prf } {
  // All (gold, prediction) pairs that overlap, largest overlap first; required gold before optional at equal overlap.
  const pairs: { gi: number; pi: number; o: number; opt: boolean }[] = [];
  fx.gold.dates.forEach((g, gi) => {
    const span = fx.spans[gi];
    if (!span) return;
    pred.dates.forEach((d, pi) => {
      const o = overlap(span, d);
      if (o > 0) pairs.push({ gi, pi, o, opt: g.optional ?? false });
    });
  });
  pairs.sort((a, b) => b.o - a.o || Number(a.opt) - Number(b.opt) || a.gi - b.gi || a.pi - b.pi);
  const byGold = new Map<number, number>();
  const byPred = new Map<number, number>();
  for (const { gi, pi } of pairs) {
    if (byGold.has(gi) || byPred.has(pi)) continue;
    byGold.set(gi, pi);
    byPred.set(pi, gi);
  }
  let tp = 0;
  let fn = 0;
  let valueRight = 0;
  let counted = 0;
  fx.gold.dates.forEach((g, gi) => {
    if (g.optional) return;
    const pi = byGold.get(gi);
    if (pi === undefined) {
      fn++;
      errors['date-missed'].push(`"${g.text}" (${g.normalized})`);
      return;
    }
    tp++;
    const value = pred.dates[pi]?.value ?? null;
    if (value !== null && [g.normalized, ...(g.acceptable ?? [])].includes(value)) valueRight++;
    else errors['value-wrong'].push(`"${g.text}" got ${value}, want ${g.normalized}`);
  });
  let fp = 0;
  pred.dates.forEach((d, pi) => {
    const gi = byPred.get(pi);
    if (gi === undefined) {
      fp++;
      errors['date-spurious'].push(`"${d.text}" (${d.value})`);
    } else if (!fx.gold.dates[gi]?.optional) counted++;
  });
  counted += fp;
  return {
    dates: prf(tp, fp, fn),
    values: prf(valueRight, counted - valueRight, tp + fn - valueRight, valueRight, counted),
  };
}

/** Scores one fixture strictly. */
export function strictScoreFixture(fx: Fixture, pred: Prediction): StrictScore {
  const errors = emptyErrors();
  const pairs = matchActors(fx, pred);
  const actors = scoreActors(fx, pred, pairs, errors);
  const roles = scoreRoleSets(fx.gold.actors, pred.actors, pairs, {
    match: strictRolesMatch,
    wrong: (actor, role) => errors['role-wrong'].push(`${actor}: "${role}"`),
    missed: (actor, role) => errors['role-missed'].push(`${actor}: "${role}"`),
  });
  const { dates, values } = scoreDates(fx, pred, errors);
  return { actors, roles, dates, values, errors };
}

/** Micro-average: counts summed over articles, then precision, recall and F1 recomputed; errors concatenated. */
export function combineStrict(scores: readonly StrictScore[]): StrictScore {
  const sum = (key: 'actors' | 'roles' | 'dates' | 'values'): Prf => {
    const t = { tp: 0, fp: 0, fn: 0, right: 0, counted: 0 };
    for (const s of scores) {
      t.tp += s[key].tp;
      t.fp += s[key].fp;
      t.fn += s[key].fn;
      t.right += s[key].right;
      t.counted += s[key].counted;
    }
    return prf(t.tp, t.fp, t.fn, t.right, t.counted);
  };
  const errors = emptyErrors();
  for (const s of scores) for (const c of ERROR_CLASSES) errors[c].push(...s.errors[c]);
  return { actors: sum('actors'), roles: sum('roles'), dates: sum('dates'), values: sum('values'), errors };
}

/** Right or wrong, item by item, under the strict rules: what the confidence calibration compares against. */
export interface StrictVerdicts {
  /** Per predicted actor: matched a gold actor with the same type. */
  actors: boolean[];
  /** Per predicted actor that matched a required gold actor: each of its roles, right or wrong. */
  roles: Map<number, Map<string, boolean>>;
  /** Per predicted date: true when it overlaps a required gold date and its value is right, false when spurious or
   * its value is wrong, null when it only overlaps an optional gold date (counted neither way). */
  dates: (boolean | null)[];
}

/** Each predicted actor, role and date of `pred` judged right or wrong against the fixture's gold labels. */
export function strictVerdicts(fx: Fixture, pred: Prediction): StrictVerdicts {
  const pairs = matchActors(fx, pred);
  const actors = pred.actors.map((_, pi) => pairs.has(pi));
  const roles = new Map<number, Map<string, boolean>>();
  pairs.forEach((gi, pi) => {
    const g = fx.gold.actors[gi];
    const p = pred.actors[pi];
    if (!g || !p || g.optional) return;
    const accepted = [...g.roles, ...(g.acceptableRoles ?? [])];
    roles.set(pi, new Map(p.roles.map((r) => [r, accepted.some((a) => strictRolesMatch(r, a))])));
  });
  const dates: (boolean | null)[] = pred.dates.map(() => false);
  const taken = new Set<number>();
  pred.dates.forEach((d, pi) => {
    let best = -1;
    let bestOverlap = 0;
    fx.gold.dates.forEach((_, gi) => {
      const span = fx.spans[gi];
      const o = span ? overlap(span, d) : 0;
      if (o > bestOverlap && !taken.has(gi)) {
        best = gi;
        bestOverlap = o;
      }
    });
    const g = fx.gold.dates[best];
    if (!g) return;
    taken.add(best);
    dates[pi] = g.optional ? null : [g.normalized, ...(g.acceptable ?? [])].includes(d.value ?? '');
  });
  return { actors, roles, dates };
}
