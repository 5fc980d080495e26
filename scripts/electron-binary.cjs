// Where Electron's binary is, without triggering its download: `require('electron')` in Electron 45 fetches the
// binary when missing, which hangs or fails on closed networks. Shared by `npm start` and the Electron e2e specs.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const electronDir = path.join(__dirname, '..', 'node_modules', 'electron');

/** The installed Electron executable, or null when its binary has not been downloaded. */
function electronBinaryPath() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    );
    return existsSync(overridden) ? overridden : null;
  }
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

module.exports = { electronBinaryPath, electronInstallScript: path.join(electronDir, 'install.js') };
