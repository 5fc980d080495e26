/**
 * Re-anchoring on the 100,000-word article with the app's own `anchor()`: 1,000 highlights on the unchanged text, and
 * the same highlights after small edits spread through the text (half of them inside highlighted passages).
 */
import { anchor } from '@core/anchoring/anchor';
import type { Highlight } from '@core/annotations/highlight';
import { readDocument, type BenchContext, type Benchmark } from '../context';
import { LONG_IDS } from '../library/spec';
import { createRandom } from '../prng';
import type { Figure } from '../result';
import { max, median, p95, timeSync } from '../stats';
import { applyEdits, type EditedText } from './edits';

/** Intersection over union of two ranges: 1 when identical, 0 when disjoint. */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
}

function editedLibraryText(text: string, highlights: readonly Highlight[]): EditedText {
  const r = createRandom(7);
  const positions: number[] = [];
  // 150 edits anywhere, and 150 inside the quotes of 150 highlights.
  for (let i = 0; i < 150; i += 1) positions.push(r.int(text.length));
  for (let i = 0; i < 150; i += 1) {
    const { start, end } = r.pick(highlights).selectors[0];
    positions.push(start + r.int(end - start));
  }
  return applyEdits(r, text, positions);
}

export const anchoringBenchmark: Benchmark = {
  id: 'anchoring',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { text, highlights } = readDocument(ctx.dataDir, LONG_IDS.few);
    const unchanged = timeSync(
      () => {
        for (const h of highlights) anchor(text, h.selectors);
      },
      ctx.reps({ warmup: 3, runs: 20 }, { warmup: 1, runs: 5 }),
    );

    const edited = editedLibraryText(text, highlights);
    const perHighlight: number[] = [];
    let placed = 0;
    let correct = 0;
    const passes = ctx.quick ? 1 : 3;
    for (const h of highlights) anchor(edited.text, h.selectors); // warm-up pass
    for (let pass = 0; pass < passes; pass += 1) {
      for (const h of highlights) {
        const started = performance.now();
        const found = anchor(edited.text, h.selectors);
        perHighlight.push(performance.now() - started);
        if (pass > 0) continue;
        const expected = {
          start: edited.map(h.selectors[0].start, 'before'),
          end: edited.map(h.selectors[0].end, 'after'),
        };
        if (found) placed += 1;
        if (found && overlap(found, expected) >= 0.8) correct += 1;
      }
    }
    const touched = highlights.filter((h) =>
      edited.edits.some((e) => e.start < h.selectors[0].end && e.end > h.selectors[0].start),
    ).length;
    const n = highlights.length;
    return [
      {
        name: `Re-anchor ${n} highlights, 100,000-word article unchanged`,
        value: median(unchanged),
        unit: 'ms',
        better: 'lower',
        target: 50,
        detail: `median of ${unchanged.length} runs (p95 ${p95(unchanged).toFixed(2)} ms); every highlight anchored by position.`,
      },
      {
        name: `Re-anchor after ${edited.edits.length} small edits: placed`,
        value: (100 * placed) / n,
        unit: '%',
        better: 'higher',
        target: 95,
        detail: `${placed}/${n} placed, ${correct}/${n} (${((100 * correct) / n).toFixed(1)}%) where the edit map expects them (overlap ≥ 0.8); ${touched} highlights had an edit inside their quote, and every highlight after the first edit lost its stored position.`,
      },
      {
        name: 'Re-anchor after small edits: time per highlight, p95',
        value: p95(perHighlight),
        unit: 'ms',
        better: 'lower',
        target: 1,
        detail: `${perHighlight.length} timings over ${passes} pass(es): median ${median(perHighlight).toFixed(3)} ms, max ${max(perHighlight).toFixed(2)} ms, total per pass ${(perHighlight.reduce((a, b) => a + b, 0) / passes).toFixed(0)} ms.`,
      },
    ];
  },
};
