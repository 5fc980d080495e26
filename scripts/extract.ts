/** CLI: `npm run --silent extract -- FILE [--reference-date YYYY-MM-DD]` prints the extraction as JSON. */
import { readFileSync } from 'node:fs';
import { extract } from '@core/extract/index';
import { parseYmd } from '@core/extract/calendar';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; referenceDate: string | null } {
  let file: string | null = null;
  let referenceDate: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--reference-date') {
      referenceDate = argv[++i] ?? fail('--reference-date needs a value (YYYY-MM-DD)');
    } else if (arg.startsWith('--reference-date=')) {
      referenceDate = arg.slice('--reference-date='.length);
    } else if (arg.startsWith('--')) {
      fail(`unknown option ${arg}`);
    } else if (file === null) {
      file = arg;
    } else {
      fail(`unexpected argument ${arg}`);
    }
  }
  if (file === null) fail('usage: extract FILE [--reference-date YYYY-MM-DD]');
  if (referenceDate !== null && !parseYmd(referenceDate))
    fail(`bad reference date "${referenceDate}" (want YYYY-MM-DD)`);
  return { file, referenceDate };
}

const { file, referenceDate } = parseArgs(process.argv.slice(2));
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
}
const r = extract(text, { referenceDate });
const out = {
  referenceDate: r.referenceDate,
  referenceDateInference: r.referenceDateInference,
  actors: r.actors.map((a) => ({
    name: a.name,
    type: a.type,
    aliases: a.aliases,
    roles: a.roles,
    mentions: a.mentions,
  })),
  dates: r.dates.map((d) => ({
    text: d.text,
    start: d.start,
    end: d.end,
    value: d.value,
    precision: d.precision,
    event: d.event,
    actors: d.actors,
    status: d.status,
    ...(d.pointsTo ? { pointsTo: d.pointsTo } : {}),
  })),
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
