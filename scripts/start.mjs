// `npm start`: build Lectio, make sure Electron's binary is present (downloading it on first launch, since installs
// run no scripts), and launch the desktop app. Where the download cannot happen, say so and point to browser mode.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import electronBinary from './electron-binary.cjs';

const { electronBinaryPath, electronInstallScript } = electronBinary;

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

let binary = electronBinaryPath();
if (!binary) {
  console.log('Lectio: Electron’s binary is not installed yet; downloading it once (about 100 MB)…');
  const download = run(process.execPath, [electronInstallScript], { timeout: 10 * 60 * 1000 });
  binary = download.status === 0 ? electronBinaryPath() : null;
  if (!binary) {
    console.error(
      [
        '',
        'Lectio could not download Electron’s binary (this machine may have no route to its download host).',
        'You can still use Lectio right now in your browser:',
        '',
        '    npm run serve',
        '',
        'and open the address it prints. To get the desktop app later, run `npm start` again where the network allows,',
        'or set ELECTRON_MIRROR to a mirror you can reach.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

const build = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], {
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const app = run(binary, ['.', ...process.argv.slice(2)]);
process.exit(app.status ?? 0);
