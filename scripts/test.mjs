// `npm test`: typecheck, lint and format check, import boundaries, unit tests, build, security lint (when configured),
// end-to-end tests; stops at the first failing step, and ends with one plain summary line ("N passed, N failed,
// N skipped") counting every test run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
const vitestJson = path.join(results, 'vitest.json');
const playwrightJson = path.join(results, 'playwright.json');
const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

mkdirSync(results, { recursive: true });

// Every step gets one temporary folder of its own as TMPDIR, removed when the run ends: the tests make a library,
// a profile or a data folder per case (thousands in a run), and left in the system's temp folder they filled it by
// gigabytes over a few runs. LECTIO_KEEP_TMP=1 keeps it, to look into a failure.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lectio-test-run-'));
const tmpEnv = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const steps = [
  ['typecheck', [npm, 'run', '--silent', 'typecheck']],
  ['lint', [npm, 'run', '--silent', 'lint']],
  ['import boundaries', [npm, 'run', '--silent', 'boundaries']],
  [
    'unit tests',
    [
      npm,
      'run',
      '--silent',
      'test:unit',
      '--',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
    ],
  ],
  ['build', [npm, 'run', '--silent', 'build']],
  ...(scripts.security ? [['security lint', [npm, 'run', '--silent', 'security']]] : []),
  ['end-to-end tests', [npm, 'run', '--silent', 'e2e', '--', '--reporter=list,json']],
];

function counts() {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(vitestJson)) {
    const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
    total.passed += v.numPassedTests ?? 0;
    total.failed += v.numFailedTests ?? 0;
    total.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  if (existsSync(playwrightJson)) {
    const p = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
    total.passed += (p.expected ?? 0) + (p.flaky ?? 0);
    total.failed += p.unexpected ?? 0;
    total.skipped += p.skipped ?? 0;
  }
  return total;
}

let failedStep = null;
for (const [name, [command, ...args]] of steps) {
  console.log(`\n── ${name} ──`);
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...tmpEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) {
    failedStep = name;
    break;
  }
}

if (process.env.LECTIO_KEEP_TMP === '1') console.log(`\nTemporary files kept in ${tmp}`);
else rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });

const total = counts();
if (failedStep) console.log(`\nnpm test: the ${failedStep} step failed.`);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
