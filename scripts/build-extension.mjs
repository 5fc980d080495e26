// Builds the browser extension (src-extension, plain JavaScript, no bundling) into out/extension, one folder per
// browser to load unpacked: chromium/ (its background a service worker) and firefox/ (its background an event page,
// as Firefox has no extension service workers). Each gets the extension's files as they are, the app's icon, the
// app's version, and a manifest with only its own browser's background key, so neither browser warns about the other's.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out', 'extension');
const source = JSON.parse(readFileSync(path.join(root, 'src-extension', 'manifest.json'), 'utf8'));
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

const manifests = {
  chromium: () => {
    const { browser_specific_settings: _firefoxOnly, ...manifest } = source;
    return { ...manifest, version, background: { service_worker: source.background.service_worker } };
  },
  firefox: () => ({ ...source, version, background: { scripts: source.background.scripts } }),
};

rmSync(out, { recursive: true, force: true });
for (const [browser, manifest] of Object.entries(manifests)) {
  const folder = path.join(out, browser);
  cpSync(path.join(root, 'src-extension'), folder, { recursive: true });
  mkdirSync(path.join(folder, 'icons'), { recursive: true });
  cpSync(path.join(root, 'assets', 'icon.png'), path.join(folder, 'icons', 'icon.png'));
  writeFileSync(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest(), null, 2)}\n`);
}
