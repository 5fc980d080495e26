/**
 * Quiz coverage: how many of a fixture's gold question/answer facts (kinds actor, role and date) the generated quiz
 * asks. A fact is covered when some question's evidence is the fact's sentence (whitespace-normalised) and its answer
 * matches the fact's answer: normalised containment either way (the gold answer inside an answer form; the question's
 * canonical answer inside the gold, as "Choe Son-hee" in "Foreign Minister Choe Son-hui (Choe Son-hee)"; or an alias
 * inside the gold when it makes up at least a third of the gold's words, so "Russian" alone does not answer "Russian
 * President Vladimir Putin"), the quiz's own lenient grading (aliases, date values at the question's precision), or,
 * for roles, the eval's role rule (eval/score.ts). Match questions count pair by pair, each with its own evidence.
 * Run alone: `tsx eval/quiz-coverage.ts [--check]`; or `npm run eval -- --quiz`.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '@core/extract/index';
import { matchAnswer } from '@core/quiz/answer-match';
import { generateQuiz } from '@core/quiz/generate';
import { containsWords, wordsKey } from '@core/quiz/normalize';
import type { Question } from '@core/quiz/types';
import { fixturePaths, loadFixture, type Fixture } from './gold';
import { rolesMatch } from './score';

export interface GoldFact {
  question: string;
  answer: string;
  acceptableAnswers?: string[];
  sentence: number | number[];
  evidence: string;
  kind: string;
}

export interface FactResult {
  fact: GoldFact;
  /** The id of the covering question, or null. */
  by: string | null;
}

export interface CoverageReport {
  id: string;
  results: FactResult[];
  covered: number;
  total: number;
  ratio: number;
}

export const COVERED_KINDS = new Set(['actor', 'role', 'date']);
export const COVERAGE_BAR = 0.8;

/** One answer a question gives with the sentence that supports it; a match question gives one per pair. */
interface AnswerUnit {
  question: Question;
  forms: string[];
  evidence: string;
}

function ws(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function units(questions: readonly Question[]): AnswerUnit[] {
  return questions.flatMap((q): AnswerUnit[] => {
    // True/false answers and event orders are not facts of the gold's kind.
    if (q.kind === 'truefalse' || q.kind === 'timeline') return [];
    if (q.kind === 'match') {
      return (q.items ?? []).map((i) => ({
        question: q,
        forms: [i.label, i.match ?? ''],
        evidence: ws(i.evidence.text),
      }));
    }
    return [{ question: q, forms: [q.answer, ...q.acceptableAnswers], evidence: ws(q.evidence.text) }];
  });
}

function wordCount(text: string): number {
  return wordsKey(text).split(' ').filter(Boolean).length;
}

function contains(gold: string, form: string, canonical: boolean): boolean {
  if (form === '') return false;
  if (containsWords(form, gold)) return true;
  return containsWords(gold, form) && (canonical || wordCount(form) * 3 >= wordCount(gold));
}

/** True when the unit's answer matches one of the fact's answers under the rules in the header. */
export function answersFact(unit: AnswerUnit, fact: GoldFact): boolean {
  const golds = [fact.answer, ...(fact.acceptableAnswers ?? [])];
  return golds.some(
    (g) =>
      unit.forms.some((f, i) => contains(g, f, i === 0 || unit.question.kind === 'match')) ||
      (unit.question.kind !== 'match' && matchAnswer(unit.question, g).correct) ||
      (fact.kind === 'role' && unit.forms.some((f) => f !== '' && rolesMatch(f, g))),
  );
}

/** Coverage of `facts` by `questions`; facts of other kinds are left out. */
export function coverage(id: string, facts: readonly GoldFact[], questions: readonly Question[]): CoverageReport {
  const all = units(questions);
  const results = facts
    .filter((f) => COVERED_KINDS.has(f.kind))
    .map((fact): FactResult => {
      const evidence = ws(fact.evidence);
      const hit = all.find((u) => u.evidence === evidence && answersFact(u, fact));
      return { fact, by: hit?.question.id ?? null };
    });
  const covered = results.filter((r) => r.by !== null).length;
  return { id, results, covered, total: results.length, ratio: results.length === 0 ? 1 : covered / results.length };
}

/** Coverage of the full quiz (no count limit) generated for a fixture; null when the fixture has no facts. */
export function fixtureCoverage(fx: Fixture): CoverageReport | null {
  const facts = (fx.gold as { facts?: GoldFact[] }).facts;
  if (!facts || facts.length === 0) return null;
  const analysis = extract(fx.text, { referenceDate: fx.gold.referenceDate });
  return coverage(fx.gold.id, facts, generateQuiz(fx.text, analysis, { seed: 'coverage' }));
}

/** A printable report: the ratio per fixture and every uncovered fact. */
export function formatCoverage(reports: readonly CoverageReport[]): string {
  const lines = ['== Quiz coverage of gold facts (actor, role, date)'];
  for (const r of reports) {
    lines.push(`${r.id.padEnd(22)}| ${r.covered}/${r.total} = ${(r.ratio * 100).toFixed(0)}%`);
    for (const miss of r.results.filter((x) => x.by === null)) {
      lines.push(`  uncovered [${miss.fact.kind}] ${miss.fact.question} -> ${miss.fact.answer}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Reports for every fixture in `dir` that has facts. */
export function coverageReports(dir: string, repoRoot: string): CoverageReport[] {
  return fixturePaths(dir)
    .map((p) => fixtureCoverage(loadFixture(p, repoRoot)))
    .filter((r): r is CoverageReport => r !== null);
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reports = coverageReports(join(here, 'fixtures'), join(here, '..'));
  process.stdout.write(formatCoverage(reports));
  if (process.argv.includes('--check') && reports.some((r) => r.ratio < COVERAGE_BAR)) {
    process.stderr.write(`quiz coverage below ${COVERAGE_BAR * 100}%\n`);
    process.exit(1);
  }
}
