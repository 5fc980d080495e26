// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, Svelte's for the components, and
// eslint-config-prettier last so no rule argues with the formatter. Not type-aware: the typed rules took the whole run
// from seconds to minutes on a 2-core machine, and tsc and svelte-check already check the types.
// An `.mjs` because package.json has no "type": "module".
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Cross-tree imports go through the aliases in tsconfig.json's `paths` (the import boundaries check resolves them;
// this sees the specifiers, in .svelte files' type imports too).
const climbsOutOfItsTree = {
  regex: '^(\\.\\./)+(src-main|src-renderer|scripts|bench|e2e|eval|assets|package\\.json)(/|$)',
  message: 'Import across trees through an alias from tsconfig.json paths (@core/*, @contract, @main/*, ...).',
};
const oneAliasEach = [
  { regex: '^@main/core(/|$)', message: 'The pure core has one import path: @core/*.' },
  { regex: '^@main/api/contract', message: 'The API contract has one import path: @contract.' },
];

// Svelte's rules are for components and runes modules only (on other files some misread CommonJS scopes).
const SVELTE_FILES = ['**/*.svelte', '**/*.svelte.ts'];
const svelteOnly = (configs) => configs.map((config) => (config.files ? config : { ...config, files: SVELTE_FILES }));

export default defineConfig(
  globalIgnores([
    'out/',
    'dist/',
    'test-results/',
    'playwright-report/',
    'node_modules/',
    'electron.config.ts.*.mjs',
    // What a benchmark run leaves (bench/.gitignore): built copies, not sources.
    'bench/.data/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  svelteOnly(svelte.configs.recommended),
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-restricted-imports': ['error', { patterns: [climbsOutOfItsTree, ...oneAliasEach] }],
    },
  },
  {
    files: SVELTE_FILES,
    rules: {
      // Off: it asks for SvelteMap/SvelteSet/SvelteDate wherever a .svelte.ts module makes a Map, Set or Date, and every
      // one it found was meant not to be reactive: scratch collections inside a getter or a method, private indexes
      // rebuilt whole from $state, module-level listener sets, `new Date().toISOString()`. Reactive state is $state.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['src-renderer/**', 'bench/browser/**', 'e2e/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The renderer runs in another process: from src-main it may use the core and the contract only. Its tests may
    // drive the real service through @main/*.
    files: ['src-renderer/**'],
    ignores: ['src-renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            climbsOutOfItsTree,
            ...oneAliasEach,
            { regex: '^@main/', message: 'The renderer may import @core/* and @contract from src-main, nothing else.' },
          ],
        },
      ],
    },
  },
  {
    // The pure core knows no host: Node's and the browser's globals are off limits (tsconfig.core.json also checks).
    files: ['src-main/core/**/*.ts'],
    ignores: ['src-main/core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'window', 'document', 'navigator'].map(
          (name) => ({ name, message: 'src-main/core is pure: pass what it needs in.' }),
        ),
      ],
    },
  },
  {
    files: SVELTE_FILES,
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The browser extension: classic scripts sharing one global scope (connector.js is loaded before the others), run
    // as a service worker (Chromium) or an event page (Firefox). `/* exported */` names what the others use.
    files: ['src-extension/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.serviceworker, ...globals.webextensions },
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { vars: 'local', argsIgnorePattern: '^_' }] },
  },
  {
    // CommonJS files (electron-builder's config, the Electron binary helper, the cruiser's rules).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
  svelteOnly(svelte.configs.prettier),
);
