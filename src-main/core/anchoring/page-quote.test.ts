/** A selection made on a web page, found in the canonical text of the article saved from it. */
import { describe, expect, it } from 'vitest';
import { findPageQuote } from './page-quote';

const TEXT =
  'The vote came late.\n\nThe council met again on Monday. The council met again on Friday, and the vote passed.\n\nIt was over.';

const cases: {
  name: string;
  quote: { exact: string; prefix: string; suffix: string };
  expected: string | null;
  at?: number;
}[] = [
  {
    name: 'a quote found verbatim',
    quote: { exact: 'the vote passed', prefix: 'Friday, and ', suffix: '.' },
    expected: 'the vote passed',
  },
  {
    name: 'a quote whose page whitespace differs',
    quote: { exact: 'vote   passed.\n   It\twas', prefix: 'and the ', suffix: ' over.' },
    expected: 'vote passed.\n\nIt was',
  },
  {
    name: 'the second of two repeats, told apart by its context',
    quote: { exact: 'The council met again', prefix: 'Monday. ', suffix: ' on Friday' },
    expected: 'The council met again',
    at: TEXT.lastIndexOf('The council met again'),
  },
  {
    name: 'the first of two repeats',
    quote: { exact: 'The council met again', prefix: 'came late. ', suffix: ' on Monday' },
    expected: 'The council met again',
    at: TEXT.indexOf('The council met again'),
  },
  {
    name: 'a quote with one word changed by the importer, found approximately',
    quote: { exact: 'The council met again on Mondays.', prefix: 'The vote came late. ', suffix: ' The council' },
    expected: 'The council met again on Monday.',
  },
  {
    name: 'words that are not in the text',
    quote: { exact: 'Subscribe to our newsletter', prefix: '', suffix: '' },
    expected: null,
  },
  { name: 'a quote of whitespace only', quote: { exact: ' \n ', prefix: '', suffix: '' }, expected: null },
];

describe('findPageQuote', () => {
  it.each(cases)('$name', ({ quote, expected, at }) => {
    const found = findPageQuote(TEXT, quote);
    if (expected === null) {
      expect(found).toBeNull();
      return;
    }
    expect(found).not.toBeNull();
    expect(TEXT.slice(found?.start, found?.end)).toBe(expected);
    if (at !== undefined) expect(found?.start).toBe(at);
  });
});
