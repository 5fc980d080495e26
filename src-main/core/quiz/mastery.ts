/**
 * Mastery: how well the reader knows a document or an actor, from the quiz answers about it. Recent sessions count
 * most: only the last five sessions that asked about it are read, the newest weighs 1 and each older one half the one
 * after it (1, 1/2, 1/4, 1/8, 1/16), so a miss last week matters less than a right answer today, and one old session
 * never dominates. Within a session every answer weighs the same; a partly right match earns its share of pairs.
 */
import { answerPoints, type QuizSessionRecord, type SessionQuestion } from './session';

export const MASTERY_SESSIONS = 5;

export interface Mastery {
  /** 0 to 1: the recency-weighted share of answers right. */
  share: number;
  /** Answers it rests on, across the sessions read. */
  answers: number;
  /** Sessions it rests on (at most MASTERY_SESSIONS). */
  sessions: number;
}

/** Weighted points per key, session by session, newest first. */
function tally(
  sessions: readonly QuizSessionRecord[],
  keysOf: (q: SessionQuestion) => string[],
): Map<string, Mastery & { weight: number; points: number }> {
  const out = new Map<string, Mastery & { weight: number; points: number }>();
  const newestFirst = [...sessions].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  for (const session of newestFirst) {
    const questions = new Map(session.questions.map((q) => [q.id, q]));
    const seen = new Map<string, { points: number; n: number }>();
    for (const answer of session.answers) {
      const question = questions.get(answer.questionId);
      if (!question) continue;
      for (const key of keysOf(question)) {
        const s = seen.get(key) ?? { points: 0, n: 0 };
        seen.set(key, { points: s.points + answerPoints(answer), n: s.n + 1 });
      }
    }
    for (const [key, s] of seen) {
      const m = out.get(key) ?? { share: 0, answers: 0, sessions: 0, weight: 0, points: 0 };
      if (m.sessions >= MASTERY_SESSIONS) continue;
      const w = 0.5 ** m.sessions;
      out.set(key, {
        ...m,
        sessions: m.sessions + 1,
        answers: m.answers + s.n,
        weight: m.weight + w * s.n,
        points: m.points + w * s.points,
      });
    }
  }
  for (const m of out.values()) m.share = m.weight > 0 ? m.points / m.weight : 0;
  return out;
}

function strip(m: Mastery): Mastery {
  return { share: m.share, answers: m.answers, sessions: m.sessions };
}

/** The document's mastery (null when never quizzed) and each of its quizzed actors', by actor id. */
export function masteryFor(
  sessions: readonly QuizSessionRecord[],
  documentId: string,
): { document: Mastery | null; actors: Record<string, Mastery> } {
  const byDocument = tally(sessions, (q) => (q.documentId === documentId ? ['doc'] : []));
  const byActor = tally(sessions, (q) => (q.documentId === documentId && q.about?.actor ? [q.about.actor] : []));
  const doc = byDocument.get('doc');
  return {
    document: doc ? strip(doc) : null,
    actors: Object.fromEntries([...byActor].map(([id, m]) => [id, strip(m)])),
  };
}
