/**
 * The quiz part of the service: questions generated from each chosen article's actors, dates and the reader's
 * highlights (distractors drawn from the rest of the library when an article has too few), sessions stored with every
 * answer, typed answers graded leniently, and questions the reader hides never asked again.
 */
import { matchAnswer } from '../../core/quiz/answer-match';
import type { QuestionKind, QuizPool, WrongReason } from '../../core/quiz/types';
import { missedQuestions, retryQuestions } from '../../core/quiz/retry';
import { masteryFor } from '../../core/quiz/mastery';
import { gradeTyped, type TypedContext } from '../../core/quiz/typed-answer';
import { sessionScore, type QuizSessionRecord, type SessionQuestion } from '../../core/quiz/session';
import { pageAt } from '../../core/page-at';
import type { AnalysisCorrection, AnalysisView, LectioApi, QuizRequest, QuizSessionSummary } from '../contract';
import { analysisReader, withCorrection } from './analysis';
import { readerZone, type ServiceDeps } from './deps';
import { LectioError } from '../../core/errors';
import { CROSS_KINDS, type Question } from '../../core/quiz/types';
import type { CrossDocument } from '../../core/quiz/cross-context';
import { sameByName, type SameActor } from '../../core/quiz/cross-identity';
import type { Actor, ExtractionResult } from '../../core/extract/types';
import { memberKey } from '../../core/library/actor-identity';
import { identityOf, libraryIdentities } from './library-identities';

type QuizMethods = Pick<
  LectioApi,
  | 'prepareQuiz'
  | 'startQuiz'
  | 'answerQuiz'
  | 'finishQuiz'
  | 'listQuizSessions'
  | 'getQuizSession'
  | 'retryQuiz'
  | 'getMastery'
  | 'hideQuestion'
>;

/** A seeded shuffle (mulberry32), so a session's order follows from its seed. */
function shuffle<T>(items: T[], seed: string): T[] {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The correction a reason makes of the fact a question asks about, or null when the reason only hides the question
 * ("wrong answer", "unclear") or the question rests on no such fact (a "wrong role" on a date question).
 */
export function correctionFor(reason: WrongReason, question: SessionQuestion): AnalysisCorrection | null {
  const about = question.about;
  if (reason === 'not-an-actor' && about?.actor) return { kind: 'remove', actor: about.actor };
  if (reason === 'wrong-role' && about?.actor && about.role)
    return { kind: 'drop-role', actor: about.actor, role: about.role };
  if (reason === 'wrong-date' && about?.date)
    return { kind: 'remove-date', start: about.date.start, end: about.date.end };
  return null;
}

/** Whether the fact a correction changes is still shown (another report may have corrected it already). */
function stillShown(shown: AnalysisView, change: AnalysisCorrection): boolean {
  if (change.kind === 'remove') return shown.actors.some((a) => a.id === change.actor);
  if (change.kind === 'drop-role')
    return shown.actors.some((a) => a.id === change.actor && a.roles.includes(change.role));
  if (change.kind === 'remove-date') return shown.dates.some((d) => d.start === change.start && d.end === change.end);
  return true;
}

/** What a correction did, for the reader: names the actor, role or date as the document shows them. */
function describe(shown: AnalysisView, change: AnalysisCorrection): string {
  const name = (id: string) => shown.actors.find((a) => a.id === id)?.name ?? id;
  if (change.kind === 'remove') return `${name(change.actor)} is no longer listed as an actor.`;
  if (change.kind === 'drop-role') return `${name(change.actor)} is no longer listed as “${change.role}”.`;
  if (change.kind === 'remove-date') {
    const date = shown.dates.find((d) => d.start === change.start && d.end === change.end);
    return `The date “${date?.text ?? ''}” is no longer listed.`;
  }
  return '';
}

function summarise(session: QuizSessionRecord, hidden: readonly string[]): QuizSessionSummary {
  const titles = [...new Set(session.questions.map((q) => q.documentTitle))];
  return {
    id: session.id,
    startedAt: session.startedAt,
    finishedAt: session.finishedAt,
    titles,
    total: session.questions.length,
    answered: session.answers.length,
    correct: session.answers.filter((a) => a.correct).length,
    score: sessionScore(session.answers),
    missed: missedQuestions(session, hidden).length,
    ...(session.retryOf ? { retryOf: session.retryOf } : {}),
    ...(session.label ? { label: session.label } : {}),
  };
}

export function quizMethods(deps: ServiceDeps): QuizMethods {
  const { storage, now, newId } = deps;
  const analysisOf = analysisReader(deps);
  const identities = libraryIdentities(deps);

  /** Names and dates from every other article already analysed: distractors of the right kind when one article has few. */
  async function libraryPool(exclude: Set<string>): Promise<QuizPool> {
    const pool: QuizPool = { actors: [], dates: [] };
    for (const meta of storage.documents.list()) {
      if (exclude.has(meta.id)) continue;
      const cached = (await storage.analysis.cached(meta.id))?.result;
      if (!cached) continue;
      pool.actors.push(...cached.actors.map((a) => ({ name: a.name, type: a.type, roles: a.roles })));
      pool.dates.push(...cached.dates.map((d) => ({ value: d.value, precision: d.precision })));
    }
    return pool;
  }

  async function questionsFor(request: QuizRequest, seed: string): Promise<SessionQuestion[]> {
    const ids = [...new Set(request.documentIds)];
    const pool = await libraryPool(new Set(ids));
    const hidden = new Set(storage.quiz.hidden());
    const subject = request.actor ? await subjectOf(request.actor) : null;
    // Questions across articles take up to a third of a quiz on several articles; the articles' own fill the rest.
    const across = await acrossQuestions(request, ids, seed, pool, hidden, subject);
    const own = request.count ? Math.max(0, request.count - across.length) : undefined;
    const perDocument = own !== undefined ? Math.ceil(own / ids.length) : undefined;
    const all: SessionQuestion[] = [...across];
    // The generators reach compromise's lexicon (half a second of start-up): loaded on the first quiz, not at launch.
    const { generateQuiz } = await import('../../core/quiz/generate');
    for (const id of ids) {
      const doc = await storage.documents.get(id);
      const analysis = await analysisOf(id);
      const highlights = (await storage.annotations.read(id)).highlights.map((h) => ({
        start: h.selectors[0].start,
        end: h.selectors[0].end,
        note: h.note,
      }));
      // The generator picks a balanced set when given a count; ask for enough extra to replace hidden questions.
      const options = {
        seed: `${seed}:${id}`,
        highlights,
        pool,
        ...(request.kinds ? { kinds: request.kinds as QuestionKind[] } : {}),
        ...(perDocument ? { count: perDocument + hidden.size } : {}),
      };
      // The actor quiz asks for more, since most of an article's questions are about someone else.
      if (subject && options.count) options.count *= 4;
      const generated = generateQuiz(doc.body.text, analysis, options).filter(
        (q) => !hidden.has(q.id) && (!subject || isAbout(q, id, analysis, subject)),
      );
      const chosen = perDocument ? generated.slice(0, perDocument) : generated;
      all.push(
        ...chosen.map((q) => {
          const page = pageAt(doc.body.blocks, q.evidence.start);
          return { ...q, documentId: id, documentTitle: doc.title, ...(page !== undefined ? { page } : {}) };
        }),
      );
    }
    const mixed = ids.length > 1 ? shuffle(all, seed) : all;
    return request.count ? mixed.slice(0, request.count) : mixed;
  }

  /** The documents' actors that are the actor quiz's subject: the members of its library identity. */
  async function subjectOf(key: string): Promise<Set<string>> {
    const identity = (await identities()).byKey.get(key);
    if (!identity) throw new LectioError('not-found', 'That actor is not in the analysed documents.');
    return new Set(identity.members.map(memberKey));
  }

  /** Role-change and which-came-first questions over the documents, when the kinds asked for include them. */
  async function acrossQuestions(
    request: QuizRequest,
    ids: string[],
    seed: string,
    pool: QuizPool,
    hidden: Set<string>,
    subject: Set<string> | null,
  ): Promise<SessionQuestion[]> {
    const kinds = (request.kinds ?? CROSS_KINDS).filter((k) => (CROSS_KINDS as readonly string[]).includes(k));
    if (ids.length < 2 || kinds.length === 0) return [];
    const docs: CrossDocument[] = [];
    for (const id of ids) {
      const meta = await storage.documents.get(id);
      docs.push({
        id,
        title: meta.title,
        published: meta.publishedDate,
        text: meta.body.text,
        analysis: await analysisOf(id),
      });
    }
    const lib = await identities();
    // The library's identities where both documents are indexed; the exact-name rule for one not indexed yet.
    const same: SameActor = (a, b) => {
      const ia = identityOf(lib, a.docId, a.actor.id);
      const ib = identityOf(lib, b.docId, b.actor.id);
      return ia && ib ? ia.key === ib.key && a.actor.type === b.actor.type : sameByName(a, b);
    };
    const count = request.count ? Math.ceil(request.count / 3) : undefined;
    const { generateCrossQuiz } = await import('../../core/quiz/cross-generate');
    const questions = generateCrossQuiz(docs, {
      seed,
      kinds,
      pool,
      same,
      ...(count ? { count: count + hidden.size } : {}),
      ...(subject
        ? { actor: (docId: string, actor: Actor) => subject.has(memberKey({ docId, actorId: actor.id })) }
        : {}),
    }).filter((q) => !hidden.has(q.id));
    return (count ? questions.slice(0, count) : questions).map((q) => {
      const meta = docs.find((d) => d.id === q.documentId);
      return { ...q, documentTitle: meta?.title ?? q.documentTitle };
    });
  }

  /** Whether a question of one article is about the actor quiz's subject. */
  function isAbout(q: Question, docId: string, analysis: ExtractionResult, subject: Set<string>): boolean {
    const mine = analysis.actors.filter((a) => subject.has(memberKey({ docId, actorId: a.id })));
    if (q.about?.actor) return mine.some((a) => a.id === q.about?.actor);
    const names = new Set(mine.flatMap((a) => [a.name, ...a.aliases]));
    // Who said it names the speaker; a match question pairs names with roles; a date question names its actors.
    if (q.kind === 'quote') return names.has(q.answer);
    if (q.kind === 'match') return (q.items ?? []).some((i) => names.has(i.label));
    if (q.kind === 'when' && q.about?.date) {
      const date = analysis.dates.find((d) => d.start === q.about?.date?.start && d.end === q.about?.date?.end);
      return date !== undefined && date.actors.some((n) => names.has(n));
    }
    return false;
  }

  /** Stores and returns a session started now, in the reader's zone, on these questions (a new quiz or a retry). */
  async function startSession(
    seed: string,
    documentIds: readonly string[],
    questions: SessionQuestion[],
    more: Pick<QuizSessionRecord, 'retryOf' | 'typed' | 'label'>,
  ): Promise<QuizSessionRecord> {
    const session: QuizSessionRecord = {
      id: newId(),
      startedAt: now().toISOString(),
      zone: readerZone(),
      finishedAt: null,
      seed,
      documentIds: [...new Set(documentIds)],
      questions,
      answers: [],
      ...more,
    };
    await storage.quiz.startSession(session);
    return session;
  }

  /**
   * What a typed answer is graded against beyond the question: the actor's names as the analysis has them now, and
   * the article's other actors (or roles), which a typo must never reach. Null when the document is gone: then no
   * typo is forgiven, since its rivals are unknown.
   */
  async function typedContext(question: SessionQuestion): Promise<TypedContext | null> {
    if (!storage.documents.list().some((d) => d.id === question.documentId)) return null;
    const shown = await analysisOf(question.documentId);
    const about = question.about?.actor;
    const others = shown.actors.filter((a) => a.id !== about);
    if (question.answerType === 'role') return { rivals: shown.actors.flatMap((a) => a.roles) };
    const self = shown.actors.find((a) => a.id === about);
    return { aliases: self ? [self.name, ...self.aliases] : [], rivals: others.flatMap((a) => [a.name, ...a.aliases]) };
  }

  async function grade(question: SessionQuestion, given: string) {
    // A choice picked is graded as it is: a distractor a letter from the answer is still a different name.
    if (question.choices.includes(given) || !['actor', 'role', 'date'].includes(question.answerType))
      return matchAnswer(question, given);
    const context = await typedContext(question);
    return context ? gradeTyped(question, given, context) : matchAnswer(question, given);
  }

  function findSession(id: string): QuizSessionRecord {
    const session = storage.quiz.session(id);
    if (!session) throw new LectioError('invalid-argument', `There is no quiz session ${id}.`);
    return session;
  }

  return {
    async prepareQuiz(request) {
      const seed = request.seed ?? newId();
      return { seed, questions: await questionsFor(request, seed) };
    },

    async startQuiz(request) {
      const seed = request.seed ?? newId();
      const questions = await questionsFor(request, seed);
      if (questions.length === 0)
        throw new LectioError(
          'invalid-argument',
          'These articles gave no questions of the kinds chosen. Try other kinds or another article.',
        );
      return startSession(seed, request.documentIds, questions, {
        ...(request.typed ? { typed: true } : {}),
        ...(request.label ? { label: request.label } : {}),
      });
    },

    async answerQuiz({ sessionId, questionId, given }) {
      const session = findSession(sessionId);
      const question = session.questions.find((q) => q.id === questionId);
      if (!question) throw new LectioError('invalid-argument', 'That question is not part of this session.');
      if (session.answers.some((a) => a.questionId === questionId))
        throw new LectioError('invalid-argument', 'That question was already answered.');
      const result: { correct: boolean; expected: string; credit?: { right: number; of: number }; accepted?: string } =
        await grade(question, given);
      const extra = {
        ...(result.credit ? { credit: result.credit } : {}),
        ...(result.accepted ? { accepted: result.accepted } : {}),
      };
      await storage.quiz.recordAnswer(sessionId, {
        questionId,
        given,
        correct: result.correct,
        at: now().toISOString(),
        ...extra,
      });
      return { correct: result.correct, expected: result.expected, ...extra };
    },

    async finishQuiz({ sessionId }) {
      findSession(sessionId);
      await storage.quiz.finishSession(sessionId, now().toISOString());
      return summarise(findSession(sessionId), storage.quiz.hidden());
    },

    async listQuizSessions() {
      const hidden = storage.quiz.hidden();
      return storage.quiz
        .sessions()
        .map((s) => summarise(s, hidden))
        .reverse();
    },

    async getQuizSession({ id }) {
      return findSession(id);
    },

    async retryQuiz({ sessionId }) {
      const from = findSession(sessionId);
      const missed = missedQuestions(from, storage.quiz.hidden());
      if (missed.length === 0)
        throw new LectioError('invalid-argument', 'That session has no missed questions to retry.');
      const seed = newId();
      const questions = retryQuestions(missed, seed);
      return startSession(
        seed,
        questions.map((q) => q.documentId),
        questions,
        {
          retryOf: from.id,
          ...(from.typed ? { typed: true } : {}),
          ...(from.label ? { label: from.label } : {}),
        },
      );
    },

    async getMastery({ documentId }) {
      return masteryFor(storage.quiz.sessions(), documentId);
    },

    async hideQuestion({ questionId, sessionId, reason }) {
      const question = sessionId ? findSession(sessionId).questions.find((q) => q.id === questionId) : undefined;
      if (sessionId && !question)
        throw new LectioError('invalid-argument', 'That question is not part of this session.');
      // The reason corrects the fact in the document's annotations, where the reader's corrections live and win over
      // every later engine run: the Actors panel, the Timeline and every later quiz of the document follow it.
      const change = reason && question ? correctionFor(reason, question) : null;
      let corrected: string | undefined;
      if (change && question) {
        const shown = await analysisOf(question.documentId);
        if (stillShown(shown, change)) {
          await storage.annotations.correct(question.documentId, (corrections) =>
            withCorrection(corrections, change, shown),
          );
          corrected = describe(shown, change);
        }
      }
      const record = reason
        ? {
            questionId,
            reason,
            at: now().toISOString(),
            ...(question ? { documentId: question.documentId } : {}),
            ...(corrected ? { corrected } : {}),
          }
        : undefined;
      await storage.quiz.hideQuestion(questionId, record);
      return { hidden: storage.quiz.hidden().length, ...(corrected ? { corrected } : {}) };
    },
  };
}
