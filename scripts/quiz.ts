/**
 * CLI: `npm run --silent quiz -- FILE [--reference-date YYYY-MM-DD] [--count N] [--seed S]` runs the extraction engine
 * on FILE and prints the generated quiz as JSON: `{questions: [...]}`. Bad arguments: a message and exit code 2.
 */
import { readFileSync } from 'node:fs';
import { extract } from '@core/extract/index';
import { generateQuiz } from '@core/quiz/generate';

const USAGE = 'usage: quiz FILE [--reference-date YYYY-MM-DD] [--count N] [--seed S]';

interface Args {
  file: string;
  referenceDate: string | null;
  count: number | undefined;
  seed: string;
}

function fail(message: string): never {
  process.stderr.write(`quiz: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

// Accepts both "--name value" and "--name=value".
function optionValue(argv: string[], i: number, name: string): [string, number] {
  const arg = argv[i] ?? '';
  if (arg.startsWith(`${name}=`)) return [arg.slice(name.length + 1), i];
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
  return [value, i + 1];
}

function parseArgs(argv: string[]): Args {
  const out: Args = { file: '', referenceDate: null, count: undefined, seed: '1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = arg.split('=')[0] ?? '';
    if (name === '--reference-date' || name === '--count' || name === '--seed') {
      const [value, next] = optionValue(argv, i, name);
      i = next;
      if (name === '--reference-date') {
        if (!isCalendarDay(value)) fail(`bad reference date "${value}" (want YYYY-MM-DD)`);
        out.referenceDate = value;
      } else if (name === '--count') {
        if (!/^\d+$/.test(value) || Number(value) < 1) fail(`bad count "${value}" (want a whole number from 1)`);
        out.count = Number(value);
      } else {
        out.seed = value;
      }
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else if (out.file === '') out.file = arg;
    else fail(`unexpected argument ${arg}`);
  }
  if (out.file === '') fail('no FILE given');
  return out;
}

const args = parseArgs(process.argv.slice(2));
let text: string;
try {
  text = readFileSync(args.file, 'utf8');
} catch (e) {
  fail(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
}
const analysis = extract(text, { referenceDate: args.referenceDate });
const questions = generateQuiz(text, analysis, { seed: args.seed, ...(args.count ? { count: args.count } : {}) }).map(
  (q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    choices: q.choices,
    answer: q.answer,
    acceptableAnswers: q.acceptableAnswers,
    evidence: q.evidence,
    ...(q.precision ? { precision: q.precision } : {}),
    ...(q.items ? { items: q.items } : {}),
  }),
);
process.stdout.write(`${JSON.stringify({ questions }, null, 2)}\n`);
