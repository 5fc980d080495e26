/**
 * The import rules `npm test` checks (`npm run boundaries`; scripts/boundaries.test.ts shows that each one bites).
 * Each rule names a boundary of the house: the trees (src-main, src-renderer, scripts, bench, e2e, eval, assets) reach
 * each other only through the aliases in tsconfig.json's `paths`, the pure core stays pure, nothing imports in a
 * circle. The core's freedom from DOM types is checked by tsconfig.core.json (a typecheck without the DOM library),
 * which imports cannot show.
 */
const TREES = '^(src-main|src-renderer|scripts|bench|e2e|eval|assets)/';
const TEST = '[.](test|spec)[.]ts$';
// The API contract: contract.ts and the area files beside it (cards-contract.ts), or the contract/ folder they move to.
const CONTRACT = 'src-main/api/(contract/|[a-z-]*contract[.]ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Modules that import each other (even by `import type`) cannot be read or changed one at a time: move the shared piece into a module of its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-cross-tree-relative',
      comment:
        'A relative import climbs out of its tree (`../../src-main/...`): use an alias from tsconfig.json paths (@core/*, @contract, @main/*, ...).',
      severity: 'error',
      from: { path: TREES },
      to: { pathNot: '^$1/', dependencyTypes: ['local'], dependencyTypesNot: ['aliased'] },
    },
    {
      name: 'core-is-pure',
      comment:
        'src-main/core is pure logic: it may import the rest of the core and the API contract, never storage, services, hosts, Electron or the DOM.',
      severity: 'error',
      from: { path: '^src-main/core/' },
      to: { path: '^(src-main/|src-renderer/)', pathNot: `^(src-main/core/|${CONTRACT})` },
    },
    {
      name: 'core-no-io',
      comment: 'src-main/core does no I/O and knows no host: no Electron, no lowdb, no DOM parser or sanitiser.',
      severity: 'error',
      from: { path: '^src-main/core/' },
      to: {
        path: '(^|/)node_modules/(electron|lowdb|jsdom|dompurify|@mozilla/readability)/|^(electron|lowdb|jsdom|dompurify|@mozilla/readability)$',
      },
    },
    {
      name: 'core-no-node-builtins',
      comment:
        'src-main/core does no I/O: Node built-ins (node:fs, node:path, ...) belong to storage, services and the hosts. Its tests may read fixture files.',
      severity: 'error',
      from: { path: '^src-main/core/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-is-shared',
      comment:
        'The API contract is shared with the renderer: it may import the pure core (types), nothing of the main process. Its own tests may check it against the schemas.',
      severity: 'error',
      from: { path: `^${CONTRACT}`, pathNot: '\\.test\\.ts$' },
      to: { path: '^src-main/', pathNot: `^(src-main/core/|${CONTRACT})` },
    },
    {
      name: 'services-no-lowdb',
      comment: 'Services reach storage through its repositories (src-main/storage), never lowdb itself.',
      severity: 'error',
      from: { path: '^src-main/api/' },
      to: { path: '(^|/)node_modules/lowdb/|^lowdb$' },
    },
    {
      name: 'renderer-only-core-and-contract',
      comment:
        'The renderer may use the pure core (@core/*) and the contract (@contract) from src-main, nothing else: the rest runs in another process. Its tests may drive the real service (@main/*).',
      severity: 'error',
      from: { path: '^src-renderer/', pathNot: TEST },
      to: { path: '^src-main/', pathNot: `^(src-main/core/|${CONTRACT})` },
    },
    {
      name: 'main-not-renderer',
      comment:
        'The main process does not import the renderer, except the HTML import pipeline (@html-import/*) that web-page import runs in a jsdom window.',
      severity: 'error',
      from: { path: '^src-main/' },
      to: { path: '^src-renderer/', pathNot: '^src-renderer/lib/import/' },
    },
    {
      name: 'app-not-tooling',
      comment: 'The app does not depend on scripts, benchmarks, e2e or eval; only its tests may read their fixtures.',
      severity: 'error',
      from: { path: '^src-(main|renderer)/', pathNot: TEST },
      to: { path: '^(scripts|bench|e2e|eval)/' },
    },
  ],
  options: {
    // Type-only imports count: a cycle through `import type` still ties two modules together for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // bench/.data holds the benchmarks' generated libraries and their private copy of the build (bench/run.ts).
    exclude: { path: '^(out|dist|node_modules|test-results|bench/[.]data)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.svelte', '.json'] },
  },
};
