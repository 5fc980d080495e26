import { describe, expect, it } from 'vitest';
import { passageAt, passageIndexFrom, passagesOf, snapToWords } from './passages';

const text = 'First sentence here. Second one, with Dr. Smith.\nA new paragraph! Last?';

describe('passages', () => {
  const passages = passagesOf(text);

  it('are the sentences, never crossing a paragraph break', () => {
    expect(passages.map((p) => text.slice(p.start, p.end))).toEqual([
      'First sentence here.',
      'Second one, with Dr. Smith.',
      'A new paragraph!',
      'Last?',
    ]);
  });

  it('are found by offset, with null between them', () => {
    expect(passageAt(passages, 0)).toEqual(passages[0]);
    expect(passageAt(passages, text.indexOf('Smith'))).toEqual(passages[1]);
    expect(passageAt(passages, text.indexOf(' Second'))).toBeNull();
    expect(passageAt(passages, text.length)).toBeNull();
  });

  it('give the next passage for keyboard movement', () => {
    expect(passageIndexFrom(passages, 0)).toBe(0);
    expect(passageIndexFrom(passages, text.indexOf(' Second'))).toBe(1);
    expect(passageIndexFrom(passages, text.length)).toBe(4);
  });
});

describe('snapToWords', () => {
  it.each([
    ['ecret pla', 'secret plans'],
    ['secret plans', 'secret plans'],
    ['n’s visi', 'Putin’s visit'],
    ['Putin', 'Putin'],
    [' plans', ' plans'],
  ])('widens %j to %j', (part, whole) => {
    const text = 'The secret plans of Putin’s visit.';
    const start = text.indexOf(part);
    const snapped = snapToWords(text, start, start + part.length);
    expect(text.slice(snapped.start, snapped.end)).toBe(whole);
  });
});
