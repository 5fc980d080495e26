/**
 * `truefalse` questions: a sentence of the article, as written (true) or with one actor or one written date swapped for
 * a distractor of the same kind (false). The seed decides which, sentence by sentence.
 */
import type { Span } from '../extract/types';
import { actorSpans, replaceSpans } from './actor-spans';
import { evidenceOf, finishQuestion, sentenceScore, type Candidate } from './candidate';
import type { ArticleContext } from './context';
import { actorDistractors, dateDistractors } from './distractors';
import { askableDate } from './kind-when';
import { containsWords } from './normalize';
import { createRng } from './prng';
import { swapOf } from './statement-swap';

const MONTH_OR_DIGIT = /\d|January|February|March|April|May|June|July|August|September|October|November|December/i;

interface Element {
  spans: Span[];
  /** Swaps that would make the sentence false, best first; empty when no distractor exists. */
  swaps: string[];
  fact: string;
  /** Countries are named so often that swapping one says little; people, organisations and dates come first. */
  minor: boolean;
}

function elements(ctx: ArticleContext, index: number): Element[] {
  const visible = new Set((ctx.actorsBySentence.get(index) ?? []).map((a) => a.id));
  const out: Element[] = [];
  const sentence = ctx.sentences[index]?.text ?? '';
  for (const actor of ctx.actorsBySentence.get(index) ?? []) {
    const spans = actorSpans(ctx, actor, index);
    if (spans.length === 0) continue;
    // "Chinese President" cannot become "Russia President": a country swaps only where the text uses its name.
    const byName = actor.type !== 'country' || spans.every((s) => ctx.text.slice(s.start, s.end) === actor.name);
    // Nor a name the sentence already writes (in its dateline, or missed by the engine): "a win over Arsenal" by Arsenal.
    const swaps = byName
      ? actorDistractors(ctx, actor, ['tf', index], visible).filter((x) => !containsWords(sentence, x))
      : [];
    out.push({ spans, swaps, fact: `actor:${actor.id}:${index}`, minor: actor.type === 'country' });
  }
  for (const d of ctx.datesBySentence.get(index) ?? []) {
    // Only dates written out swap cleanly: "this year" replaced by "2021" does not read as English.
    if (!askableDate(d) || !MONTH_OR_DIGIT.test(d.text)) continue;
    // "from March 3 to March 5" must not become "from March 5 to March 5": no date the sentence already writes.
    const swaps = dateDistractors(ctx, d.value, ['tf', index]).filter((x) => !containsWords(sentence, x));
    out.push({ spans: [d], swaps, fact: `date:${index}:${d.value}`, minor: false });
  }
  return out;
}

/**
 * "The European Commission" swapped for a company reads "Solvik Pharma", not "The Solvik Pharma": where the text writes
 * the original with "the" and never writes the substitute so, the article goes with the name it stood before.
 */
export function withArticle(text: string, spans: Span[], swap: string): Span[] {
  const escaped = swap.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (swap === '' || new RegExp(`\\bthe\\s+${escaped}\\b`, 'i').test(text)) return spans;
  return spans.map((span) => {
    const article = /\b[Tt]he\s+$/.exec(text.slice(Math.max(0, span.start - 4), span.start));
    return article ? { ...span, start: span.start - article[0].length } : span;
  });
}

// A quotation is someone's words, and a hedge or forecast ("may", "is expected to", "analysts believe") is a view: neither
// is a fact of the article that a swapped name or date turns false.
const QUOTATION = /[“”"]|(?:^|\s)[‘'][^’']{3,}[’'](?=\s|[,.;:]|$)/u;
const VIEW =
  /\b(?:[Mm]ight|[Cc]ould|[Ww]ould|[Ss]hould|may|[Ll]ikely|[Uu]nlikely|[Aa]ppears?|[Ss]eems?|[Pp]redict\w*|[Ss]peculat\w*|[Bb]elieves?|[Ee]xpects?|[Ee]xpected|[Ii]nterpreted|[Pp]erhaps|[Pp]robably|[Pp]ossibly|[Aa]pparently|[Rr]eportedly|[Aa]llegedly|[Vv]iew|[Oo]pinion)\b/;

/** True when a sentence states a fact in the article's own voice: no quotation, no hedge, no forecast. */
export function isFactualStatement(sentence: string): boolean {
  return !QUOTATION.test(sentence) && !VIEW.test(sentence);
}

/**
 * True when `statement` differs from `sentence` in one place, and the words put in there (widened to whole words)
 * stand nowhere else in the statement: a swap that repeats a name or number the sentence already holds is nonsense.
 */
export function isCleanSwap(statement: string, sentence: string): boolean {
  const swap = swapOf(statement, sentence);
  return (
    swap !== null &&
    swap.inserted !== '' &&
    !containsWords(swap.before, swap.inserted) &&
    !containsWords(swap.after, swap.inserted)
  );
}

function trueFalse(ctx: ArticleContext, index: number): Candidate | null {
  const sentence = ctx.sentences[index];
  if (!sentence || sentence.text.split(/\s+/).length < 8 || !isFactualStatement(sentence.text)) return null;
  const all = elements(ctx, index);
  const major = all.filter((e) => !e.minor && e.swaps.length > 0);
  const options = major.length > 0 ? major : all;
  const rng = createRng(ctx.seed, 'truefalse', index);
  const element = options[rng.int(options.length)];
  const first = element?.spans[0];
  if (!element || !first) return null;
  const swapped = (swap: string): string =>
    replaceSpans(ctx.text, sentence.start, sentence.end, withArticle(ctx.text, element.spans, swap), swap);
  // The first swap that reads as one change: "from March 3 to March 5" must not become "from March 3 to March 3, 2024".
  const clean = element.swaps.map(swapped).find((s) => isCleanSwap(s, sentence.text));
  const makeFalse = clean !== undefined && rng.next() < 0.5;
  const statement = makeFalse && clean !== undefined ? clean : sentence.text;
  const answer = makeFalse ? 'False' : 'True';
  const question = finishQuestion(
    ctx,
    {
      kind: 'truefalse',
      answerType: 'truth',
      prompt: `True or false? “${statement}”`,
      answer,
      acceptableAnswers: makeFalse ? ['F', 'No', 'N'] : ['T', 'Yes', 'Y'],
      evidence: evidenceOf(sentence),
      support: ctx.text.slice(first.start, first.end),
      ...(ctx.highlighted.has(index) ? { fromHighlight: true } : {}),
    },
    [],
  );
  return { question, score: (element.minor ? 0.5 : 1.5) + sentenceScore(ctx, index), facts: [element.fact] };
}

/** One true-or-false statement per sentence that names an actor or a written date; [] when none does. */
export function trueFalseQuestions(ctx: ArticleContext): Candidate[] {
  const out: Candidate[] = [];
  ctx.sentences.forEach((_, index) => {
    const c = trueFalse(ctx, index);
    if (c) out.push(c);
  });
  return out;
}
