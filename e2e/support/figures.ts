/** Figures a reliability spec measured, written to test-results/reliability/<name>.json for docs/reliability.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './server';

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const dir = path.join(REPO_ROOT, 'test-results', 'reliability');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`[${name}] ${JSON.stringify(figures)}`);
}
