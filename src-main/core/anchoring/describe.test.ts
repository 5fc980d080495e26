import { describe as suite, expect, it } from 'vitest';
import { describeCases, invalidRangeCases, parseMarked } from './cases';
import { checkRange, describe, InvalidRangeError } from './describe';

suite('describe', () => {
  it.each(describeCases)('$name', ({ text: marked, prefix, suffix }) => {
    const { text, range } = parseMarked(marked);
    if (!range) throw new Error('case needs a marked range');
    const [position, quote] = describe(text, range.start, range.end);
    expect(position).toEqual({ type: 'TextPositionSelector', start: range.start, end: range.end });
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix,
      suffix,
    });
  });

  it.each(invalidRangeCases)('rejects $name with code $code', ({ text, start, end, code }) => {
    expect(checkRange(text, start, end)?.code).toBe(code);
    expect(() => describe(text, start, end)).toThrow(InvalidRangeError);
    try {
      describe(text, start, end);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect((error as InvalidRangeError).code).toBe(code);
      expect((error as Error).message).toMatch(/range/);
    }
  });

  it('keeps context within 32 characters and never longer than the text allows', () => {
    const text = 'a'.repeat(100);
    const [, quote] = describe(text, 40, 50);
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    expect(quote.prefix + quote.exact + quote.suffix).toBe(text.slice(8, 82));
  });
});
