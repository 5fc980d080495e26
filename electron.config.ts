/**
 * Build configuration (electron-vite). Main and the browser-mode server are bundled with every dependency (lowdb is
 * ESM-only, and a self-contained bundle needs no node_modules at run time); the preload is one CommonJS file, as a
 * sandboxed preload must be; the renderer is a Svelte 5 app. Every build resolves the import aliases (`@core/*`,
 * `@contract`, ...) from tsconfig.json's `paths`, the one place they are listed (scripts/import-aliases.mjs).
 */
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { importAliases } from './scripts/import-aliases.mjs';

const aliases = importAliases(import.meta.dirname);

/**
 * jsdom (the web-page import's parser) resolves its synchronous-XHR worker file when its window is built, and that file
 * is not in the bundle. Lectio's jsdom windows run no scripts, so nothing can make a synchronous XHR: the lookup is
 * replaced by jsdom's own fallback for environments without require.resolve (null).
 */
const jsdomWithoutSyncXhr = {
  name: 'jsdom-without-sync-xhr',
  transform(code: string, id: string) {
    if (!/jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/.test(id)) return null;
    const patched = code.replace('require.resolve ? require.resolve("./xhr-sync-worker.js") : null', 'null');
    if (patched === code) throw new Error('jsdom-without-sync-xhr: jsdom changed; check XMLHttpRequest-impl.js');
    return { code: patched, map: null };
  },
};

/**
 * The sync replica's LevelDB (leveldown, issue #21) is a native module: its npm package ships N-API prebuilds, which
 * node-gyp-build finds in a `prebuilds/` folder beside the module. Bundled, the module has no folder of its own, so
 * the prebuilds are copied to `out/main/leveldown/` (unpacked from the asar in the packaged app, see
 * electron-builder.config.cjs) and the module is told to look there, from an entry file or from a chunk below it.
 */
const leveldownPrebuilds = {
  name: 'leveldown-prebuilds',
  transform(code: string, id: string) {
    if (!/[\\/]leveldown[\\/]binding\.js$/.test(id)) return null;
    return {
      code:
        "const path = require('path');\n" +
        "const dir = [path.join(__dirname, 'leveldown'), path.join(__dirname, '..', 'leveldown')].find((d) => require('fs').existsSync(d));\n" +
        "module.exports = require('node-gyp-build')(dir || __dirname);\n",
      map: null,
    };
  },
  writeBundle() {
    cpSync(resolve('node_modules/leveldown/prebuilds'), resolve('out/main/leveldown/prebuilds'), { recursive: true });
  },
};

/**
 * The search index's SQLite (node-sqlite3-wasm) loads its WebAssembly from a file beside its module, which a bundle
 * moves into a chunk. The file is copied to `out/main/sqlite/` and the module told to look there, from an entry file or
 * from a chunk below it. It is read with fs, which reads inside app.asar, so the packaged app needs no unpacking.
 */
const sqliteWasm = {
  name: 'sqlite-wasm',
  transform(code: string, id: string) {
    if (!/node-sqlite3-wasm[\\/]dist[\\/]node-sqlite3-wasm\.js$/.test(id)) return null;
    const find = 'function findWasmBinary(){return locateFile("node-sqlite3-wasm.wasm")}';
    if (!code.includes(find)) throw new Error('sqlite-wasm: node-sqlite3-wasm changed; check findWasmBinary');
    const patched = code.replace(
      find,
      'function findWasmBinary(){const path=require("path");' +
        'return [path.join(__dirname,"sqlite"),path.join(__dirname,"..","sqlite")]' +
        '.map((dir)=>path.join(dir,"node-sqlite3-wasm.wasm")).find((file)=>require("fs").existsSync(file))' +
        '||locateFile("node-sqlite3-wasm.wasm")}',
    );
    return { code: patched, map: null };
  },
  writeBundle() {
    cpSync(
      resolve('node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm'),
      resolve('out/main/sqlite/node-sqlite3-wasm.wasm'),
    );
  },
};

export default defineConfig({
  main: {
    // i18n-iso-countries' Node entry require()s every language file by a computed path, which a bundle cannot
    // follow; its browser entry loads none, and the engine registers the one language it uses.
    resolve: {
      alias: [...aliases, { find: /^i18n-iso-countries$/, replacement: 'i18n-iso-countries/index.js' }],
    },
    plugins: [jsdomWithoutSyncXhr, leveldownPrebuilds, sqliteWasm],
    build: {
      externalizeDeps: false,
      outDir: 'out/main',
      rolldownOptions: {
        // FSRS's optimiser is a native module (a prebuilt .node per platform): required from node_modules at run time,
        // which electron-builder ships with the app (a production dependency) and unpacks from app.asar.
        external: ['@open-spaced-repetition/binding'],
        input: {
          main: resolve('src-main/main.ts'),
          serve: resolve('src-main/serve.ts'),
          'extract-worker': resolve('src-main/extract-worker.ts'),
          'import-worker': resolve('src-main/import-worker.ts'),
          'pdf-worker': resolve('src-main/pdf-worker.ts'),
          'epub-worker': resolve('src-main/epub-worker.ts'),
          'search-worker': resolve('src-main/search-worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      externalizeDeps: false,
      isolatedEntries: true,
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve('src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    resolve: { alias: aliases },
    plugins: [svelte()],
    build: {
      // electron-vite leaves every bundle unminified; the renderer's 800 KB of source is parsed and kept by each
      // window, so it is minified (with source maps for readable stack traces in DevTools).
      minify: true,
      sourcemap: true,
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
