/**
 * One benchmark figure and how it is judged: its value against an absolute target and, where the issue names one,
 * against a baseline measured in the same run. `ratio` is always "how many times better Lectio is than the baseline",
 * so bigger is better: baseline/value when lower is better, value/baseline when higher is better.
 */

export type Better = 'lower' | 'higher';

export interface Figure {
  /** The benchmark that measured it (set by the runner), so a partial re-run can replace its rows. */
  group?: string;
  name: string;
  value: number;
  unit: string;
  better: Better;
  /** Absolute target in `unit` (≤ for lower-is-better, ≥ for higher-is-better). */
  target?: number;
  baseline?: { name: string; value: number };
  /** The least ratio over the baseline that meets the target ("≥ 50×"). */
  ratioTarget?: number;
  /** How it was measured (repetitions, statistic), and any side figures. */
  detail?: string;
}

export interface ResultRow {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** The baseline's value in the same unit, or null when the figure has none. */
  baseline: number | null;
  baselineName: string | null;
  /** Times better than the baseline (bigger is better); null without a baseline. */
  ratio: number | null;
  /** The target as written in the issue ("≤ 5 ms; ≥ 50× baseline"); null when the figure is informational. */
  target: string | null;
  /** Whether every target on the row is met; null when the row has none. */
  met: boolean | null;
  better: Better;
  detail: string;
}

function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return Number(value.toFixed(digits));
}

export function toRow(figure: Figure): ResultRow {
  const { baseline } = figure;
  const ratio = baseline
    ? figure.better === 'lower'
      ? baseline.value / figure.value
      : figure.value / baseline.value
    : null;
  const targets: string[] = [];
  const checks: boolean[] = [];
  if (figure.target !== undefined) {
    targets.push(`${figure.better === 'lower' ? '≤' : '≥'} ${figure.target} ${figure.unit}`);
    checks.push(figure.better === 'lower' ? figure.value <= figure.target : figure.value >= figure.target);
  }
  if (figure.ratioTarget !== undefined) {
    targets.push(`≥ ${figure.ratioTarget}× baseline`);
    checks.push(ratio !== null && ratio >= figure.ratioTarget);
  }
  return {
    group: figure.group ?? '',
    name: figure.name,
    value: round(figure.value),
    unit: figure.unit,
    baseline: baseline ? round(baseline.value) : null,
    baselineName: baseline?.name ?? null,
    ratio: ratio === null ? null : round(ratio),
    target: targets.length > 0 ? targets.join('; ') : null,
    met: checks.length > 0 ? checks.every(Boolean) : null,
    better: figure.better,
    detail: figure.detail ?? '',
  };
}
