/**
 * `quote` questions: "Who said “...”?" for each quotation the text attributes to an actor. Quotations of fewer than four
 * words are scare quotes, not speech; quotations that name their own speaker would answer themselves.
 */
import type { ActorType } from '../extract/types';
import { actorSpans } from './actor-spans';
import { evidenceOf, finishQuestion, sentenceScore, type Candidate } from './candidate';
import type { ArticleContext } from './context';
import { actorDistractors } from './distractors';
import { acceptableNamesIn, surfaces } from './names';
import { containsWords } from './normalize';
import { findQuotes, type FoundQuote } from './quote-detect';

const LEAD: Record<ActorType, string> = { person: 'Who', country: 'Which country', organization: 'Which organisation' };
const MAX_WORDS = 30;

function shortQuote(quote: string): string {
  const words = quote.split(/\s+/);
  return words.length <= MAX_WORDS ? quote : `${words.slice(0, MAX_WORDS).join(' ')} …`;
}

function quoteQuestion(ctx: ArticleContext, found: FoundQuote, index: number): Candidate | null {
  const sentence = ctx.sentences[index];
  const { speaker, quote } = found;
  if (!sentence || quote.split(/\s+/).length < 4) return null;
  if (surfaces(speaker).some((s) => containsWords(quote, s))) return null;
  const span =
    actorSpans(ctx, speaker, index).find((s) => s.start <= found.mention.start && s.end >= found.mention.end) ??
    found.mention;
  const question = finishQuestion(
    ctx,
    {
      kind: 'quote',
      answerType: 'actor',
      prompt: `${LEAD[speaker.type]} said “${shortQuote(quote)}”?`,
      answer: speaker.name,
      acceptableAnswers: [...acceptableNamesIn(ctx, speaker)],
      evidence: evidenceOf(sentence),
      support: ctx.text.slice(span.start, span.end),
      ...(ctx.highlighted.has(index) ? { fromHighlight: true } : {}),
    },
    actorDistractors(ctx, speaker, ['quote', index, found.start]),
  );
  return {
    question,
    score: 3 + sentenceScore(ctx, index),
    facts: [`quote:${index}:${found.start}`, `actor:${speaker.id}:${index}`],
  };
}

/** Quote questions for every attributed quotation; [] when the article quotes nobody it can name. */
export function quoteQuestions(ctx: ArticleContext): Candidate[] {
  const out: Candidate[] = [];
  ctx.sentences.forEach((_, index) => {
    if (!/[“"]/.test(ctx.sentences[index]?.text ?? '')) return;
    for (const found of findQuotes(ctx, index)) {
      const c = quoteQuestion(ctx, found, index);
      if (c) out.push(c);
    }
  });
  return out;
}
