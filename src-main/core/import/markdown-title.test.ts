import { describe, expect, it } from 'vitest';
import { sameTitle, splitMarkdownTitle } from './markdown-title';

describe('splitMarkdownTitle', () => {
  it('takes an opening level-1 heading, # or underlined, as plain words', () => {
    expect(splitMarkdownTitle('\n# Why the *old* tide gauges matter #\n\nThe harbour gauge.\n')).toEqual({
      title: 'Why the old tide gauges matter',
      rest: 'The harbour gauge.\n',
    });
    expect(splitMarkdownTitle('Tide gauges\n===\n\nThe harbour gauge.')).toEqual({
      title: 'Tide gauges',
      rest: 'The harbour gauge.',
    });
  });

  it('leaves a file that opens otherwise, or is nothing but a heading, as it is', () => {
    expect(splitMarkdownTitle('## A section\n\nText.')).toBeNull();
    expect(splitMarkdownTitle('#hashtag is not a heading\n\nText.')).toBeNull();
    expect(splitMarkdownTitle('The first paragraph.\n\n# Later heading\n\nText.')).toBeNull();
    expect(splitMarkdownTitle('    # indented code\n\nText.')).toBeNull();
    expect(splitMarkdownTitle('# Only a title\n')).toBeNull();
  });

  it('compares titles by their words', () => {
    expect(sameTitle('Putin’s  visit', "putin's visit")).toBe(true);
    expect(sameTitle('Putin’s visit', 'Putin’s visits')).toBe(false);
  });
});
