/**
 * Where the built, unpacked browser extension lies beside the built main process (`out/extension`, with one folder per
 * browser in it: chromium/ and firefox/), for Settings.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding the extension's browser folders, or null when this build has none. */
export function builtExtensionFolder(mainDir: string): string | null {
  // In a packaged app the folder is unpacked beside app.asar (see electron-builder.config.cjs): a browser cannot read an archive.
  const folder = path.join(mainDir, '..', 'extension').replace(/app\.asar([/\\])/, 'app.asar.unpacked$1');
  return existsSync(path.join(folder, 'chromium', 'manifest.json')) ? folder : null;
}
