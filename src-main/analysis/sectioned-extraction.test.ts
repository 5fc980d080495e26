import { describe, expect, it } from 'vitest';
import { extract } from '../core/extract';
import type { DocumentBody } from '../core/model';
import { inProcessRunner, type ExtractionRunner } from './extraction-runner';
import { extractDocument, type ExtractionProgress } from './sectioned-extraction';

const ONE = 'Ana Costa, the mayor of Porto, met the council on 3 March 2025.';
const TWO = 'The vote came a week later. Mayor Ana Costa said the work would start in April 2026.';
const TEXT = `${ONE}\n${TWO}`;
const BOOK: DocumentBody = {
  text: TEXT,
  blocks: [],
  marks: [],
  sections: [
    { title: 'One', start: 0, end: ONE.length, level: 1 },
    { title: 'Two', start: ONE.length + 1, end: TEXT.length, level: 1 },
  ],
};

/** The real engine, counting the texts it is given. */
function countingRunner(): ExtractionRunner & { texts: string[] } {
  const texts: string[] = [];
  return { ...inProcessRunner, texts, run: (text, date) => (texts.push(text), inProcessRunner.run(text, date)) };
}

describe('extractDocument', () => {
  it('runs the engine once per chapter, reporting progress after each, and maps every offset into the whole text', async () => {
    const runner = countingRunner();
    const steps: ExtractionProgress[] = [];
    const result = await extractDocument(runner, BOOK, '2025-03-01', (step) => steps.push(step));
    expect(runner.texts).toEqual([ONE, TWO]);
    expect(steps).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
    // One actor across both chapters, with the mentions of each at their places in the book's text.
    const costa = result.actors.filter((actor) => actor.name === 'Ana Costa');
    expect(costa).toHaveLength(1);
    expect(costa[0]?.mentions.map((m) => TEXT.slice(m.start, m.end))).toEqual(['Ana Costa', 'Ana Costa']);
    expect(costa[0]?.mentions[1]?.start).toBeGreaterThan(ONE.length);
    for (const date of result.dates) {
      expect(TEXT.slice(date.start, date.end)).toBe(date.text);
      expect(date.eventSpan.start).toBeGreaterThanOrEqual(0);
      expect(date.eventSpan.end).toBeLessThanOrEqual(TEXT.length);
    }
    expect(result.dates.map((d) => d.value)).toEqual(expect.arrayContaining(['2025-03-03', '2026-04']));
    expect(result.referenceDate).toBe('2025-03-01');
  });

  it('folds a chapter’s short name for an actor into the full name another chapter gives it', async () => {
    const one = 'President Ana Costa of Portugal opened the summit in Lisbon on 3 March 2025.';
    const two = 'President Costa left the summit early on 4 March 2025.';
    const text = `${one}\n${two}`;
    const body: DocumentBody = {
      text,
      blocks: [],
      marks: [],
      sections: [
        { title: 'One', start: 0, end: one.length, level: 1 },
        { title: 'Two', start: one.length + 1, end: text.length, level: 1 },
      ],
    };
    const alone = await inProcessRunner.run(two, '2025-03-01');
    // The premise: read alone, the second chapter knows her only as "Costa".
    expect(alone.actors.map((a) => a.name)).toContain('Costa');
    const result = await extractDocument(inProcessRunner, body, '2025-03-01');
    const costa = result.actors.filter((actor) => /Costa/.test(actor.name));
    expect(costa.map((a) => a.name)).toEqual(['Ana Costa']);
    expect(costa[0]?.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Ana Costa', 'Costa']);
    expect(costa[0]?.aliases).toEqual(expect.arrayContaining(['Costa', 'President Costa']));
    expect(result.dates.flatMap((d) => d.actors)).not.toContain('Costa');
    // With two Costas in the book, the short name is left as it is.
    const three = 'Rui Costa, her brother, watched from Porto.';
    const both = `${text}\n${three}`;
    const sections = [...(body.sections ?? []), { title: 'Three', start: text.length + 1, end: both.length, level: 1 }];
    const ambiguous = await extractDocument(
      inProcessRunner,
      { text: both, blocks: [], marks: [], sections },
      '2025-03-01',
    );
    expect(
      ambiguous.actors
        .map((a) => a.name)
        .filter((name) => /Costa/.test(name))
        .sort(),
    ).toEqual(['Ana Costa', 'Costa', 'Rui Costa']);
  });

  it('runs a document without sections whole, as before', async () => {
    const runner = countingRunner();
    const result = await extractDocument(runner, { text: TEXT, blocks: [], marks: [] }, '2025-03-01');
    expect(runner.texts).toEqual([TEXT]);
    expect(result).toEqual(extract(TEXT, { referenceDate: '2025-03-01' }));
  });
});
