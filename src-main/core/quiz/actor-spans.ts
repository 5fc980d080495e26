/**
 * Where a sentence names an actor, as spans wide enough to blank or swap without leaking the answer: an engine mention
 * grows to the longest alias around it ("Russian President Vladimir Putin"), and alias occurrences the engine missed
 * count too. A short alias inside another person's or country's name ("Kim" in "Kim Il-sung", "Korea" in
 * "North Korea") is not this actor and is left alone; inside an organisation's name it is ("North Korean" in
 * "North Korean Workers' Party" would give the answer away).
 */
import type { Actor, Span } from '../extract/types';
import type { ArticleContext } from './context';
import { mentionsIn } from './context';
import { surfaces } from './names';

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function occurrences(text: string, needle: string, offset: number): Span[] {
  const out: Span[] = [];
  if (needle.length < 2) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + needle.length])) {
      out.push({ start: offset + i, end: offset + i + needle.length });
    }
  }
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The spans naming `actor` in sentence `index`, merged and in order; empty when it is not named there. */
export function actorSpans(ctx: ArticleContext, actor: Actor, index: number): Span[] {
  const sentence = ctx.sentences[index];
  if (!sentence) return [];
  const own = mentionsIn(ctx, actor, index);
  const guarded: Span[] = [];
  for (const other of ctx.actorsBySentence.get(index) ?? []) {
    if (other.id === actor.id || other.type === 'organization') continue;
    for (const m of mentionsIn(ctx, other, index)) if (!own.some((o) => overlaps(o, m))) guarded.push(m);
  }
  const found: Span[] = [...own];
  for (const surface of surfaces(actor)) {
    for (const occ of occurrences(sentence.text, surface, sentence.start)) {
      // A title phrase around the actor's own mention is part of its name even when it holds a country's name.
      const grows = own.some((o) => o.start >= occ.start && o.end <= occ.end);
      // The dateline's "Greece" is the page's, not the sentence's: the context dropped it from the mentions too.
      if (ctx.outside.some((o) => overlaps(o, occ))) continue;
      if (grows || !guarded.some((g) => overlaps(g, occ))) found.push(occ);
    }
  }
  return merge(found);
}

/** `text` between `from` and `to` with each span replaced by `fill`. */
export function replaceSpans(text: string, from: number, to: number, spans: readonly Span[], fill: string): string {
  let out = '';
  let at = from;
  for (const s of spans) {
    out += text.slice(at, s.start) + fill;
    at = s.end;
  }
  return out + text.slice(at, to);
}
