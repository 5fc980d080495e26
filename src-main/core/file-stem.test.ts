import { describe, expect, it } from 'vitest';
import { fileStem } from './file-stem';

describe('fileStem', () => {
  it('keeps letters and digits in any script and joins the rest with one hyphen', () => {
    expect(fileStem('Putin’s visit to North Korea (2024)', 'x')).toBe('Putin-s-visit-to-North-Korea-2024');
    expect(fileStem('  Überblick: 北朝鮮 ', 'x')).toBe('Überblick-北朝鮮');
  });

  it('is at most 80 characters, and the fallback when nothing is left', () => {
    expect(fileStem('a'.repeat(100), 'x')).toHaveLength(80);
    expect(fileStem('?!…', 'cards')).toBe('cards');
  });
});
