/**
 * The question judge for questions across articles (role-change, event-order): it re-reads both articles' text and
 * analyses, never the generator's internals, and reports what would teach a wrong fact: evidence that is not its
 * article's sentence, an actor or role the engine is not sure of, a "change" between two ways of writing one role,
 * publication dates out of order, events whose days overlap, or an answer that is not the earlier one.
 */
import { needsCheck } from '../extract/confidence';
import { outsideBody, overlapsAny } from '../extract/article-parts';
import type { Actor } from '../extract/types';
import type { CrossDocument } from './cross-context';
import { sameByName, type SameActor } from './cross-identity';
import { dayInterval, parseDateValue } from './date-value';
import type { Defect } from './judge';
import { isRealRole } from './judge';
import { answerKey, containsWords } from './normalize';
import { boundingDate, plainPastEvent } from './event-wording';
import { sameRole, timeBoundRole } from './same-role';
import type { Question, QuizItem } from './types';

// The sure actors of `doc` written `name` (canonical, or the actor the question is about), of `type` when given.
function sureActorsNamed(doc: CrossDocument, name: string, aboutId: string | undefined, type?: Actor['type']): Actor[] {
  const found = doc.analysis.actors.filter(
    (a) => !needsCheck(a.confidence) && (type === undefined || a.type === type) && a.name === name,
  );
  return found.length > 0 ? found : doc.analysis.actors.filter((a) => a.id === aboutId && !needsCheck(a.confidence));
}

/** Each item's evidence must be a body sentence of its own article, with the support written in it. */
function checkEvidence(q: Question, docs: Map<string, CrossDocument>, bad: (m: string) => void): void {
  const items = q.items ?? [];
  if (items.length !== 2) return bad(`${items.length} items, not two`);
  const [a, b] = items as [QuizItem, QuizItem];
  if (!a.documentId || !b.documentId || a.documentId === b.documentId) bad('the items are not from two articles');
  for (const item of items) {
    const doc = docs.get(item.documentId ?? '');
    if (!doc) {
      bad(`item "${item.label}" names no article of the quiz`);
      continue;
    }
    const { start, end, text } = item.evidence;
    if (doc.text.slice(start, end) !== text)
      bad(`item "${item.label}": its evidence is not the text of “${doc.title}”`);
    if (!text.includes(item.support)) bad(`item "${item.label}": its evidence does not contain "${item.support}"`);
    // As judge.ts reads it: a sentence wholly in the byline, dateline, a caption or the note, or its support there.
    const outside = outsideBody(doc.text);
    const at = start + text.indexOf(item.support);
    if (outside.some((s) => s.start <= start && s.end >= end) || overlapsAny(outside, at, at + item.support.length))
      bad(`item "${item.label}" rests on text outside the body`);
  }
}

function checkRoleChange(
  q: Question,
  docs: Map<string, CrossDocument>,
  bad: (m: string) => void,
  same: SameActor,
): void {
  const [a, b] = (q.items ?? []) as [QuizItem?, QuizItem?];
  const docA = docs.get(a?.documentId ?? '');
  const docB = docs.get(b?.documentId ?? '');
  if (!a || !b || !docA || !docB) return;
  if (!docA.published || !docB.published || !(docA.published < docB.published))
    bad(
      `“${docA.title}” (${docA.published ?? 'undated'}) is not earlier than “${docB.title}” (${docB.published ?? 'undated'})`,
    );
  if (a.published !== docA.published || b.published !== docB.published) bad('an item carries another published date');
  if (q.answer !== b.label) bad(`the answer "${q.answer}" is not the later article's role "${b.label}"`);
  const name = a.match ?? '';
  const inA = sureActorsNamed(docA, name, q.about?.actor);
  const type = inA[0]?.type;
  const inB = sureActorsNamed(docB, b.match ?? '', q.about?.actor, type);
  if (inA.length !== 1 || inB.length !== 1) return bad(`"${name}" is not one sure actor in both articles`);
  const [x, y] = [inA[0] as Actor, inB[0] as Actor];
  if (!same({ docId: docA.id, actor: x }, { docId: docB.id, actor: y }))
    bad(`"${x.name}" and "${y.name}" are not one actor`);
  const sureRole = (actor: Actor, role: string): boolean =>
    actor.roles.some((r) => r.toLowerCase() === role.toLowerCase() && !needsCheck(actor.roleConfidence?.[r]));
  for (const [item, actor] of [
    [a, x],
    [b, y],
  ] as const) {
    if (!sureRole(actor, item.support)) bad(`"${item.support}" is not a sure role of ${actor.name}`);
    if (!isRealRole(item.support) || timeBoundRole(item.support)) bad(`"${item.support}" is not a present office`);
    if (!actor.mentions.some((m) => m.start >= item.evidence.start && m.end <= item.evidence.end))
      bad(`${actor.name} is not named in the sentence giving "${item.support}"`);
  }
  if (sameRole(a.support, b.support)) bad(`"${a.support}" and "${b.support}" may be one role`);
  if (y.roles.some((r) => sameRole(r, a.support))) bad(`“${docB.title}” also calls ${y.name} "${a.support}"`);
  if (x.roles.some((r) => sameRole(r, b.support))) bad(`“${docA.title}” also calls ${x.name} "${b.support}"`);
  if (containsWords(q.prompt, q.answer)) bad(`the prompt shows the answer "${q.answer}"`);
  for (const c of q.choices)
    if (c !== q.answer && y.roles.some((r) => sameRole(r, c))) bad(`choice "${c}" may also be ${y.name}'s role`);
}

function checkEventOrder(q: Question, docs: Map<string, CrossDocument>, bad: (m: string) => void): void {
  const items = (q.items ?? []) as QuizItem[];
  const intervals = items.map((i) => {
    const parts = parseDateValue(i.value ?? '');
    return parts ? dayInterval(parts) : null;
  });
  const [first, second] = intervals;
  if (!first || !second) return bad('an event has no date that can be placed');
  if (!(first[1] < second[0])) bad(`${items[0]?.value} does not end before ${items[1]?.value} begins`);
  if (q.answer !== items[0]?.label) bad(`the answer is not the earlier event`);
  if (answerKey(items[0]?.label ?? '') === answerKey(items[1]?.label ?? '')) bad('the two events read the same');
  const labels = items.map((i) => i.label).sort();
  if (JSON.stringify([...q.choices].sort()) !== JSON.stringify(labels)) bad('the choices are not the two events');
  for (const item of items) {
    const doc = docs.get(item.documentId ?? '');
    if (!doc) continue;
    const { start, end } = item.evidence;
    const date = doc.analysis.dates.find(
      (d) => d.start >= start && d.end <= end && d.text === item.support && d.value === item.value,
    );
    if (!date) bad(`“${doc.title}” does not date "${item.support}" ${item.value}`);
    else if (needsCheck(date.confidence)) bad(`the date "${item.support}" is not sure`);
    else if (date.status !== 'past') bad(`"${item.label}" is not reported as past: it may not happen`);
    if (!plainPastEvent(item.label)) bad(`"${item.label}" is not a plain report of a dated event`);
    if (date && boundingDate(doc.text.slice(Math.max(0, date.start - 40), date.start)))
      bad(`"${item.support}" bounds a stretch of time`);
    if (containsWords(item.label, item.support)) bad(`event "${item.label}" shows its own date`);
  }
}

/** Every defect of the questions across articles in `questions` (others are judgeQuiz's); [] when all are sound. */
export function judgeCross(
  questions: readonly Question[],
  documents: readonly CrossDocument[],
  same: SameActor = sameByName,
): Defect[] {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const out: Defect[] = [];
  for (const q of questions) {
    if (q.kind !== 'role-change' && q.kind !== 'event-order') continue;
    const bad = (message: string): void => {
      out.push({ class: 'cross-article', questionId: q.id, message });
    };
    checkEvidence(q, docs, bad);
    if (q.kind === 'role-change') checkRoleChange(q, docs, bad, same);
    else checkEventOrder(q, docs, bad);
  }
  return out;
}
