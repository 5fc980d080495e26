/**
 * The Today screen's state: the day's study in one place, the due cards first, then a short quiz on last week's
 * reading. Each part can be done or skipped; the quiz counts as done once a session on last week's reading was
 * finished in the reader's day (read from the history, so it stays done across a restart).
 */
import type { LectioApi, QuizSessionSummary, StudyPlan } from '@contract';
import type { DueCountsState } from './due-counts.svelte';
import type { QuizState } from './quiz.svelte';
import { TaskState } from './task-state.svelte';

/** Questions in the day's quiz: short enough to do every day. */
export const TODAY_QUESTIONS = 5;

export type PartStatus = 'todo' | 'done' | 'skipped' | 'none';

const HOUR = 3_600_000;

export class TodayState extends TaskState {
  plan = $state<StudyPlan | null>(null);
  history = $state<QuizSessionSummary[]>([]);
  skippedCards = $state(false);
  skippedQuiz = $state(false);
  /** Cards reviewed from this screen since it was opened. */
  reviewing = $state(false);

  constructor(
    private readonly api: LectioApi,
    private readonly quiz: QuizState,
    readonly due: DueCountsState,
    /** The hour the reader's day starts (Settings › Review), and the clock: the day's quiz is the reader's day's. */
    private readonly dayStartsAt: () => number = () => 4,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  async load(): Promise<void> {
    await this.run(async () => {
      const [plan, history] = await Promise.all([
        this.api.planStudy({ scope: { kind: 'recent' } }),
        this.api.listQuizSessions({}),
        this.due.refresh(),
      ]);
      this.plan = plan;
      this.history = history;
    });
  }

  get cardsLeft(): number {
    const counts = this.due.counts;
    return counts ? counts.due + counts.fresh : 0;
  }

  get cards(): PartStatus {
    if (this.skippedCards) return 'skipped';
    if (!this.due.counts) return 'none';
    return this.cardsLeft === 0 ? 'done' : 'todo';
  }

  // The reader's day of an instant: the local date once the day's starting hour is taken off.
  #day(at: Date): string {
    const shifted = new Date(at.getTime() - this.dayStartsAt() * HOUR);
    return `${shifted.getFullYear()}-${shifted.getMonth() + 1}-${shifted.getDate()}`;
  }

  /** The session on last week's reading finished today, if any: the quiz part is done. */
  get todaysQuiz(): QuizSessionSummary | null {
    const label = this.plan?.label;
    const today = this.#day(this.now());
    // The quiz's own history is the newer when a session was just finished here.
    const history = this.quiz.history.length >= this.history.length ? this.quiz.history : this.history;
    return (
      history.find((h) => h.label === label && h.finishedAt !== null && this.#day(new Date(h.startedAt)) === today) ??
      null
    );
  }

  get quizPart(): PartStatus {
    if (this.todaysQuiz) return 'done';
    if (this.skippedQuiz) return 'skipped';
    return this.plan && this.plan.documentIds.length > 0 ? 'todo' : 'none';
  }

  /** True while the day's quiz is being asked (or its results shown) on this screen. */
  get quizRunning(): boolean {
    const session = this.quiz.session;
    return (
      session !== null &&
      session.label === this.plan?.label &&
      (this.quiz.phase === 'asking' || this.quiz.phase === 'results')
    );
  }

  skipCards(): void {
    this.skippedCards = true;
    this.reviewing = false;
  }

  skipQuiz(): void {
    this.skippedQuiz = true;
  }

  /** Starts the day's quiz: TODAY_QUESTIONS questions of every kind on last week's reading. */
  async startQuiz(): Promise<boolean> {
    if (!(await this.quiz.useStudy({ kind: 'recent' }))) {
      this.error = this.quiz.error;
      return false;
    }
    this.quiz.count = TODAY_QUESTIONS;
    await this.quiz.start();
    this.error = this.quiz.error;
    return this.quiz.phase === 'asking';
  }

  /** After the quiz's results: the history read again, so the quiz part shows as done. */
  async quizFinished(): Promise<void> {
    await this.quiz.leave();
    this.history = this.quiz.history;
  }
}
