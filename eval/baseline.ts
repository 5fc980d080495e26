/** The off-the-shelf baseline: compromise's people/places/organizations and chrono-node's parse, nothing added. */
import nlp from 'compromise';
import * as chrono from 'chrono-node';
import type { ActorType } from '@core/extract/types';
import type { Prediction } from './score';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function componentsValue(c: chrono.ParsedComponents): string {
  const y = String(c.get('year') ?? 0).padStart(4, '0');
  const m = pad(c.get('month') ?? 1);
  const d = pad(c.get('day') ?? 1);
  if (c.isCertain('day')) return `${y}-${m}-${d}`;
  if (c.isCertain('month')) return `${y}-${m}`;
  return c.isCertain('year') ? y : `${y}-${m}-${d}`;
}

/** Baseline prediction for `text`; chrono resolves against `ref` (the gold date, or today as shipped). */
export function baseline(text: string, ref: Date): Prediction {
  const doc = nlp(text);
  const byName = new Map<string, { name: string; type: ActorType; aliases: string[]; roles: string[] }>();
  const add = (names: string[], type: ActorType): void => {
    for (const raw of names) {
      const name = raw.replace(/[’']s$/, '').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (name && !byName.has(`${type}:${name}`)) byName.set(`${type}:${name}`, { name, type, aliases: [], roles: [] });
    }
  };
  add(doc.people().out('array') as string[], 'person');
  add(doc.places().out('array') as string[], 'country');
  add(doc.organizations().out('array') as string[], 'organization');
  const dates = chrono.parse(text, ref).map((r) => ({
    start: r.index,
    end: r.index + r.text.length,
    text: r.text,
    value: r.end ? `${componentsValue(r.start)}/${componentsValue(r.end)}` : componentsValue(r.start),
  }));
  return { actors: [...byName.values()], dates };
}
