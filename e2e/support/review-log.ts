/**
 * Reading and editing a test library's review log from outside the server, as the specs check what a grade stored:
 * the append-only segments `reviews/000001.jsonl` … less the positions listed in `reviews/drops.jsonl` (undone).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function lines(file: string): { line: string; offset: number }[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file);
  const found: { line: string; offset: number }[] = [];
  let start = 0;
  for (let nl = text.indexOf(10); nl >= 0; nl = text.indexOf(10, start)) {
    found.push({ line: text.toString('utf8', start, nl), offset: start });
    start = nl + 1;
  }
  return found;
}

/** The live review records, oldest first ([] before the first grade). */
export function storedReviewLog<T>(dataDir: string): T[] {
  const folder = path.join(dataDir, 'reviews');
  if (!existsSync(folder)) return [];
  const dropped = new Set(
    lines(path.join(folder, 'drops.jsonl')).map(({ line }) => {
      const at = JSON.parse(line) as { segment: string; offset: number };
      return `${at.segment}:${at.offset}`;
    }),
  );
  const records: T[] = [];
  for (const name of readdirSync(folder)
    .filter((n) => /^\d{6}\.jsonl$/.test(n))
    .sort())
    for (const { line, offset } of lines(path.join(folder, name)))
      if (!dropped.has(`${name}:${offset}`)) records.push(JSON.parse(line) as T);
  return records;
}

/** Rewrites the log (server stopped) as one segment of `change(records)`; the schedule index is rebuilt from it. */
export function rewriteReviewLog<T>(dataDir: string, change: (records: T[]) => T[]): void {
  const records = change(storedReviewLog<T>(dataDir));
  const folder = path.join(dataDir, 'reviews');
  rmSync(folder, { recursive: true, force: true });
  rmSync(path.join(dataDir, 'card-schedules.idx'), { force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, '000001.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}
