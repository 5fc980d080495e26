/**
 * `when` questions: one per dated fact (sentence and value), graded at the precision the text gives. Fuzzy references,
 * durations, weeks, quarters and anniversaries are left out: their answers are not dates a reader can type.
 */
import type { DateMention } from '../extract/types';
import { evidenceOf, finishQuestion, sentenceScore, type Candidate } from './candidate';
import type { ArticleContext } from './context';
import { dateLabel, formatDateValue, parseDateValue, type DateParts } from './date-value';
import { dateDistractors } from './distractors';
import { containsWords } from './normalize';
import { clozeClause, DATE_BLANK, eventQuestion } from './when-prompt';

const WRITTEN_DATE =
  /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;
// A blank needs this many words around it to be answerable from the sentence.
const MIN_CONTEXT = 4;

function contextWords(cloze: string): number {
  return cloze
    .replaceAll(DATE_BLANK, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w)).length;
}

const GRAIN_WEIGHT = { day: 3, month: 2.5, year: 1.5 } as const;

/** The parts of a date worth asking about, or null. */
export function askableDate(d: DateMention): DateParts | null {
  if (d.pointsTo || !['day', 'month', 'year', 'range'].includes(d.precision)) return null;
  const parts = parseDateValue(d.value);
  if (!parts || (d.precision === 'range') !== (parts.end !== null)) return null;
  return parts;
}

function whenQuestion(ctx: ArticleContext, d: DateMention, parts: DateParts, index: number): Candidate | null {
  const sentence = ctx.sentences[index];
  if (!sentence) return null;
  const label = dateLabel(parts);
  const event = eventQuestion(ctx, d, sentence.start);
  // A blank stands for the words it hides: "last ___" hiding "Friday" cannot take a calendar date as its answer.
  if (!event && !WRITTEN_DATE.test(d.text)) return null;
  const cloze = event ? '' : clozeClause(ctx, d, sentence);
  if (!event && contextWords(cloze) < MIN_CONTEXT) return null;
  const prompt = event ?? `Which date fills the blank? “${cloze}”`;
  // "approvals in ___ were up on April 2024" with the answer "April": the prompt itself shows the answer.
  if (containsWords(prompt, label)) return null;
  // The ISO form is a typed answer only when it is a real date: "XXXX-05-25" is nobody's way of writing one.
  const iso = parts.start.year !== null ? [formatDateValue(parts)] : [];
  const acceptable = [...new Set([d.text, ...iso])].filter((a) => a !== label);
  const question = finishQuestion(
    ctx,
    {
      kind: 'when',
      answerType: 'date',
      prompt,
      answer: label,
      acceptableAnswers: acceptable,
      evidence: evidenceOf(sentence),
      support: d.text,
      precision: d.precision,
      value: d.value,
      about: { date: { start: d.start, end: d.end } },
      ...(ctx.referenceDate ? { referenceDate: ctx.referenceDate } : {}),
      ...(ctx.highlighted.has(index) ? { fromHighlight: true } : {}),
    },
    dateDistractors(ctx, d.value, ['when', index, d.start]),
  );
  // A year the text only implies ("this year") is a weak question; a written date is a strong one.
  const written = /\d|January|February|March|April|May|June|July|August|September|October|November|December/i.test(
    d.text,
  );
  const score = GRAIN_WEIGHT[parts.grain] + (written ? 0.5 : -1) + sentenceScore(ctx, index);
  return { question, score, facts: [`date:${index}:${d.value}`] };
}

/** Every when question the article's dates allow, one per sentence and value; [] when no date is askable. */
export function whenQuestions(ctx: ArticleContext): Candidate[] {
  const out: Candidate[] = [];
  for (const [index, dates] of ctx.datesBySentence) {
    const seen = new Set<string>();
    for (const d of dates) {
      const parts = askableDate(d);
      if (!parts || seen.has(d.value)) continue;
      seen.add(d.value);
      const c = whenQuestion(ctx, d, parts, index);
      if (c) out.push(c);
    }
  }
  return out;
}
