/**
 * Finds attributed quotations in a sentence and their speakers among the engine's actors: `X said, “...”`,
 * `X, a professor at ..., said: “...”`, `“...,” said X`, `“...,” X said` and `X ... saying, “...”`. A quotation
 * given to a pronoun ("he said") or to nobody the engine knows is skipped: its speaker cannot be checked against the text.
 */
import type { Actor, Span } from '../extract/types';
import type { ArticleContext } from './context';
import { mentionsIn } from './context';

export interface FoundQuote {
  speaker: Actor;
  /** The speaker's mention (absolute offsets). */
  mention: Span;
  /** The quoted words inside the sentence, without the quotation marks. */
  quote: string;
  /** Offset of the opening quotation mark. */
  start: number;
}

const VERBS = [
  'said',
  'says',
  'added',
  'stated',
  'noted',
  'explained',
  'warned',
  'asked',
  'insisted',
  'argued',
  'pointed out',
  'announced',
  'declared',
  'wrote',
  'told reporters',
  'saying',
  'adding',
  'stating',
  'noting',
  'declaring',
].join('|');
const VERB_BEFORE = new RegExp(String.raw`\b(${VERBS})\s*[,:]?\s*$`, 'u');
const VERB_AFTER_THEN_NAME = new RegExp(String.raw`^[\s,]*(?:${VERBS})\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}$`, 'u');
const NAME_THEN_VERB = new RegExp(String.raw`^(?:,[^,“”"]{1,80},)?\s*(?:${VERBS})\b`, 'u');
const PARTICIPLES = new Set(['saying', 'adding', 'stating', 'noting', 'declaring']);

interface Mention extends Span {
  actor: Actor;
}

function sentenceMentions(ctx: ArticleContext, index: number): Mention[] {
  return (ctx.actorsBySentence.get(index) ?? [])
    .flatMap((actor) => mentionsIn(ctx, actor, index).map((m) => ({ ...m, actor })))
    .sort((a, b) => a.start - b.start);
}

function quoteSpans(text: string, from: number, to: number): { open: number; close: number }[] {
  const out: { open: number; close: number }[] = [];
  let i = from;
  while (i < to) {
    const open = text.slice(i, to).search(/[“"]/);
    if (open < 0) break;
    const o = i + open;
    const closer = text[o] === '“' ? '”' : '"';
    const c = text.indexOf(closer, o + 1);
    const close = c < 0 || c > to ? to : c;
    out.push({ open: o, close });
    i = close + 1;
  }
  return out;
}

// Speaker before the verb: the subject of a participle ("X ..., saying"), else the first person in the clause.
function speakerBefore(
  text: string,
  mentions: Mention[],
  clauseStart: number,
  verbAt: number,
  verb: string,
): Mention | null {
  const before = mentions.filter((m) => m.start >= clauseStart && m.end <= verbAt);
  if (/^\s*(he|she|they|it)\b/i.test(text.slice(clauseStart, verbAt))) return null;
  if (PARTICIPLES.has(verb)) return before[0] ?? null;
  return before.find((m) => m.actor.type === 'person') ?? before[0] ?? null;
}

function speakerAfter(text: string, mentions: Mention[], close: number, end: number): Mention | null {
  const next = mentions.find((m) => m.start > close && m.start <= close + 60 && m.end <= end);
  if (!next) return null;
  if (VERB_AFTER_THEN_NAME.test(text.slice(close + 1, next.start))) return next;
  return NAME_THEN_VERB.test(text.slice(next.end, Math.min(end, next.end + 100))) ? next : null;
}

/** The attributed quotations of sentence `index`, in text order; [] when it has none. */
export function findQuotes(ctx: ArticleContext, index: number): FoundQuote[] {
  const sentence = ctx.sentences[index];
  if (!sentence) return [];
  const { text } = ctx;
  const mentions = sentenceMentions(ctx, index);
  const out: FoundQuote[] = [];
  let clauseStart = sentence.start;
  for (const { open, close } of quoteSpans(text, sentence.start, sentence.end)) {
    const outside = mentions.filter((m) => m.end <= open || m.start > close);
    const verb = VERB_BEFORE.exec(text.slice(clauseStart, open));
    const speaker = verb
      ? speakerBefore(text, outside, clauseStart, clauseStart + verb.index, verb[1] ?? '')
      : speakerAfter(text, outside, close, sentence.end);
    const quote = text
      .slice(open + 1, close)
      .trim()
      .replace(/[,.;:]+$/, '');
    if (speaker) out.push({ speaker: speaker.actor, mention: speaker, quote, start: open });
    clauseStart = close + 1;
  }
  return out;
}
