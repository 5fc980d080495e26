/**
 * Scores an extraction against gold labels. Matching rules:
 * - Actors: a predicted actor matches a gold actor when their types agree and the predicted name or any alias equals
 *   the gold name, an alias or an acceptable name after normalisation (case, quotes, hyphens, periods, a leading
 *   "the" and a possessive "'s" ignored). One-to-one: a second predicted actor for the same gold actor is a false
 *   positive (a failed merge). Predictions matching an optional gold actor count neither way.
 * - Roles: judged by meaning with lenient token overlap: content words compared on their first five letters
 *   ("Russian" ~ "Russia"), a match when at least half of the shorter role's words are shared. Each gold role of a
 *   matched required actor is one recall unit (an acceptable-role match credits one unit). Each predicted role is one
 *   precision unit: right when it matches a gold role or acceptable role of the actor it belongs to; roles on
 *   unmatched actors or on actors whose gold has no roles are wrong; roles on optional actors are ignored.
 * - Date detection: a predicted date matches a gold date when their spans overlap (largest overlap first, one-to-one).
 * - Date values: a matched date's value is right when it equals the gold `normalized` or one of its `acceptable`.
 *   Precision divides by all predictions except those matching optional gold; recall by all required gold dates.
 */
import type { ActorType, ExtractionResult } from '@core/extract/types';
import type { Fixture, GoldActor } from './gold';

export interface Prf {
  /** Gold units found, gold units missed. */
  tp: number;
  fn: number;
  /** Predictions that were wrong; `right` of `counted` predictions were right. */
  fp: number;
  right: number;
  counted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  actors: Prf;
  roles: Prf;
  dates: Prf;
  values: Prf;
  /** Human-readable misses and false alarms, for --verbose. */
  notes: string[];
}

/** Predictions in the scorer's terms; the engine's result and the baseline both convert to this. */
export interface Prediction {
  actors: { name: string; type: ActorType; aliases: string[]; roles: string[] }[];
  dates: { start: number; end: number; text: string; value: string | null }[];
}

/** Precision from predictions (right of counted), recall from gold units (found of required). */
export function prf(tp: number, fp: number, fn: number, right = tp, counted = tp + fp): Prf {
  // Nothing predicted: perfect only when nothing was there to find.
  const precision = counted === 0 ? (tp + fn === 0 ? 1 : 0) : right / counted;
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, right, counted, precision, recall, f1 };
}

/** Name comparison key used by the actor rule above. */
export function normName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/'s$/, '')
    .replace(/\./g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

function roleWords(role: string): string[] {
  const stop = new Set(['the', 'a', 'an', 'of', 'to', 'at', 'for', 'in', 'and', 'on', 's']);
  return role
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !stop.has(w))
    .map((w) => w.slice(0, 5));
}

/** The lenient role rule: at least half of the shorter role's content words shared. */
export function rolesMatch(a: string, b: string): boolean {
  const wa = new Set(roleWords(a));
  const wb = new Set(roleWords(b));
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared > 0 && shared >= Math.min(wa.size, wb.size) / 2;
}

export function fromResult(r: ExtractionResult): Prediction {
  return {
    actors: r.actors,
    dates: r.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: d.value })),
  };
}

/** The indices of `gold`, required entries first (each group in order): an optional one never takes a match a
 * required one needs. */
export function requiredFirst(gold: readonly { optional?: boolean }[]): number[] {
  return gold.map((_, i) => i).sort((a, b) => Number(gold[a]?.optional ?? false) - Number(gold[b]?.optional ?? false));
}

function goldNames(g: GoldActor): Set<string> {
  return new Set([g.name, ...g.aliases, ...(g.acceptableNames ?? [])].map(normName));
}

function matchActors(gold: GoldActor[], pred: Prediction['actors']): Map<number, number> {
  const pairs = new Map<number, number>(); // pred index -> gold index
  const order = requiredFirst(gold);
  for (const gi of order) {
    const g = gold[gi];
    if (!g) continue;
    const names = goldNames(g);
    const candidates = pred
      .map((p, pi) => ({ p, pi }))
      .filter(
        ({ p, pi }) =>
          !pairs.has(pi) && p.type === g.type && [p.name, ...p.aliases].some((n) => names.has(normName(n))),
      );
    const best = candidates.find(({ p }) => names.has(normName(p.name))) ?? candidates[0];
    if (best) pairs.set(best.pi, gi);
  }
  return pairs;
}

/** How a role scorer judges a pair of roles, and where it writes what it got wrong. */
export interface RoleRule {
  match: (predicted: string, gold: string) => boolean;
  wrong: (actor: string, role: string) => void;
  missed: (actor: string, role: string) => void;
}

/**
 * Roles of matched actors: a predicted role is right when it matches a gold or acceptable role; a gold role is found
 * when a predicted one matches it, or (once per actor) when one matches an acceptable role instead. Roles of optional
 * gold actors count neither way. Shared by the lenient scorer here and the strict one.
 */
export function scoreRoleSets(
  gold: readonly GoldActor[],
  pred: Prediction['actors'],
  pairs: Map<number, number>,
  rule: RoleRule,
): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  pred.forEach((p, pi) => {
    const g = pairs.has(pi) ? gold[pairs.get(pi) ?? -1] : undefined;
    if (g?.optional) return;
    const accepted = g ? [...g.roles, ...(g.acceptableRoles ?? [])] : [];
    for (const r of p.roles) {
      if (accepted.some((a) => rule.match(r, a))) right++;
      else {
        fp++;
        rule.wrong(p.name, r);
      }
    }
  });
  gold.forEach((g, gi) => {
    if (g.optional) return;
    const pi = [...pairs].find(([, v]) => v === gi)?.[0];
    const roles = pi === undefined ? [] : (pred[pi]?.roles ?? []);
    let acceptableCredit = roles.some((r) => (g.acceptableRoles ?? []).some((a) => rule.match(r, a)));
    for (const gr of g.roles) {
      if (roles.some((r) => rule.match(r, gr))) tp++;
      else if (acceptableCredit) {
        tp++;
        acceptableCredit = false;
      } else {
        fn++;
        rule.missed(g.name, gr);
      }
    }
  });
  return prf(tp, fp, fn, right, right + fp);
}

function scoreActors(fx: Fixture, pred: Prediction, notes: string[]): { prf: Prf; pairs: Map<number, number> } {
  const gold = fx.gold.actors;
  const pairs = matchActors(gold, pred.actors);
  let fp = 0;
  pred.actors.forEach((p, pi) => {
    if (!pairs.has(pi)) {
      fp++;
      notes.push(`actor spurious: ${p.type} "${p.name}"`);
    }
  });
  const matched = new Set(pairs.values());
  let tp = 0;
  let fn = 0;
  gold.forEach((g, gi) => {
    if (g.optional) return;
    if (matched.has(gi)) tp++;
    else {
      fn++;
      notes.push(`actor missed: ${g.type} "${g.name}"`);
    }
  });
  return { prf: prf(tp, fp, fn), pairs };
}

function overlap(a: [number, number], b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a[1], b.end) - Math.max(a[0], b.start));
}

// Largest overlap first, one-to-one; required gold dates choose before optional ones.
function matchDates(fx: Fixture, pred: Prediction): Map<number, number> {
  const used = new Map<number, number>(); // pred index -> gold index
  const order = requiredFirst(fx.gold.dates);
  for (const gi of order) {
    const span = fx.spans[gi];
    if (!span) continue;
    let best = -1;
    let bestOverlap = 0;
    pred.dates.forEach((d, pi) => {
      const o = overlap(span, d);
      if (!used.has(pi) && o > bestOverlap) {
        best = pi;
        bestOverlap = o;
      }
    });
    if (best >= 0) used.set(best, gi);
  }
  return used;
}

function scoreDates(fx: Fixture, pred: Prediction, notes: string[]): { dates: Prf; values: Prf } {
  const used = matchDates(fx, pred);
  let tp = 0;
  let fn = 0;
  let valueRight = 0;
  fx.gold.dates.forEach((g, gi) => {
    if (g.optional) return;
    const pi = [...used].find(([, v]) => v === gi)?.[0];
    if (pi === undefined) {
      fn++;
      notes.push(`date missed: "${g.text}" (${g.normalized})`);
      return;
    }
    tp++;
    const value = pred.dates[pi]?.value ?? null;
    const ok = value !== null && [g.normalized, ...(g.acceptable ?? [])].includes(value);
    if (ok) valueRight++;
    else notes.push(`date value: "${g.text}" got ${value}, want ${g.normalized}`);
  });
  let fp = 0;
  pred.dates.forEach((d, pi) => {
    if (!used.has(pi)) {
      fp++;
      notes.push(`date spurious: "${d.text}" (${d.value})`);
    }
  });
  const counted = tp + fp;
  return {
    dates: prf(tp, fp, fn),
    values: prf(valueRight, counted - valueRight, tp + fn - valueRight, valueRight, counted),
  };
}

/** Scores one fixture. */
export function scoreFixture(fx: Fixture, pred: Prediction): Score {
  const notes: string[] = [];
  const actors = scoreActors(fx, pred, notes);
  const roles = scoreRoleSets(fx.gold.actors, pred.actors, actors.pairs, {
    match: rolesMatch,
    wrong: (actor, role) => notes.push(`role? ${actor}: "${role}"`),
    missed: (actor, role) => notes.push(`role missed: ${actor}: "${role}"`),
  });
  const { dates, values } = scoreDates(fx, pred, notes);
  return { actors: actors.prf, roles, dates, values, notes };
}

/** Micro-average over fixtures: counts summed, then precision/recall/F1 recomputed. */
export function combine(scores: Score[]): Score {
  const sum = (key: 'actors' | 'roles' | 'dates' | 'values'): Prf => {
    const t = { tp: 0, fp: 0, fn: 0, right: 0, counted: 0 };
    for (const s of scores) {
      const x = s[key];
      t.tp += x.tp;
      t.fp += x.fp;
      t.fn += x.fn;
      t.right += x.right;
      t.counted += x.counted;
    }
    return prf(t.tp, t.fp, t.fn, t.right, t.counted);
  };
  return { actors: sum('actors'), roles: sum('roles'), dates: sum('dates'), values: sum('values'), notes: [] };
}
