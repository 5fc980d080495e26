/**
 * Helpers shared by the extraction tests: run the engine on a snippet and pick out what a case checks. They were
 * copied into each test file as it was split from the next; one copy keeps the reference dates the cases were
 * written against the same everywhere.
 */
import { extract } from './index';
import type { Actor, DateMention } from './types';

/** The actors and dates of `text`, read as of `referenceDate`. */
export function run(text: string, referenceDate = '2024-03-07'): { actors: Actor[]; dates: DateMention[] } {
  const r = extract(text, { referenceDate });
  return { actors: r.actors, dates: r.dates };
}

export function actorsOf(text: string, referenceDate = '2024-03-07'): Actor[] {
  return extract(text, { referenceDate }).actors;
}

/** The actors of `text` as of 7 March 2025, the date the naming cases were written against. */
export const actors = (text: string): Actor[] => extract(text, { referenceDate: '2025-03-07' }).actors;

export const orgs = (text: string): string[] =>
  actors(text)
    .filter((a) => a.type === 'organization')
    .map((a) => a.name);

export const names = (list: Actor[], type?: Actor['type']) =>
  list.filter((a) => !type || a.type === type).map((a) => a.name);

export const byName = (list: Actor[], name: string): Actor | undefined => list.find((a) => a.name === name);

/** "type:name", or null for no actor. */
export function summary(a: Actor | undefined): string | null {
  return a ? `${a.type}:${a.name}` : null;
}

export const valueOf = (dates: DateMention[], text: string) => dates.find((d) => d.text === text)?.value;
