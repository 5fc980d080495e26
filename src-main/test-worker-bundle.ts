/**
 * Test and benchmark support: a worker entry of src-main bundled as the build bundles it (one CommonJS file for Node),
 * so tests and benchmarks run the code the hosts run, not its sources through vitest's transform.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';

/** Bundles `src-main/<entry>.ts` to `outfile` and returns `outfile`; `external` stay in node_modules (jsdom). */
export function bundleWorker(entry: string, outfile: string, external: string[] = []): string {
  buildSync({
    entryPoints: [path.resolve(__dirname, `${entry}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    ...(external.length > 0 ? { external } : {}),
    logLevel: 'silent',
  });
  return outfile;
}
