/**
 * `npm run eval [-- --baseline] [--json] [--check] [--verbose]`: scores the engine on every eval/fixtures/*.gold.json,
 * then, as one separate block per set, on every eval/fixtures/heldoutN/*.gold.json directory in order: "held-out"
 * (eval/fixtures/heldout, articles never used to tune the engine), "held-out 2" (heldout2, a second set written to probe
 * other styles), "held-out 3" (heldout3, article kinds the engine was not tuned on), and so on for any later set.
 * Matching rules are documented at the top of eval/score.ts. A strict block follows (eval/strict-score.ts): per set, the
 * micro-averaged strict figures and the count of misses and false alarms by class; --verbose lists each of them.
 * --confidence adds how well "check this" points at the engine's mistakes (eval/confidence-calibration.ts). --check exits 1 when the seed article is below 0.95 F1 on
 * actors, roles, date detection or date values.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '@core/extract/index';
import { baseline } from '@eval/baseline';
import { fixturePaths, loadFixture, type Fixture } from '@eval/gold';
import { combine, fromResult, scoreFixture, type Prf, type Score } from '@eval/score';
import { coverageReports, formatCoverage } from '@eval/quiz-coverage';
import { calibrate, formatCalibration } from '@eval/confidence-calibration';
import { combineStrict, ERROR_CLASSES, strictScoreFixture, type StrictScore } from '@eval/strict-score';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED_ID = 'seed-article';
const BAR = 0.95;
const KEYS = ['actors', 'roles', 'dates', 'values'] as const;

const args = new Set(process.argv.slice(2));
const fixtures: Fixture[] = fixturePaths(join(ROOT, 'eval', 'fixtures')).map((p) => loadFixture(p, ROOT));
/** One held-out set: eval/fixtures/heldout, heldout2, heldout3, ... (the key names it in --json output). */
interface HeldoutSet {
  key: string;
  label: string;
  fixtures: Fixture[];
}

// Every eval/fixtures/heldout<N> directory, in numeric order ("heldout" is set 1); labels as printed before:
// "held-out", "held-out 2", "held-out 3", ...
const FIXTURES_DIR = join(ROOT, 'eval', 'fixtures');
const heldoutSets: HeldoutSet[] = readdirSync(FIXTURES_DIR)
  .map((name) => ({ name, m: /^heldout(\d*)$/.exec(name) }))
  .filter(({ name, m }) => m !== null && statSync(join(FIXTURES_DIR, name)).isDirectory())
  .map(({ name, m }) => ({ name, n: m?.[1] ? Number(m[1]) : 1 }))
  .sort((a, b) => a.n - b.n)
  .map(({ name, n }) => ({
    key: name,
    label: n === 1 ? 'held-out' : `held-out ${n}`,
    fixtures: fixturePaths(join(FIXTURES_DIR, name)).map((p) => loadFixture(p, ROOT)),
  }));

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
const heldoutBlocks: { set: HeldoutSet; rows: [string, Score][] }[] = heldoutSets
  .map((set) => {
    const rows: [string, Score][] = set.fixtures.map((fx) => [fx.gold.id, runEngine(fx)]);
    if (rows.length > 0) rows.push(['OVERALL', combine(rows.map(([, s]) => s))]);
    return { set, rows };
  })
  .filter(({ rows }) => rows.length > 0);

// ---- Strict figures (eval/strict-score.ts), micro-averaged per set. ----
const namedSets: [string, Fixture[]][] = [
  ['fixtures', fixtures],
  ...heldoutSets.map((s): [string, Fixture[]] => [s.key, s.fixtures]),
];
const strictSets: [string, StrictScore][] = namedSets
  .filter(([, fxs]) => fxs.length > 0)
  .map(([key, fxs]) => [
    key,
    combineStrict(
      fxs.map((fx) => strictScoreFixture(fx, fromResult(extract(fx.text, { referenceDate: fx.gold.referenceDate })))),
    ),
  ]);

function strictTable(): string {
  const head = `${'set'.padEnd(24)}| ${KEYS.map((k) => `${k} P R F1`.padEnd(15)).join('| ')}| errors by class`;
  const lines = strictSets.map(
    ([key, s]) =>
      `${key.padEnd(24)}| ${KEYS.map((k) => cell(s[k]).padEnd(15)).join('| ')}| ${ERROR_CLASSES.filter(
        (c) => s.errors[c].length > 0,
      )
        .map((c) => `${c} ${s.errors[c].length}`)
        .join(', ')}`,
  );
  return ['== Strict scorer, micro-averaged per set (P R F1)', head, '-'.repeat(head.length), ...lines].join('\n');
}

if (args.has('--json')) {
  const json = {
    strict: Object.fromEntries(
      strictSets.map(([key, s]) => [
        key,
        {
          actors: s.actors,
          roles: s.roles,
          dates: s.dates,
          values: s.values,
          errors: Object.fromEntries(ERROR_CLASSES.map((c) => [c, s.errors[c]])),
        },
      ]),
    ),
    engine: summary(engineRows),
    ...Object.fromEntries(heldoutBlocks.map(({ set, rows }) => [set.key, summary(rows)])),
    ...(baselineRows ? { baseline: summary(baselineRows) } : {}),
  };
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
} else {
  process.stdout.write(`${table('Lectio engine (P R F1)', engineRows)}\n`);
  for (const { set, rows } of heldoutBlocks)
    process.stdout.write(`\n${table(`Lectio engine, ${set.label} (P R F1)`, rows)}\n`);
  if (baselineRows) process.stdout.write(`\n${table('Baseline: compromise + chrono-node (P R F1)', baselineRows)}\n`);
  process.stdout.write(`\n${strictTable()}\n`);
  if (args.has('--verbose')) {
    for (const [id, s] of [...engineRows, ...heldoutBlocks.flatMap(({ rows }) => rows)])
      if (s.notes.length) process.stdout.write(`\n-- ${id}\n  ${s.notes.join('\n  ')}\n`);
    for (const [key, s] of strictSets) {
      process.stdout.write(`\n-- strict ${key}\n`);
      for (const c of ERROR_CLASSES) for (const e of s.errors[c]) process.stdout.write(`  ${c}: ${e}\n`);
    }
  }
}

// ---- Quiz coverage (owned by eval/quiz-coverage.ts): with --quiz, how many gold facts the generated quiz asks. ----
if (args.has('--quiz'))
  process.stdout.write(`\n${formatCoverage(coverageReports(join(ROOT, 'eval', 'fixtures'), ROOT))}`);

// ---- Confidence (eval/confidence-calibration.ts): with --confidence, how well "check this" points at the mistakes. ----
if (args.has('--confidence')) {
  const sets: [string, Fixture[]][] = [
    ['fixtures', fixtures],
    ...heldoutSets.map((s): [string, Fixture[]] => [s.key, s.fixtures]),
  ];
  process.stdout.write('\n== "Check this": wrong items it flags, right items it holds back (strict verdicts)\n');
  for (const [key, fx] of sets) process.stdout.write(`${formatCalibration(key, calibrate(fx))}\n`);
  const all = calibrate(sets.flatMap(([, fx]) => fx));
  process.stdout.write(`${formatCalibration('all', all)}\n`);
  if (args.has('--verbose'))
    for (const line of all.lines) if (/ check | WRONG/.test(line)) process.stdout.write(`  ${line}\n`);
}

if (args.has('--check')) {
  const seed = engineRows.find(([id]) => id === SEED_ID)?.[1];
  const failing = seed ? KEYS.filter((k) => seed[k].f1 < BAR) : [...KEYS];
  if (failing.length > 0) {
    process.stderr.write(`eval --check: seed article below ${BAR} F1 on ${failing.join(', ')}\n`);
    process.exit(1);
  }
}
