/**
 * `npm run eval [-- --baseline] [--json] [--check] [--verbose]`: scores the engine on every eval/fixtures/*.gold.json,
 * then, as a separate "held-out" block, on eval/fixtures/heldout/*.gold.json (articles never used to tune the engine),
 * and as "held-out 2" on eval/fixtures/heldout2/*.gold.json (a second set, written to probe other styles).
 * Matching rules are documented at the top of eval/score.ts. --check exits 1 when the seed article is below 0.95 F1 on
 * actors, roles, date detection or date values.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src-main/core/extract/index';
import { baseline } from '../eval/baseline';
import { fixturePaths, loadFixture, type Fixture } from '../eval/gold';
import { combine, fromResult, scoreFixture, type Prf, type Score } from '../eval/score';
import { coverageReports, formatCoverage } from '../eval/quiz-coverage';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED_ID = 'seed-article';
const BAR = 0.95;
const KEYS = ['actors', 'roles', 'dates', 'values'] as const;

const args = new Set(process.argv.slice(2));
const fixtures: Fixture[] = fixturePaths(join(ROOT, 'eval', 'fixtures')).map((p) => loadFixture(p, ROOT));
const HELDOUT_DIR = join(ROOT, 'eval', 'fixtures', 'heldout');
const heldout: Fixture[] = existsSync(HELDOUT_DIR) ? fixturePaths(HELDOUT_DIR).map((p) => loadFixture(p, ROOT)) : [];
const HELDOUT2_DIR = join(ROOT, 'eval', 'fixtures', 'heldout2');
const heldout2: Fixture[] = existsSync(HELDOUT2_DIR) ? fixturePaths(HELDOUT2_DIR).map((p) => loadFixture(p, ROOT)) : [];

function runEngine(fx: Fixture): Score {
  return scoreFixture(fx, fromResult(extract(fx.text, { referenceDate: fx.gold.referenceDate })));
}

function runBaseline(fx: Fixture): Score {
  // chrono needs a reference instant; to compare like with like it gets the published date, or else the date Lectio
  // infers (off the shelf it would use today, which only makes the baseline look worse).
  const ref = fx.gold.referenceDate ?? extract(fx.text).referenceDate;
  return scoreFixture(fx, baseline(fx.text, ref ? new Date(`${ref}T12:00:00`) : new Date()));
}

function cell(x: Prf): string {
  return `${x.precision.toFixed(2)} ${x.recall.toFixed(2)} ${x.f1.toFixed(2)}`;
}

function table(title: string, rows: [string, Score][]): string {
  const head = `${'article'.padEnd(24)}| ${KEYS.map((k) => `${k} P R F1`.padEnd(15)).join('| ')}`;
  const lines = rows.map(([id, s]) => `${id.padEnd(24)}| ${KEYS.map((k) => cell(s[k]).padEnd(15)).join('| ')}`);
  return [`== ${title}`, head, '-'.repeat(head.length), ...lines].join('\n');
}

function summary(rows: [string, Score][]): Record<string, Record<string, Prf>> {
  const out: Record<string, Record<string, Prf>> = {};
  for (const [id, s] of rows) out[id] = { actors: s.actors, roles: s.roles, dates: s.dates, values: s.values };
  return out;
}

const engineRows: [string, Score][] = fixtures.map((fx) => [fx.gold.id, runEngine(fx)]);
engineRows.push(['OVERALL', combine(engineRows.map(([, s]) => s))]);
const baselineRows: [string, Score][] | null = args.has('--baseline')
  ? fixtures.map((fx): [string, Score] => [fx.gold.id, runBaseline(fx)])
  : null;
if (baselineRows) baselineRows.push(['OVERALL', combine(baselineRows.map(([, s]) => s))]);
const heldoutRows: [string, Score][] = heldout.map((fx) => [fx.gold.id, runEngine(fx)]);
if (heldoutRows.length > 0) heldoutRows.push(['OVERALL', combine(heldoutRows.map(([, s]) => s))]);
const heldout2Rows: [string, Score][] = heldout2.map((fx) => [fx.gold.id, runEngine(fx)]);
if (heldout2Rows.length > 0) heldout2Rows.push(['OVERALL', combine(heldout2Rows.map(([, s]) => s))]);

if (args.has('--json')) {
  const json = {
    engine: summary(engineRows),
    ...(heldoutRows.length > 0 ? { heldout: summary(heldoutRows) } : {}),
    ...(heldout2Rows.length > 0 ? { heldout2: summary(heldout2Rows) } : {}),
    ...(baselineRows ? { baseline: summary(baselineRows) } : {}),
  };
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
} else {
  process.stdout.write(`${table('Lectio engine (P R F1)', engineRows)}\n`);
  if (heldoutRows.length > 0) process.stdout.write(`\n${table('Lectio engine, held-out (P R F1)', heldoutRows)}\n`);
  if (heldout2Rows.length > 0) process.stdout.write(`\n${table('Lectio engine, held-out 2 (P R F1)', heldout2Rows)}\n`);
  if (baselineRows) process.stdout.write(`\n${table('Baseline: compromise + chrono-node (P R F1)', baselineRows)}\n`);
  if (args.has('--verbose')) {
    for (const [id, s] of [...engineRows, ...heldoutRows, ...heldout2Rows]) if (s.notes.length) process.stdout.write(`\n-- ${id}\n  ${s.notes.join('\n  ')}\n`);
  }
}

// ---- Quiz coverage (owned by eval/quiz-coverage.ts): with --quiz, how many gold facts the generated quiz asks. ----
if (args.has('--quiz')) process.stdout.write(`\n${formatCoverage(coverageReports(join(ROOT, 'eval', 'fixtures'), ROOT))}`);

if (args.has('--check')) {
  const seed = engineRows.find(([id]) => id === SEED_ID)?.[1];
  const failing = seed ? KEYS.filter((k) => seed[k].f1 < BAR) : [...KEYS];
  if (failing.length > 0) {
    process.stderr.write(`eval --check: seed article below ${BAR} F1 on ${failing.join(', ')}\n`);
    process.exit(1);
  }
}
