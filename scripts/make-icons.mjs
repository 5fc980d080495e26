// Renders assets/icon.svg (the one icon source) to assets/icon.png at 1024 px with Chromium, the size electron-builder
// turns into every platform's icon (.icns, .ico, Linux PNGs). Run after editing the SVG: `node scripts/make-icons.mjs`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const svg = readFileSync(path.join(assets, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.LECTIO_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`,
);
await page.screenshot({
  path: path.join(assets, 'icon.png'),
  omitBackground: true,
  clip: { x: 0, y: 0, width: 1024, height: 1024 },
});
await browser.close();
console.log('assets/icon.png written');
