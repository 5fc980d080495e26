/**
 * Does "check this" point at the engine's mistakes? For each kind of item (actors, roles, dates), counts the items the
 * engine was sure of and those it flagged, each split into right and wrong under the strict scorer's rules. A useful
 * confidence flags a large share of the wrong items and a small share of the right ones.
 */
import { extract } from '@core/extract/index';
import { needsCheck } from '@core/extract/confidence';
import type { Fixture } from './gold';
import { fromResult } from './score';
import { strictVerdicts } from './strict-score';

export interface Tally {
  sureRight: number;
  sureWrong: number;
  checkRight: number;
  checkWrong: number;
}

export interface Calibration {
  actors: Tally;
  roles: Tally;
  dates: Tally;
  /** Each item, for --verbose: "check wrong: actor person “Friday” (reasons)". */
  lines: string[];
}

function tally(): Tally {
  return { sureRight: 0, sureWrong: 0, checkRight: 0, checkWrong: 0 };
}

function count(t: Tally, check: boolean, right: boolean): void {
  if (check && right) t.checkRight++;
  else if (check) t.checkWrong++;
  else if (right) t.sureRight++;
  else t.sureWrong++;
}

/** The calibration tallies over `fixtures`. */
export function calibrate(fixtures: readonly Fixture[]): Calibration {
  const out: Calibration = { actors: tally(), roles: tally(), dates: tally(), lines: [] };
  for (const fx of fixtures) {
    const result = extract(fx.text, { referenceDate: fx.gold.referenceDate });
    const v = strictVerdicts(fx, fromResult(result));
    const note = (check: boolean, right: boolean, what: string, reasons: string[] = []) =>
      out.lines.push(
        `${fx.gold.id}: ${check ? 'check' : 'sure'} ${right ? 'right' : 'WRONG'}: ${what}${reasons.length ? ` (${reasons.join('; ')})` : ''}`,
      );
    result.actors.forEach((actor, i) => {
      const check = needsCheck(actor.confidence);
      const right = v.actors[i] ?? false;
      count(out.actors, check, right);
      note(check, right, `${actor.type} “${actor.name}”`, actor.confidence?.reasons);
      const roles = v.roles.get(i);
      if (!roles) return;
      for (const [role, roleRight] of roles) {
        const c = actor.roleConfidence?.[role];
        count(out.roles, needsCheck(c), roleRight);
        note(needsCheck(c), roleRight, `role of ${actor.name}: “${role}”`, c?.reasons);
      }
    });
    result.dates.forEach((date, i) => {
      const right = v.dates[i];
      if (right === null || right === undefined) return;
      count(out.dates, needsCheck(date.confidence), right);
      note(needsCheck(date.confidence), right, `date “${date.text}” = ${date.value}`, date.confidence?.reasons);
    });
  }
  return out;
}

function share(n: number, of: number): string {
  return of === 0 ? '  – ' : `${Math.round((100 * n) / of)}%`.padStart(4);
}

/** One table: per kind, wrong items caught by "check this" and right items it holds back. */
export function formatCalibration(label: string, c: Calibration): string {
  const rows = (['actors', 'roles', 'dates'] as const).map((k) => {
    const t = c[k];
    const wrong = t.sureWrong + t.checkWrong;
    const right = t.sureRight + t.checkRight;
    return `${label.padEnd(12)}| ${k.padEnd(6)} | wrong flagged ${String(t.checkWrong).padStart(3)}/${String(wrong).padEnd(3)} ${share(t.checkWrong, wrong)} | right flagged ${String(t.checkRight).padStart(3)}/${String(right).padEnd(4)} ${share(t.checkRight, right)} | precision of sure items ${share(t.sureRight, t.sureRight + t.sureWrong)}`;
  });
  return rows.join('\n');
}
