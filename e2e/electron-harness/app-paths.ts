/**
 * `app.getPath` as Electron computes it on Linux: appData is $XDG_CONFIG_HOME or ~/.config, userData is appData plus
 * the app's name (package.json productName, else name). Specs point XDG_CONFIG_HOME at a temporary folder, so the
 * stand-in never touches a real ~/.config/Lectio. Only the names Lectio (and the stand-in) use are known.
 */
import os from 'node:os';
import path from 'node:path';

export function appPathFor(name: string, appName: string): string {
  const home = os.homedir();
  const appData = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
  const userData = path.join(appData, appName);
  switch (name) {
    case 'home':
      return home;
    case 'appData':
      return appData;
    case 'userData':
    case 'sessionData':
      return userData;
    case 'temp':
      return os.tmpdir();
    case 'logs':
      return path.join(userData, 'logs');
    default:
      throw new Error(`Failed to get '${name}' path`);
  }
}
