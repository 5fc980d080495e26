// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extract } from '@core/extract/extract';
import type { DocumentBody } from '@core/model';
import { liftByline } from './byline-block';
import { htmlToArticle } from './html-to-body';

const STORY = [
  'The harbour council voted on Tuesday to rebuild the northern breakwater before the winter storms, ending a debate that had run for three years, the mayor Rui Moreira said.',
  'Engineers told the council that the old wall, built in 1911, had lost a third of its stones since the last survey, and that a single bad storm could breach it.',
  'The work will cost 4.2 million euros, shared between the city and the regional government, and is due to start in April.',
];

function page(byline: string): string {
  const head =
    '<title>Council votes</title><meta name="author" content="Ana Costa"><meta property="og:site_name" content="The Harbour Times">';
  return `<!doctype html><html><head>${head}</head><body><article><h1>Council votes</h1>${byline}${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

describe('a page’s own byline', () => {
  it.each([
    ['name and role, then a date line', '<p>Ana Costa, Chief Reporter</p><p>9 February 2026</p>'],
    ['name, site and date on one line', '<p class="meta">Ana Costa | The Harbour Times | 9 Feb 2026</p>'],
    ['"By" and a published line', '<p>By Ana Costa</p><p>Published: 9 February 2026, 08:00</p>'],
  ])('is not an actor, and its date still dates the story (%s)', (_name, byline) => {
    const article = htmlToArticle(page(byline));
    const result = extract(article.body.text, { referenceDate: null });
    expect(result.actors.map((actor) => actor.name)).toEqual(['Rui Moreira']);
    expect(result.referenceDate).toBe('2026-02-09');
    for (const paragraph of STORY) expect(article.body.text).toContain(paragraph);
  });

  it('keeps every offset right: blocks, marks and pictures after the byline move with the text', () => {
    const text = 'Title\nAna Costa | 9 Feb 2026\nSee the report here.';
    const bylineEnd = text.indexOf('\nSee');
    const picture = { kind: 'image' as const, start: bylineEnd, end: bylineEnd, image: { id: '', alt: 'x' } };
    const body: DocumentBody = {
      text,
      blocks: [
        { kind: 'heading', start: 0, end: 5, level: 1 },
        { kind: 'paragraph', start: 6, end: bylineEnd },
        picture,
        { kind: 'paragraph', start: bylineEnd + 1, end: text.length },
      ],
      marks: [
        { kind: 'link', start: text.indexOf('report'), end: text.indexOf('report') + 6, href: 'https://x.example/' },
      ],
    };
    const lifted = liftByline(body, ['Ana Costa']);
    expect(lifted.text).toBe('Title\n9 Feb 2026\nSee the report here.');
    expect(lifted.blocks.map((b) => lifted.text.slice(b.start, b.end))).toEqual([
      'Title',
      '9 Feb 2026',
      '',
      'See the report here.',
    ]);
    expect(lifted.text.slice(lifted.marks[0]?.start, lifted.marks[0]?.end)).toBe('report');
    expect(picture.start).toBe('Title\n9 Feb 2026'.length);
  });

  it('leaves a sentence that merely names the author alone', () => {
    const text = 'Ana Costa met the mayor on Tuesday to talk about the wall.';
    const body: DocumentBody = { text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }], marks: [] };
    expect(liftByline(body, ['Ana Costa'])).toBe(body);
  });
});
