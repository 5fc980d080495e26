/** The gold-label file format (see eval/fixtures/README.md) and loading it with its text, offsets in UTF-16. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface GoldActor {
  name: string;
  type: 'person' | 'country' | 'organization';
  aliases: string[];
  roles: string[];
  acceptableRoles?: string[];
  acceptableNames?: string[];
  optional?: boolean;
}

export interface GoldDate {
  text: string;
  normalized: string | null;
  /** [start, end) in code points (Python string offsets) as written in the file. */
  span: [number, number];
  acceptable?: (string | null)[];
  optional?: boolean;
  event?: string;
}

export interface GoldFile {
  id: string;
  textFile: string;
  referenceDate: string | null;
  actors: GoldActor[];
  dates: GoldDate[];
}

export interface Fixture {
  gold: GoldFile;
  text: string;
  /** Gold date spans converted to UTF-16 code units, in the order of `gold.dates`. */
  spans: [number, number][];
}

// The seed gold points at the shared seed folder; the repository keeps its own copy of that text.
const REPO_COPIES: Record<string, string> = { '../seed/article.txt': 'assets/sample-article.txt' };

/** Maps code-point offsets (Python) to UTF-16 offsets (JavaScript). */
export function codePointToUtf16(text: string): (cp: number) => number {
  const table: number[] = [];
  let u = 0;
  for (const ch of text) {
    table.push(u);
    u += ch.length;
  }
  table.push(u);
  return (cp) => table[cp] ?? u;
}

function resolveText(fixturePath: string, textFile: string, repoRoot: string): string {
  const local = resolve(dirname(fixturePath), textFile);
  if (existsSync(local)) return local;
  const copy = REPO_COPIES[textFile];
  if (copy) return join(repoRoot, copy);
  throw new Error(`${basename(fixturePath)}: text file ${textFile} not found`);
}

/** Loads one gold file and its text; throws with the file name when either is missing. */
export function loadFixture(path: string, repoRoot: string): Fixture {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
  const text = readFileSync(resolveText(path, gold.textFile, repoRoot), 'utf8');
  const toU16 = codePointToUtf16(text);
  return { gold, text, spans: gold.dates.map((d) => [toU16(d.span[0]), toU16(d.span[1])]) };
}

/** Every `*.gold.json` under `dir`, sorted by name. */
export function fixturePaths(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => join(dir, f));
}
