import { describe, expect, it } from 'vitest';
import { applyCorrections, confirmKey, emptyCorrections } from '../analysis/corrections';
import { extract } from '../extract/index';
import type { ExtractionResult } from '../extract/types';
import { askableOnly } from './askable';
import { generateQuiz } from './generate';

// Invented article: "Tornfell" is a one-word name that never acts, which the engine flags as "check this".
const TEXT = [
  'Nine days after she set out from Tornfell Base Camp on March 3, 2025, Mira Lindqvist stood on the summit of Tornfell at dawn.',
  'Lindqvist, the expedition leader, first reached the top of Tornfell in 2017.',
  'The Alpine Rescue Service said on March 5, 2025 that all climbers had returned safely.',
  'Lindqvist said the team would return in 2026 to attempt a second route.',
].join('\n\n');

function named(questions: ReturnType<typeof generateQuiz>, name: string): boolean {
  // As an answer or a choice in itself (an event's wording may still mention the place: that is the text's own).
  return questions.some((q) => [q.answer, ...q.choices].some((c) => c === name));
}

describe('what a quiz may ask', () => {
  const analysis = extract(TEXT, { referenceDate: '2025-03-10' });

  it('the engine flags the doubtful name (the premise of the cases below)', () => {
    expect(analysis.actors.find((a) => a.name === 'Tornfell')?.confidence?.level).toBe('check');
  });

  it('never asks about a flagged actor nor offers it as a choice, until the reader confirms it', () => {
    const before = generateQuiz(TEXT, analysis, { seed: 's' });
    expect(before.length).toBeGreaterThan(0);
    expect(named(before, 'Tornfell')).toBe(false);
    const id = analysis.actors.find((a) => a.name === 'Tornfell')?.id ?? '';
    const confirmed = applyCorrections(TEXT, analysis, {
      ...emptyCorrections(),
      confirmed: [confirmKey({ actor: id })],
    });
    expect(askableOnly(confirmed).actors.some((a) => a.name === 'Tornfell')).toBe(true);
    expect(named(generateQuiz(TEXT, confirmed, { seed: 's' }), 'Tornfell')).toBe(true);
  });

  it('drops flagged roles and dates, and keeps what is sure', () => {
    const check = { level: 'check' as const, reasons: ['x'] };
    const flagged: ExtractionResult = {
      ...analysis,
      actors: analysis.actors.map((a) => ({
        ...a,
        roleConfidence: Object.fromEntries(a.roles.map((r) => [r, check])),
      })),
      dates: analysis.dates.map((d, i) => (i === 0 ? { ...d, confidence: check } : d)),
    };
    const out = askableOnly(flagged);
    expect(out.actors.every((a) => a.roles.length === 0)).toBe(true);
    expect(out.dates.map((d) => d.text)).toEqual(analysis.dates.slice(1).map((d) => d.text));
    expect(generateQuiz(TEXT, flagged, { seed: 's' }).some((q) => q.kind === 'role')).toBe(false);
  });
});
