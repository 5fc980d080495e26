// Builds the browser extension (src-extension, plain JavaScript, no bundling) into out/extension, the folder a browser
// loads unpacked: its files as they are, the app's icon, and the app's version in the manifest.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out', 'extension');
rmSync(out, { recursive: true, force: true });
cpSync(path.join(root, 'src-extension'), out, { recursive: true });
mkdirSync(path.join(out, 'icons'), { recursive: true });
cpSync(path.join(root, 'assets', 'icon.png'), path.join(out, 'icons', 'icon.png'));
const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
manifest.version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
