// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DocumentBody } from '@core/model';
import { renderArticle } from './article-dom';
import { rangeFromOffsets } from './anchoring/text-map';

const ID = `${'a'.repeat(64)}.png`;
const TEXT = 'Before the picture.\nThe harbour at dawn.\nAfter the picture.';
const at = (s: string) => TEXT.indexOf(s);
const BODY: DocumentBody = {
  text: TEXT,
  blocks: [
    { kind: 'paragraph', start: 0, end: at('\nThe') },
    {
      kind: 'image',
      start: at('The'),
      end: at('The'),
      image: { id: ID, alt: 'Boats in the harbour', width: 640, height: 480 },
    },
    { kind: 'caption', start: at('The'), end: at('\nAfter') },
    { kind: 'paragraph', start: at('After'), end: TEXT.length },
  ],
  marks: [],
};

describe('renderArticle: pictures', () => {
  it('shows an image block as a figure with its stored image, alt text and caption, served by id from the app', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    renderArticle(root, BODY);
    const figure = root.querySelector('figure');
    const img = figure?.querySelector('img');
    expect(img?.getAttribute('src')).toBe(`/images/${ID}`);
    expect(img?.alt).toBe('Boats in the harbour');
    expect([img?.width, img?.height]).toEqual([640, 480]);
    expect(figure?.querySelector('figcaption')?.textContent).toBe('The harbour at dawn.');
    // The figure holds no text of its own: the caption's text is still its slice of the canonical text.
    expect(figure?.hasAttribute('data-start')).toBe(false);
    expect(root.textContent).toBe(TEXT.replace(/\n/g, ''));
  });

  it('keeps offsets exact across a picture: a range in the caption and after it maps back to the same text', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    renderArticle(root, BODY);
    const start = at('harbour');
    const range = rangeFromOffsets(root, start, start + 'harbour'.length);
    expect(range?.toString()).toBe('harbour');
    const after = rangeFromOffsets(root, at('After'), at('After') + 5);
    expect(after?.toString()).toBe('After');
  });
});
