/**
 * `npm run security`: runs electronegativity over the Electron main-process sources and fails on any HIGH or MEDIUM
 * finding that scripts/electronegativity-allow.json does not explain. Offline: the tool's translation update fails
 * quietly and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allow = JSON.parse(readFileSync(path.join(root, 'scripts/electronegativity-allow.json'), 'utf8')).allowed;
const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'lectio-security-')), 'electronegativity.csv');
const bin = path.join(root, 'node_modules/.bin/electronegativity');
const version = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

const run = spawnSync(
  bin,
  ['-i', path.join(root, 'src-main'), '-r', '-e', version, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report],
  { encoding: 'utf8', timeout: 120_000 },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('security: electronegativity did not run');
  process.exit(1);
}

/** One CSV row into fields (quoted fields may hold commas). */
function fields(line) {
  return [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => (m[2] ?? m[1]).trim()).slice(0, 8);
}

const findings = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean).map(fields);
const serious = findings.filter(([, severity]) => severity === 'HIGH' || severity === 'MEDIUM');
const unexplained = serious.filter(
  ([check, , , file]) => !allow.some((entry) => entry.check === check && (!entry.file || file === entry.file)),
);
for (const [check, severity, confidence, file, location] of serious) {
  const explained = !unexplained.some((row) => row[0] === check && row[3] === file);
  console.log(`${explained ? 'explained  ' : 'UNEXPLAINED'} ${severity} ${check} (${confidence}) ${file} ${location}`);
}
console.log(`security: ${findings.length} findings, ${serious.length} HIGH/MEDIUM, ${unexplained.length} unexplained`);
process.exit(unexplained.length === 0 ? 0 : 1);
