/**
 * The extraction engine (`extract`, actors and TIMEX3 dates) on 1,000 and 50,000 words of generated news text, against
 * plain compromise on the same text (`nlp(text).people()/places()/organizations()` plus chrono-node's parse).
 */
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { extract } from '@core/extract';
import type { BenchContext, Benchmark } from '../context';
import { PUBLISHED_DATE } from '../library/spec';
import { createRandom } from '../prng';
import type { Figure } from '../result';
import { median, p95, timeSync, type Repetitions } from '../stats';
import { generateArticle, takeWords } from '../text/article';

/** What an unassisted pipeline would do: compromise's named-entity views and chrono's date parser. */
function plainCompromise(text: string): number {
  const doc = nlp(text);
  const found =
    doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
  return found + chrono.parse(text, new Date(`${PUBLISHED_DATE}T12:00:00Z`)).length;
}

function figure(words: number, text: string, target: number, reps: Repetitions): Figure {
  const lectio = timeSync(() => extract(text, { referenceDate: PUBLISHED_DATE }), reps);
  const baseline = timeSync(() => plainCompromise(text), reps);
  const result = extract(text, { referenceDate: PUBLISHED_DATE });
  return {
    name: `Extraction, ${words.toLocaleString('en')} words`,
    value: median(lectio),
    unit: 'ms',
    better: 'lower',
    target,
    baseline: { name: 'compromise + chrono-node', value: median(baseline) },
    detail: `median of ${lectio.length} runs (p95 ${p95(lectio).toFixed(0)} ms) after ${reps.warmup} warm-up; found ${result.actors.length} actors and ${result.dates.length} dates.`,
  };
}

export const extractionBenchmark: Benchmark = {
  id: 'extraction',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const source = generateArticle(createRandom(4242), 52_000).text;
    return [
      figure(1000, takeWords(source, 1000), 50, ctx.reps({ warmup: 5, runs: 20 }, { warmup: 2, runs: 5 })),
      figure(50_000, takeWords(source, 50_000), 1000, ctx.reps({ warmup: 1, runs: 5 }, { warmup: 1, runs: 2 })),
    ];
  },
};
