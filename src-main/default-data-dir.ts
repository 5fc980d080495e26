/**
 * Where the library lives when no folder is named: the same folder Electron's `app.getPath('userData')` gives for
 * "Lectio", so browser mode and the desktop app share one library (the lock keeps them from using it at once).
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LECTIO_DATA_DIR) return path.resolve(env.LECTIO_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Lectio');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Lectio');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Lectio');
}
