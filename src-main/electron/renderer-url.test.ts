import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rendererUrl } from './renderer-url';

const mainDir = path.resolve('/opt/lectio/resources/app.asar/out/main');
const built = pathToFileURL(path.resolve('/opt/lectio/resources/app.asar/out/renderer/index.html')).href;

describe('the page the desktop window loads', () => {
  it('is the dev server while developing, when electron-vite names one', () => {
    expect(rendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, mainDir })).toBe(
      'http://localhost:5173',
    );
    expect(rendererUrl({ isPackaged: false, env: {}, mainDir })).toBe(built);
  });

  it('is always the built index.html in a packaged app, whatever the environment says', () => {
    expect(rendererUrl({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' }, mainDir })).toBe(
      built,
    );
  });
});
