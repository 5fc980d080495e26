/**
 * Highlights over a small document, shared by the export tests (text with curly quotes, emoji and line breaks).
 */
import { describe } from '../anchoring/describe';
import type { ColorLabels, Highlight, HighlightColor } from './highlight';

export const SAMPLE_TEXT =
  'In the spring of 1848, revolutions swept across Europe.\n\n“We have lost everything,” wrote one exile.\n\n' +
  '# Not a heading\n- not a list 📜 either';

export const LABELS: ColorLabels = { 1: 'Key idea', 2: 'Question', 3: 'Evidence', 4: 'Definition', 5: 'To review' };

function make(id: string, quote: string, color: HighlightColor, note: string, tags: string[], day: number): Highlight {
  const start = SAMPLE_TEXT.indexOf(quote);
  if (start === -1) throw new Error(`sample text lacks "${quote}"`);
  const stamp = `2024-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
  return {
    id,
    documentId: 'doc-1848',
    color,
    selectors: describe(SAMPLE_TEXT, start, start + quote.length),
    note,
    tags,
    createdAt: stamp,
    updatedAt: stamp.replace('10:00', '11:30'),
  };
}

/** Deliberately not in reading order. */
export const SAMPLE_HIGHLIGHTS: Highlight[] = [
  make('h-3', '# Not a heading\n- not a list 📜 either', 5, '', [], 1),
  make(
    'h-1',
    'revolutions swept across Europe',
    1,
    'Which revolutions?\nSee chapter 2.',
    ['1848', 'europe', 'big picture'],
    3,
  ),
  make('h-2', '“We have lost everything,” wrote', 3, 'A primary source.', ['#quotes', 'sources!'], 2),
];
