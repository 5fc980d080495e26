// The import aliases as Vite wants them, derived from tsconfig.json's `paths` (the one list): electron.config.ts and
// vitest.config.mts use these, so `@core/*`, `@contract` and the rest resolve the same in tsc, every build, vitest,
// tsx and Playwright. Vite's own `resolve.tsconfigPaths` is not used because it applies `paths` only to files that
// tsconfig.json includes, and the main build also compiles renderer files (the HTML import pipeline).
import path from 'node:path';
import ts from 'typescript';

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alias per `paths` entry of the tsconfig.json in `root`; throws when it cannot be read or a mapping has not one target. */
export function importAliases(root) {
  const file = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error)
    throw new Error(`import-aliases: cannot read ${file}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const paths = config.compilerOptions?.paths ?? {};
  return Object.entries(paths).map(([pattern, targets]) => {
    if (targets.length !== 1) throw new Error(`import-aliases: "${pattern}" must map to exactly one path`);
    const target = path.join(root, targets[0]);
    if (!pattern.endsWith('/*')) return { find: new RegExp(`^${escapeRegExp(pattern)}$`), replacement: target };
    return { find: new RegExp(`^${escapeRegExp(pattern.slice(0, -1))}(.*)$`), replacement: `${target.slice(0, -1)}$1` };
  });
}
