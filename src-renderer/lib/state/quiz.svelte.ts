/** The Quiz screen's state: choosing articles and kinds, previewing, taking a session, its results and the history. */
import type {
  ActorSummary,
  Collection,
  DocumentSummary,
  LectioApi,
  QuizSessionRecord,
  QuizSessionSummary,
  SessionQuestion,
  StudyPlan,
  StudyScope,
} from '@contract';
import { TaskState } from './task-state.svelte';
import { CROSS_KINDS, QUESTION_KINDS, type QuestionKind, type WrongReason } from '@core/quiz/types';
import { missedQuestions } from '@core/quiz/retry';

export type Phase = 'setup' | 'preview' | 'asking' | 'results' | 'past';

export interface Feedback {
  correct: boolean;
  expected: string;
  given: string;
  /** Match questions: how many pairs were right. */
  credit?: { right: number; of: number };
  /** A typed answer not written as the answer: why it was accepted. */
  accepted?: string;
}

/** A question the reader said is wrong: hidden at once; then why, and what that corrected. */
export interface WrongReport {
  reason?: WrongReason;
  corrected?: string;
}

export const REASON_LABELS: Record<WrongReason, string> = {
  'wrong-answer': 'Wrong answer',
  'not-an-actor': 'Not an actor',
  'wrong-role': 'Wrong role',
  'wrong-date': 'Wrong date',
  unclear: 'Unclear',
};

export const KIND_LABELS: Record<QuestionKind, string> = {
  who: 'Who (fill the blank)',
  role: 'Roles',
  when: 'When',
  timeline: 'Timeline order',
  match: 'Match actors to roles',
  quote: 'Who said it',
  truefalse: 'True or false',
  'role-change': 'Role changes across articles',
  'event-order': 'Which came first (two articles)',
};

export class QuizState extends TaskState {
  phase = $state<Phase>('setup');
  documents = $state<DocumentSummary[]>([]);
  selected = $state<string[]>([]);
  count = $state(10);
  /** "Type the answers" for who, role and when questions. */
  typed = $state(false);
  kinds = $state<QuestionKind[]>([...QUESTION_KINDS, ...CROSS_KINDS]);
  /** What the quiz is on when it is not articles picked one by one: a collection, last week's reading, an actor. */
  study = $state<StudyPlan | null>(null);
  /** The library's collections, to study one from the setup. */
  collections = $state<Collection[]>([]);
  /** Actors found by the setup's actor search. */
  actorQuery = $state('');
  actorResults = $state<ActorSummary[]>([]);
  preview = $state<SessionQuestion[]>([]);
  session = $state<QuizSessionRecord | null>(null);
  index = $state(0);
  feedback = $state<Feedback | null>(null);
  history = $state<QuizSessionSummary[]>([]);
  /** Questions reported wrong, by id (this app run; the service keeps them hidden for good). */
  reports = $state<Record<string, WrongReport>>({});
  #seed: string | undefined;

  constructor(private readonly api: LectioApi) {
    super();
  }

  get current(): SessionQuestion | null {
    return this.session?.questions[this.index] ?? null;
  }

  get score(): { correct: number; answered: number; total: number } {
    const answers = this.session?.answers ?? [];
    return {
      correct: answers.filter((a) => a.correct).length,
      answered: answers.length,
      total: this.session?.questions.length ?? 0,
    };
  }

  /**
   * How many questions of the session shown "Retry the missed" would ask: the history's count (which knows every
   * question hidden for good), else the session's wrong answers less those reported wrong in this run.
   */
  get missed(): number {
    const session = this.session;
    if (!session) return 0;
    return (
      this.history.find((h) => h.id === session.id)?.missed ??
      missedQuestions(session, Object.keys(this.reports)).length
    );
  }

  /** Refreshes the article list and history; a session in progress is kept (the reader may come back from the text). */
  async load(preselect?: string): Promise<void> {
    await this.run(async () => {
      const [documents, history, organisation] = await Promise.all([
        this.api.listDocuments({}),
        this.api.listQuizSessions({}),
        this.api.getOrganisation({}),
      ]);
      [this.documents, this.history, this.collections] = [documents, history, organisation.collections];
      const known = new Set(this.documents.map((d) => d.id));
      this.selected = this.selected.filter((id) => known.has(id));
      if (preselect && known.has(preselect) && this.phase !== 'asking') {
        this.selected = [preselect];
        this.study = null;
        this.phase = 'setup';
      }
      if (this.selected.length === 0) this.selected = this.documents.slice(0, 1).map((d) => d.id);
    });
  }

  /**
   * Studies a collection, last week's reading or an actor: its articles are chosen (and, for an actor, only questions
   * about them asked). Resolves true when the scope has articles; otherwise says why and keeps the choice as it was.
   */
  async useStudy(scope: StudyScope): Promise<boolean> {
    const plan = await this.run(() => this.api.planStudy({ scope }));
    if (!plan) return false;
    if (plan.documentIds.length === 0) {
      this.error =
        scope.kind === 'recent'
          ? 'Nothing was added or read in the last seven days.'
          : `${plan.label} holds no articles yet.`;
      return false;
    }
    this.study = plan;
    this.selected = plan.documentIds;
    if (this.phase !== 'asking') this.phase = 'setup';
    return true;
  }

  /** Back to choosing articles one by one. */
  clearStudy(): void {
    this.study = null;
  }

  /** The actors whose name starts a word with the query, for the setup's actor search. */
  async findActors(query: string): Promise<void> {
    this.actorQuery = query;
    if (query.trim() === '') {
      this.actorResults = [];
      return;
    }
    const found = await this.run(() => this.api.findActors({ query, limit: 8 }));
    if (found && this.actorQuery === query) this.actorResults = found;
  }

  #request() {
    const study = this.study;
    return {
      documentIds: this.selected,
      count: this.count,
      kinds: this.kinds,
      ...(this.#seed ? { seed: this.#seed } : {}),
      ...(this.typed ? { typed: true } : {}),
      ...(study ? { label: study.label } : {}),
      ...(study?.actor ? { actor: study.actor.key } : {}),
    };
  }

  async showPreview(): Promise<void> {
    await this.run(async () => {
      const prepared = await this.api.prepareQuiz(this.#request());
      this.#seed = prepared.seed;
      this.preview = prepared.questions;
      this.phase = 'preview';
    });
  }

  async hide(questionId: string): Promise<void> {
    await this.run(async () => {
      await this.api.hideQuestion({ questionId });
      this.preview = this.preview.filter((q) => q.id !== questionId);
    });
  }

  /** "This question is wrong": hides the question for good at once; the reason, if given, comes next. */
  async reportWrong(questionId: string): Promise<void> {
    const sessionId = this.session?.id;
    await this.run(async () => {
      await this.api.hideQuestion({ questionId, ...(sessionId ? { sessionId } : {}) });
      this.reports[questionId] = {};
      await this.#recountMissed();
    });
  }

  /** Why it is wrong: the service turns the reason into a correction of the document's actors or dates. */
  async giveReason(questionId: string, reason: WrongReason): Promise<void> {
    const sessionId = this.session?.id;
    await this.run(async () => {
      const result = await this.api.hideQuestion({ questionId, reason, ...(sessionId ? { sessionId } : {}) });
      this.reports[questionId] = { reason, ...(result.corrected ? { corrected: result.corrected } : {}) };
      await this.#recountMissed();
    });
  }

  /** Goes past a question reported wrong without answering it. */
  async skip(): Promise<void> {
    if (!this.session || this.feedback) return;
    if (this.index + 1 < this.session.questions.length) {
      this.index += 1;
      return;
    }
    await this.finish();
  }

  async start(): Promise<void> {
    await this.run(async () => {
      this.session = await this.api.startQuiz(this.#request());
      this.#seed = undefined;
      this.index = 0;
      this.feedback = null;
      this.phase = 'asking';
    });
  }

  async answer(given: string): Promise<Feedback | null> {
    const session = this.session;
    const question = this.current;
    if (!session || !question || this.feedback) return null;
    return this.run(async () => {
      const result = await this.api.answerQuiz({ sessionId: session.id, questionId: question.id, given });
      session.answers.push({
        questionId: question.id,
        given,
        correct: result.correct,
        at: new Date().toISOString(),
        ...(result.credit ? { credit: result.credit } : {}),
        ...(result.accepted ? { accepted: result.accepted } : {}),
      });
      this.feedback = { ...result, given };
      return this.feedback;
    });
  }

  async next(): Promise<void> {
    if (!this.session || !this.feedback) return;
    this.feedback = null;
    if (this.index + 1 < this.session.questions.length) {
      this.index += 1;
      return;
    }
    await this.finish();
  }

  async finish(): Promise<void> {
    const session = this.session;
    if (!session) return;
    await this.run(async () => {
      await this.api.finishQuiz({ sessionId: session.id });
      this.history = await this.api.listQuizSessions({});
      this.phase = 'results';
    });
  }

  // A question hidden on the results is not retried: the history's missed counts are read again.
  async #recountMissed(): Promise<void> {
    if (this.phase === 'results' || this.phase === 'past') this.history = await this.api.listQuizSessions({});
  }

  /** "Retry the missed": a new session of the questions the session shown got wrong, asked from the first. */
  async retry(): Promise<void> {
    const from = this.session;
    if (!from) return;
    await this.run(async () => {
      this.session = await this.api.retryQuiz({ sessionId: from.id });
      this.index = 0;
      this.feedback = null;
      this.phase = 'asking';
    });
  }

  async openPast(id: string): Promise<void> {
    await this.run(async () => {
      this.session = await this.api.getQuizSession({ id });
      this.phase = 'past';
    });
  }

  /** Back to the setup, with the history read again; resolves when read (or not: a failed read keeps the one shown). */
  async leave(): Promise<void> {
    this.phase = 'setup';
    this.feedback = null;
    try {
      this.history = await this.api.listQuizSessions({});
    } catch {
      // The history shown stays, and the next load reads it again; this was an unhandled rejection.
    }
  }
}
