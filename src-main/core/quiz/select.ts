/**
 * Picks a balanced quiz from the candidates: kinds take turns (in a seeded order), each turn takes that kind's best
 * remaining question, a fact is never asked twice, and sentences and answers are spread out before any is reused.
 */
import type { Candidate } from './candidate';
import { createRng, shuffled } from './prng';
import { CROSS_KINDS, QUESTION_KINDS, type Question, type QuestionKind } from './types';

function byQuality(a: Candidate, b: Candidate): number {
  return (
    b.score - a.score ||
    a.question.evidence.start - b.question.evidence.start ||
    a.question.id.localeCompare(b.question.id)
  );
}

/** Every candidate in reading order (evidence position, then kind), for the unlimited quiz. */
export function inReadingOrder(candidates: readonly Candidate[]): Question[] {
  const rank = (k: QuestionKind): number => [...QUESTION_KINDS, ...CROSS_KINDS].indexOf(k);
  return [...candidates]
    .sort(
      (a, b) =>
        a.question.evidence.start - b.question.evidence.start ||
        rank(a.question.kind) - rank(b.question.kind) ||
        a.question.id.localeCompare(b.question.id),
    )
    .map((c) => c.question);
}

/** At most `count` questions; fewer when the candidates run out of unasked facts. */
export function selectBalanced(candidates: readonly Candidate[], count: number, seed: string): Question[] {
  const buckets = new Map<QuestionKind, Candidate[]>();
  for (const c of candidates) buckets.set(c.question.kind, [...(buckets.get(c.question.kind) ?? []), c]);
  for (const list of buckets.values()) list.sort(byQuality);
  const order = shuffled([...buckets.keys()].sort(), createRng(seed, 'kinds'));
  const facts = new Set<string>();
  const perSentence = new Map<number, number>();
  const perAnswer = new Map<string, number>();
  // A highlighted sentence is the reader's own choice: it may serve a second question before others serve one.
  const uses = (c: Candidate): number =>
    Math.max(
      (perSentence.get(c.question.evidence.start) ?? 0) - (c.question.fromHighlight ? 1 : 0),
      c.question.answerType === 'truth' ? 0 : (perAnswer.get(c.question.answer) ?? 0),
    );
  const picked: Question[] = [];
  const taken = new Set<Candidate>();
  // A statement to judge tests recognition, not recall: true/false is at most a quarter of a quiz.
  const truefalseCap = Math.floor(count / 4);
  const full = (kind: QuestionKind): boolean =>
    kind === 'truefalse' && picked.filter((q) => q.kind === 'truefalse').length >= truefalseCap;
  // Each sentence and answer once first; only when that runs dry may one serve twice, then without limit.
  for (const limit of [1, 2, Infinity]) {
    let progress = true;
    while (progress && picked.length < count) {
      progress = false;
      for (const kind of order) {
        if (picked.length >= count) break;
        if (full(kind)) continue;
        const bucket = buckets.get(kind) ?? [];
        const free = (c: Candidate, cap: number): boolean =>
          !taken.has(c) && c.facts.every((f) => !facts.has(f)) && uses(c) < cap;
        // A kind not yet in the quiz may reuse a sentence: variety of kinds comes before spreading sentences.
        const firstOfKind = !picked.some((q) => q.kind === kind);
        const next =
          bucket.find((c) => free(c, limit)) ?? (firstOfKind ? bucket.find((c) => free(c, Infinity)) : undefined);
        if (!next) continue;
        taken.add(next);
        next.facts.forEach((f) => facts.add(f));
        const at = next.question.evidence.start;
        perSentence.set(at, (perSentence.get(at) ?? 0) + 1);
        perAnswer.set(next.question.answer, (perAnswer.get(next.question.answer) ?? 0) + 1);
        picked.push(next.question);
        progress = true;
      }
    }
  }
  // Fewer questions than asked for lower the cap: the last true/false picked go first.
  while (picked.filter((q) => q.kind === 'truefalse').length * 4 > picked.length) {
    const last = picked.map((q) => q.kind).lastIndexOf('truefalse');
    picked.splice(last, 1);
  }
  return picked;
}
