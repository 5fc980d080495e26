/**
 * Wire datelines: where one ends, after a headline too, its place kept out of the actors, and the reference date it
 * gives. Names are invented or generic on purpose: the rules must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { datelineEnd, datelineSpan } from './find-actors';
import type { Actor } from './types';

function actorsOf(text: string): Actor[] {
  return extract(text, { referenceDate: '2023-08-08' }).actors;
}

function summary(a: Actor | undefined): string | null {
  return a ? `${a.type}:${a.name}` : null;
}

const DATELINES: [string, string][] = [
  ['GENEVA — The agency said', 'GENEVA — '],
  ['AUSTIN, Texas (AP) — A judge ruled', 'AUSTIN, Texas (AP) — '],
  ['SANTIAGO, Nov 17 (Reuters) - Voters chose', 'SANTIAGO, Nov 17 (Reuters) - '],
  ['BONN, Germany — Ministers agreed', 'BONN, Germany — '],
  ['The WHO said on Tuesday — again — that', ''],
  ['Nimbus Semiconductor reported revenue', ''],
];

describe('wire datelines', () => {
  it.each(DATELINES)('%s', (text, prefix) => expect(datelineEnd(text)).toBe(prefix.length));

  it('keeps the dateline place out of the actors', () => {
    const list = actorsOf('GENEVA — The World Health Organization said the outbreak ended in Geneva talks.');
    expect(list.map(summary)).toEqual(['organization:World Health Organization']);
  });
});

describe('the reference date from a dated dateline', () => {
  it('reads the reference date from a dated dateline', () => {
    expect(extract('AUSTIN, Texas, Oct 29, 2025 — The firm reported revenue on Wednesday.').referenceDate).toBe(
      '2025-10-29',
    );
  });
});

describe('datelines after a headline', () => {
  const DATELINES: [string, string][] = [
    ['Probe lifts off\n\nCAPE HARBOUR, Florida - The agency launched it.', 'CAPE HARBOUR, Florida - '],
    ['VALLETTA, May 3 (Wire) - Ministers met.', 'VALLETTA, May 3 (Wire) - '],
    ['Headline only\n\nThe agency said it would wait.', ''],
  ];

  it.each(DATELINES)('dateline of %j', (text, dl) => {
    const [a, b] = datelineSpan(text);
    expect(text.slice(a, b)).toBe(dl);
  });
});
