import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { importAliases } from './scripts/import-aliases.mjs';

/** The screen-state tests (`*.svelte.test.ts`): runes code, compiled as the renderer's bundle compiles it. */
const SCREEN_STATE = 'src-renderer/**/*.svelte.test.ts';

// Unit tests are colocated (`*.test.ts`) beside the code they check; e2e specs belong to Playwright.
export default defineConfig({
  // The import aliases (`@core/*`, `@contract`, ...) come from tsconfig.json's `paths`, as in the app's build.
  resolve: { alias: importAliases(import.meta.dirname) },
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src-main/**/*.test.ts',
            'src-renderer/**/*.test.ts',
            'scripts/**/*.test.ts',
            'e2e/electron-harness/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', SCREEN_STATE],
          environment: 'node',
        },
      },
      {
        extends: true,
        // The state classes' runes ($state, $derived, $effect.root) must run with Svelte's client runtime, the one the
        // app runs on: in a node environment the plugin would otherwise compile them for the server, where nothing is
        // reactive. Only `svelte` itself is pointed at its client entry, so the real service these tests drive still
        // resolves its packages (lowdb, jsdom) as in Node.
        plugins: [svelte({ configFile: false, dynamicCompileOptions: () => ({ generate: 'client' }) })],
        resolve: {
          alias: [
            {
              find: /^svelte$/,
              replacement: fileURLToPath(new URL('./node_modules/svelte/src/index-client.js', import.meta.url)),
            },
          ],
        },
        test: {
          name: 'screen-state',
          include: [SCREEN_STATE],
          environment: 'node',
        },
      },
    ],
  },
});
