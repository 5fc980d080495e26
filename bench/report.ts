/** Writes the results: `bench/results.json` (the rows as data) and `bench/results.md` (a Markdown table for the README). */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { ResultRow } from './result';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function formatValue(value: number | null, unit: string): string {
  return value === null ? '—' : `${value} ${unit}`;
}

export interface RunInfo {
  quick: boolean;
  startedAt: string;
  seconds: number;
  library: string;
  /** The benchmarks re-run this time when the rest of the rows come from the previous run; null for a full run. */
  rerun: string[] | null;
}

export function markdownTable(rows: readonly ResultRow[], info: RunInfo): string {
  const lines = [
    '| figure | Lectio | target | baseline | ratio | met |',
    '|---|---|---|---|---|---|',
    ...rows
      .map((row) =>
        [
          cell(row.name),
          formatValue(row.value, row.unit),
          row.target ?? '—',
          row.baseline === null ? '—' : `${formatValue(row.baseline, row.unit)} (${cell(row.baselineName ?? '')})`,
          row.ratio === null ? '—' : `${row.ratio}×`,
          row.met === null ? '' : row.met ? 'yes' : '**no**',
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
  ];
  const notes = rows.filter((row) => row.detail).map((row) => `- **${cell(row.name)}**: ${row.detail}`);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `Measured ${info.startedAt} on ${os.cpus().length} × ${cpu}, Node ${process.version}, ${info.quick ? '`--quick` (fewer repetitions)' : 'full repetitions'}, in ${Math.round(info.seconds)} s. Library: ${info.library}.`,
    ...(info.rerun ? [`Rows of ${info.rerun.join(', ')} re-measured then; the others come from the run before.`] : []),
    'Ratio = how many times better than the baseline (baseline/value for times and memory), so bigger is better.',
    '',
    ...lines,
    '',
    ...notes,
    '',
  ].join('\n');
}

export function writeResults(dir: string, rows: readonly ResultRow[], info: RunInfo): void {
  writeFileSync(`${dir}/results.json`, `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(`${dir}/results.md`, markdownTable(rows, info));
}
