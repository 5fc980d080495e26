// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { calendarDay, readPageMetadata } from './html-metadata';

const page = (head: string, body = '') =>
  new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');
const LD =
  '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-05-02T23:30:00-04:00","headline":"Port strike ends","author":[{"name":"Ana Costa"},{"name":"Li Wei"}],"publisher":{"name":"The Harbour Times"}}</script>';
const OG =
  '<meta property="article:published_time" content="2023-06-14T08:00:00Z"><meta property="og:title" content="OG title"><meta property="og:site_name" content="Harbour">';
const CITATION = '<meta name="citation_publication_date" content="2023/07/21">';
const TIME = '<time datetime="2023-08-30">30 August</time>';

describe('readPageMetadata', () => {
  it.each([
    ['JSON-LD over everything', LD + OG + CITATION, TIME, '2023-05-02'],
    ['article:published_time over citation and <time>', OG + CITATION, TIME, '2023-06-14'],
    ['citation_publication_date over <time>', CITATION, TIME, '2023-07-21'],
    ['<time datetime> alone', '', `<p>By Ana, ${TIME}</p>`, '2023-08-30'],
    ['nothing', '<meta name="description" content="x">', '<time>Monday</time>', null],
  ])('dates a page by %s', (_name, head, body, date) => {
    expect(readPageMetadata(page(head, body)).publishedDate).toBe(date);
  });

  it('reads the title, authors and site from JSON-LD first, then the meta tags', () => {
    expect(readPageMetadata(page(LD + OG))).toMatchObject({
      publishedDate: '2023-05-02',
      title: 'Port strike ends',
      author: 'Ana Costa, Li Wei',
      authors: ['Ana Costa', 'Li Wei'],
      siteName: 'The Harbour Times',
    });
    expect(
      readPageMetadata(
        page(
          `${OG}<meta name="author" content="Ana Costa"><meta property="article:author" content="https://harbour.example/ana">`,
        ),
      ),
    ).toMatchObject({ title: 'OG title', author: 'Ana Costa', siteName: 'Harbour' });
    expect(
      readPageMetadata(page('<meta property="article:author" content="https://harbour.example/ana">')).author,
    ).toBe('');
  });

  it('survives malformed JSON-LD and finds the article in a @graph', () => {
    const graph =
      '<script type="application/ld+json">{ not json</script><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":"Article","datePublished":"2021-01-05"}]}</script>';
    expect(readPageMetadata(page(graph)).publishedDate).toBe('2021-01-05');
  });
});

describe('calendarDay', () => {
  it.each([
    ['2023-05-02T23:30:00-04:00', '2023-05-02'],
    ['2023/7/1', '2023-07-01'],
    ['May 2, 2023', '2023-05-02'],
    ['2023', null],
    ['2023-02-30', null],
    ['yesterday', null],
    ['', null],
  ])('reads %s as %s', (raw, day) => {
    expect(calendarDay(raw)).toBe(day);
  });
});
