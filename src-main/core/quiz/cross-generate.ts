/**
 * Questions that need two articles (role-change, event-order) over a set of documents, optionally only about one
 * actor. Pure: the seed is the only source of variation. Each question names the document whose sentence answers it
 * (`documentId`); its items carry both documents, so each piece of evidence opens in its own article.
 */
import type { Candidate } from './candidate';
import { crossArticles, type CrossArticle, type CrossDocument } from './cross-context';
import { isActor, type ActorRef, type SameActor } from './cross-identity';
import { eventOrderQuestions, type PlacedEvent } from './kind-event-order';
import { roleChangeQuestions } from './kind-role-change';
import type { Actor } from '../extract/types';

/** Whether a document's actor is the subject of an actor quiz. */
export type SubjectTest = (docId: string, actor: Actor) => boolean;
import { createRng, shuffled } from './prng';
import { inReadingOrder, selectBalanced } from './select';
import { CROSS_KINDS, type CrossKind, type Question, type QuizPool } from './types';

// Pairs of articles looked at, at most: a library of hundreds gives more pairs than any quiz needs.
const MAX_PAIRS = 400;

export interface CrossOptions {
  seed: string;
  kinds?: readonly string[];
  count?: number;
  /** Only questions about this actor (the actor quiz), named or as a test on each document's actor. */
  actor?: ActorRef | SubjectTest;
  /** Who is who across the documents; by default one type and a shared full name (cross-identity.ts). */
  same?: SameActor;
  pool?: QuizPool;
}

export interface CrossQuestion extends Question {
  documentId: string;
  documentTitle: string;
}

/** The document a question's answer rests on: the later article for a role change, the earlier event's otherwise. */
function anchorOf(question: Question): { id: string; title: string } {
  const items = question.items ?? [];
  const item = question.kind === 'role-change' ? items[items.length - 1] : items[0];
  return { id: item?.documentId ?? '', title: item?.documentTitle ?? '' };
}

function pairsOf(articles: CrossArticle[], seed: string): [CrossArticle, CrossArticle][] {
  const pairs: [CrossArticle, CrossArticle][] = [];
  for (let i = 0; i < articles.length; i++)
    for (let j = i + 1; j < articles.length; j++)
      pairs.push([articles[i] as CrossArticle, articles[j] as CrossArticle]);
  return pairs.length <= MAX_PAIRS ? pairs : shuffled(pairs, createRng(seed, 'pairs')).slice(0, MAX_PAIRS);
}

/** Questions across the documents; [] with fewer than two documents or when no pair offers one. */
export function generateCrossQuiz(docs: readonly CrossDocument[], options: CrossOptions): CrossQuestion[] {
  const kinds = new Set(
    (options.kinds ?? CROSS_KINDS).filter((k): k is CrossKind => (CROSS_KINDS as readonly string[]).includes(k)),
  );
  if (docs.length < 2 || kinds.size === 0) return [];
  const articles = crossArticles(docs, options.seed, options.pool);
  const ref = options.actor;
  const subject: SubjectTest | null =
    typeof ref === 'function' ? ref : ref ? (_: string, a: Actor): boolean => isActor(a, ref) : null;
  const keep = (e: PlacedEvent, article: CrossArticle): boolean =>
    !subject ||
    article.ctx.actors.some(
      (a) => subject(article.doc.id, a) && e.date.actors.some((n) => n === a.name || a.aliases.includes(n)),
    );
  const candidates: Candidate[] = [];
  for (const [a, b] of pairsOf(articles, options.seed)) {
    if (kinds.has('role-change')) {
      const changes = [...roleChangeQuestions(a, b, options.same), ...roleChangeQuestions(b, a, options.same)];
      candidates.push(...changes.filter((c) => !subject || aboutSubject(c, articles, subject)));
    }
    if (kinds.has('event-order')) candidates.push(...eventOrderQuestions(a, b, options.seed, keep));
  }
  const questions =
    options.count === undefined
      ? inReadingOrder(candidates)
      : selectBalanced(candidates, Math.max(0, Math.floor(options.count)), options.seed);
  return questions.map((q) => {
    const anchor = anchorOf(q);
    return { ...q, documentId: anchor.id, documentTitle: anchor.title };
  });
}

// A role change is about the actor it asks of (`about.actor`, in the later article).
function aboutSubject(c: Candidate, articles: readonly CrossArticle[], subject: SubjectTest): boolean {
  const docId = anchorOf(c.question).id;
  const actor = articles.find((x) => x.doc.id === docId)?.ctx.actors.find((x) => x.id === c.question.about?.actor);
  return actor !== undefined && subject(docId, actor);
}
