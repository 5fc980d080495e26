/** Quiz generation (`generateQuiz`, seeded) on a 5,000-word article whose analysis is already computed, as in the app. */
import { extract } from '@core/extract';
import { generateQuiz } from '@core/quiz/generate';
import type { BenchContext, Benchmark } from '../context';
import { PUBLISHED_DATE } from '../library/spec';
import { createRandom } from '../prng';
import type { Figure } from '../result';
import { median, p95, timeSync } from '../stats';
import { generateArticle, takeWords } from '../text/article';

export const quizBenchmark: Benchmark = {
  id: 'quiz',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const text = takeWords(generateArticle(createRandom(5151), 5200).text, 5000);
    const analysis = extract(text, { referenceDate: PUBLISHED_DATE });
    const reps = ctx.reps({ warmup: 3, runs: 20 }, { warmup: 1, runs: 5 });
    let seed = 0;
    const samples = timeSync(() => generateQuiz(text, analysis, { seed: ++seed, count: 20 }), reps);
    const all = timeSync(() => generateQuiz(text, analysis, { seed: 1 }), { warmup: 0, runs: ctx.quick ? 1 : 3 });
    const questions = generateQuiz(text, analysis, { seed: 1, count: 20 }).length;
    return [
      {
        name: 'Quiz generation, 5,000 words (20 questions)',
        value: median(samples),
        unit: 'ms',
        better: 'lower',
        target: 100,
        detail: `generateQuiz(text, analysis, {seed, count: 20}) with a new seed each run: median of ${samples.length} (p95 ${p95(samples).toFixed(1)} ms), ${questions} questions; every question (no count): ${median(all).toFixed(1)} ms. Extraction (cached by the app) not included.`,
      },
    ];
  },
};
