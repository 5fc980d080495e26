import { describe, expect, it } from 'vitest';
import { splitTitleLine } from './plain-text';

describe('splitTitleLine', () => {
  it.each([
    [
      'a title, a blank line and the text',
      'Ferry talks resume\n\nThe operators met on Monday.',
      { title: 'Ferry talks resume', rest: 'The operators met on Monday.' },
    ],
    [
      'a title followed directly by a paragraph',
      'Ferry talks resume\nThe operators met on Monday.',
      { title: 'Ferry talks resume', rest: 'The operators met on Monday.' },
    ],
    [
      'a question for a title, Windows line endings and leading blank lines',
      '\r\n  Who runs the ferries?  \r\n\r\nThe councils do.',
      { title: 'Who runs the ferries?', rest: 'The councils do.' },
    ],
  ])('takes %s', (_name, text, expected) => {
    expect(splitTitleLine(text)).toEqual(expected);
  });

  it.each([
    ['a first sentence', 'The operators met on Monday.\nThey agreed.'],
    ['a first line ending in a colon', 'They said:\nNo more sailings.'],
    ['a single line', 'Ferry talks resume'],
    ['a title with nothing after it', 'Ferry talks resume\n\n  \n'],
    ['a first line too long to be a title', `${'word '.repeat(40)}\n\nText.`],
  ])('leaves %s as it is', (_name, text) => {
    expect(splitTitleLine(text)).toBeNull();
  });
});
