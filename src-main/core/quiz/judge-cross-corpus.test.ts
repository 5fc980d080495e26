import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index';
import type { CrossDocument } from './cross-context';
import { generateCrossQuiz } from './cross-generate';
import { judgeCross } from './judge-cross';

// Every article the repository holds, read as one library: each dated by the date the engine gives it.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
function articles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? articles(p) : f.endsWith('.txt') ? [p] : [];
    });
}

describe('the judge of questions across articles, over the fixtures as one library', () => {
  it('finds no defect in any question across them', () => {
    const paths = [join(ROOT, 'assets', 'sample-article.txt'), ...articles(join(ROOT, 'eval', 'fixtures'))];
    const docs: CrossDocument[] = paths.map((p, i) => {
      const text = readFileSync(p, 'utf8');
      const analysis = extract(text, {});
      return { id: `d${i}`, title: p.slice(ROOT.length + 1), published: analysis.referenceDate, text, analysis };
    });
    for (const seed of ['cross-1', 'cross-2']) {
      const questions = generateCrossQuiz(docs, { seed });
      expect(questions.length).toBeGreaterThan(5);
      const defects = judgeCross(questions, docs).map((d) => {
        const q = questions.find((x) => x.id === d.questionId);
        return `${d.message} :: ${q?.prompt} → ${q?.answer}`;
      });
      expect(defects).toEqual([]);
    }
  }, 300_000);
});
