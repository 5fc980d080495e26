/**
 * The article as the question builders see it: its sentences, which actors and dates each sentence holds, and the
 * options (seed, pool, highlights) every builder shares. Built once per generateQuiz call.
 */
import { spanIndexAt } from '../passages';
import { outsideBody, overlapsAny } from '../extract/article-parts';
import { splitSentences, type Sentence } from '../extract/sentences';
import type { Actor, DateMention, ExtractionResult, Span } from '../extract/types';
import type { Highlight, QuizPool } from './types';

export interface ArticleContext {
  text: string;
  sentences: Sentence[];
  /** Actors fit to be asked about (names without digits, at least two letters). */
  actors: Actor[];
  dates: DateMention[];
  /** YYYY-MM-DD used to resolve typed relative dates; null when the text gives no year at all. */
  referenceDate: string | null;
  seed: string;
  pool: QuizPool;
  /** Sentence index -> actors with an engine mention in it, in order of first mention there. */
  actorsBySentence: Map<number, Actor[]>;
  /** Sentence index -> dates starting in it, in text order. */
  datesBySentence: Map<number, DateMention[]>;
  /** Indexes of sentences that overlap a highlight. */
  highlighted: Set<number>;
  /** Spans outside the article body (dateline, byline, captions, author's note): never asked about. */
  outside: Span[];
  /** Mention count per actor id, for ranking distractors by prominence. */
  prominence: Map<string, number>;
  /** Per-call memo for lists the builders ask for repeatedly (distractor candidates, parsed dates). */
  cache: Map<string, unknown>;
}

/** The index of the sentence containing `offset`, or -1 when it falls between sentences. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  return spanIndexAt(sentences, offset);
}

function isAskable(actor: Actor): boolean {
  // A digit in a name is an engine slip (a date taken for a person); such names make nonsense questions.
  return !/\d/.test(actor.name) && /\p{L}.*\p{L}/u.test(actor.name) && actor.mentions.length > 0;
}

function referenceFrom(analysis: ExtractionResult): string | null {
  if (analysis.referenceDate) return analysis.referenceDate;
  const anchor = analysis.referenceDateInference.anchor;
  if (!anchor) return null;
  if (/^\d{4}$/.test(anchor)) return `${anchor}-07-01`; // mid-year keeps either half of the year within reach
  return /^\d{4}-\d{2}$/.test(anchor) ? `${anchor}-15` : anchor;
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function highlightedSentences(sentences: readonly Sentence[], highlights: readonly Highlight[]): Set<number> {
  const out = new Set<number>();
  for (const h of highlights) {
    sentences.forEach((s, i) => {
      if (h.start < s.end && h.end > s.start) out.add(i);
    });
  }
  return out;
}

/** Builds the shared context; never fails (an empty analysis gives empty maps). */
export function buildContext(
  text: string,
  analysis: ExtractionResult,
  opts: { seed: string | number; pool?: QuizPool; highlights?: Highlight[] },
): ArticleContext {
  const sentences = splitSentences(text);
  // The dateline, byline, captions and the author's note are about the page, not the story: nothing there is asked,
  // and an actor named only there (the byline's writer) is no actor of the article.
  const outside = outsideBody(text);
  const inBody = (s: Span): boolean => !overlapsAny(outside, s.start, s.end);
  const actors = analysis.actors.map((a) => ({ ...a, mentions: a.mentions.filter(inBody) })).filter(isAskable);
  const actorsBySentence = new Map<number, Actor[]>();
  const firstMention = new Map<string, number>();
  for (const actor of actors) {
    const seen = new Set<number>();
    for (const m of actor.mentions) {
      const i = sentenceIndexAt(sentences, m.start);
      const key = `${actor.id}@${i}`;
      if (i < 0 || seen.has(i)) continue;
      seen.add(i);
      firstMention.set(key, m.start);
      push(actorsBySentence, i, actor);
    }
  }
  for (const [i, list] of actorsBySentence) {
    list.sort((a, b) => (firstMention.get(`${a.id}@${i}`) ?? 0) - (firstMention.get(`${b.id}@${i}`) ?? 0));
  }
  const datesBySentence = new Map<number, DateMention[]>();
  for (const d of analysis.dates.filter(inBody)) {
    const i = sentenceIndexAt(sentences, d.start);
    if (i >= 0) push(datesBySentence, i, d);
  }
  return {
    text,
    sentences,
    actors,
    dates: analysis.dates.filter(inBody),
    referenceDate: referenceFrom(analysis),
    seed: String(opts.seed),
    pool: opts.pool ?? { actors: [], dates: [] },
    actorsBySentence,
    datesBySentence,
    highlighted: highlightedSentences(sentences, opts.highlights ?? []),
    outside,
    prominence: new Map(actors.map((a) => [a.id, a.mentions.length])),
    cache: new Map(),
  };
}

/** The engine mentions of `actor` inside sentence `index`. */
export function mentionsIn(ctx: ArticleContext, actor: Actor, index: number): Span[] {
  const s = ctx.sentences[index];
  return s ? actor.mentions.filter((m) => m.start >= s.start && m.end <= s.end) : [];
}
