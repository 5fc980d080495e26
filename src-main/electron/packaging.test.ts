/** The packaged app's fuses (electron-builder.config.cjs): the switches that keep the binary from being misused. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  electronFuses: Record<string, boolean>;
}

const config = createRequire(import.meta.url)(
  path.resolve(__dirname, '../../electron-builder.config.cjs'),
) as BuilderConfig;

describe('electron-builder configuration', () => {
  it('names the app and packs only the build, the assets and package.json', () => {
    expect(config).toMatchObject({
      appId: 'app.lectio.reader',
      productName: 'Lectio',
      files: ['out/**', 'assets/**', 'package.json'],
    });
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspector; asar only, with integrity validation', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('packaging targets, icon and file associations', () => {
  const full = config as BuilderConfig & {
    icon: string;
    fileAssociations: { ext: string | string[] }[];
    linux: { target: string[] };
    mac: { target: string[] };
    win: { target: string[] };
  };
  const root = path.resolve(__dirname, '../..');

  it('builds an AppImage and a deb on Linux, a dmg on macOS and an NSIS installer on Windows', () => {
    expect(full.linux.target).toEqual(['AppImage', 'deb']);
    expect(full.mac.target).toEqual(['dmg']);
    expect(full.win.target).toEqual(['nsis']);
  });

  it('has one icon source, rendered large enough for every platform', () => {
    const png = readFileSync(path.join(root, full.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    expect(existsSync(path.join(root, 'assets/icon.svg'))).toBe(true);
  });

  it('opens .md, .txt and .html files', () => {
    expect(full.fileAssociations.flatMap((a) => a.ext)).toEqual(expect.arrayContaining(['md', 'txt', 'html', 'epub']));
  });

  it('packs what the built app loads: the main entry, the preload, the renderer and the sample article', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    const packed = (file: string) =>
      full.files.some((pattern) => file.startsWith(pattern.replace('/**', '/')) || file === pattern);
    for (const file of [pkg.main, 'out/preload/preload.cjs', 'out/renderer/index.html', 'assets/sample-article.txt'])
      expect(packed(file)).toBe(true);
  });
});
