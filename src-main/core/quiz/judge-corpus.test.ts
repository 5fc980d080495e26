import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index';
import { generateQuiz } from './generate';
import { judgeQuiz } from './judge';

// Every article the repository holds: the bundled sample and every fixture set (regression cases, not a measure).
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
function articles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? articles(p) : f.endsWith('.txt') ? [p] : [];
    });
}
const ARTICLES = [join(ROOT, 'assets', 'sample-article.txt'), ...articles(join(ROOT, 'eval', 'fixtures'))];
const SEEDS = ['judge-1', 'judge-2', 'judge-3'];

describe.each(ARTICLES.map((p) => [p.slice(ROOT.length + 1), p]))(
  'the question judge on %s',
  (_, path) => {
    const text = readFileSync(path, 'utf8');
    const analysis = extract(text, {});

    it.each(SEEDS)('finds no defect in a 40-question quiz (seed %s)', (seed) => {
      const quiz = generateQuiz(text, analysis, { seed, count: 40 });
      expect(quiz.length).toBeGreaterThan(3);
      const defects = judgeQuiz(quiz, analysis, text).map((d) => {
        const q = quiz.find((x) => x.id === d.questionId);
        return `[${d.class}] ${d.message}${q ? ` :: ${q.prompt} → ${q.answer}` : ''}`;
      });
      expect(defects).toEqual([]);
    });

    it('finds no defect in the whole question pool', () => {
      const all = generateQuiz(text, analysis, { seed: 'judge-all' });
      // The unlimited pool is every candidate, not a quiz: shares and repeats are the selector's business.
      const defects = judgeQuiz(all, analysis, text).filter(
        (d) => d.class !== 'truefalse-share' && d.class !== 'duplicate-prompt',
      );
      expect(defects.map((d) => `[${d.class}] ${d.message}`)).toEqual([]);
    });
  },
  60_000,
);
