/**
 * `npx tsx scripts/eval-spans.ts [--write] [DIR]`: computes and checks the date spans of hand-labelled gold files
 * (default eval/fixtures/heldout). A date without `span` gets one from its `text`: the `occurrence`-th (1-based) match
 * in the article, or else the first match not already taken by an earlier date with the same text. Spans are
 * [start, end) in code points, as the gold format requires. Every span is then checked against its text; exits 1 on
 * any mismatch. With --write, filled spans are saved (and the `occurrence` helper removed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePaths } from '@eval/gold';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'eval', 'fixtures', 'heldout'));

interface LooseDate {
  text: string;
  span?: [number, number];
  occurrence?: number;
}

function codePoints(s: string): string[] {
  return [...s];
}

/** Code-point offsets of every occurrence of `needle` in `hay` (whole-word at both ends). */
function occurrences(hay: string[], needle: string[]): number[] {
  const out: number[] = [];
  const word = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((c, k) => hay[i + k] === c) && !word(hay[i - 1]) && !word(hay[i + needle.length])) out.push(i);
  }
  return out;
}

let bad = 0;
for (const path of fixturePaths(dir)) {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as { textFile: string; dates: LooseDate[] };
  const text = codePoints(readFileSync(resolve(dirname(path), gold.textFile), 'utf8'));
  const taken = new Set<string>();
  for (const d of gold.dates) {
    if (!d.span) {
      const hits = occurrences(text, codePoints(d.text));
      const pick = d.occurrence !== undefined ? hits[d.occurrence - 1] : hits.find((h) => !taken.has(`${h}`));
      if (pick === undefined) {
        process.stderr.write(`${path}: "${d.text}" not found (occurrence ${d.occurrence ?? 'auto'})\n`);
        bad++;
        continue;
      }
      d.span = [pick, pick + codePoints(d.text).length];
    }
    delete d.occurrence;
    taken.add(`${d.span[0]}`);
    const at = text.slice(d.span[0], d.span[1]).join('');
    if (at !== d.text) {
      process.stderr.write(`${path}: span ${d.span.join('-')} reads "${at}", not "${d.text}"\n`);
      bad++;
    }
  }
  if (write) writeFileSync(path, `${JSON.stringify(gold, null, 2)}\n`);
  process.stdout.write(`${path}: ${gold.dates.length} dates ok\n`);
}
process.exit(bad > 0 ? 1 : 0);
