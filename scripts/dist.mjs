// `npm run dist`: build Lectio and package it for the current platform with electron-builder (AppImage and deb on
// Linux, dmg on macOS, an NSIS installer on Windows; see electron-builder.config.cjs). Reuses the Electron binary that
// `npm start` fetched, and says plainly what to do when Electron's release archive cannot be downloaded.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import electronBinary from './electron-binary.cjs';
import { builderArgs, explainFailure } from './dist-plan.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npm, ['run', '--silent', 'build'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const electronDist = electronBinary.electronBinaryPath() ? path.join('node_modules', 'electron', 'dist') : null;
const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
// Shown as it runs, and kept to explain a failure.
const child = spawn(process.execPath, [builder, ...builderArgs({ electronDist })], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.stderr.on('data', (chunk) => {
  output += chunk;
  process.stderr.write(chunk);
});
child.on('close', (status) => {
  if (status === 0) {
    console.log(`\nLectio packaged into ${path.join(root, 'dist')}`);
    return;
  }
  const { version } = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  const explanation = explainFailure(output, { electronVersion: version });
  if (explanation) console.error(explanation);
  process.exit(status ?? 1);
});
