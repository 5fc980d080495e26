// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { languageTag, readPageMetadata } from './html-metadata';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('readPageMetadata: authors, language, canonical address, modified date, lead picture', () => {
  it('reads them from JSON-LD first', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Costa"},"Li Wei"],"dateModified":"2026-02-12T09:00:00Z","inLanguage":"pt-BR","image":{"@type":"ImageObject","url":"https://x.example/lead.jpg"}}</script>';
    expect(
      readPageMetadata(page(`<html><head>${ld}<meta name="author" content="Someone Else"></head></html>`)),
    ).toMatchObject({
      authors: ['Ana Costa', 'Li Wei'],
      modifiedDate: '2026-02-12',
      language: 'pt-BR',
      image: 'https://x.example/lead.jpg',
    });
  });

  it('then from the meta tags, a scholarly page’s citation_author tags each an author', () => {
    const head = `<meta name="citation_author" content="Curie, Marie"><meta name="citation_author" content="Curie, Pierre">
      <meta property="article:modified_time" content="2025-11-03T10:00:00+01:00"><meta property="og:locale" content="en_GB">
      <link rel="canonical" href="/papers/radium"><meta property="og:image" content="/lead.png">`;
    expect(readPageMetadata(page(`<html><head>${head}</head></html>`))).toMatchObject({
      authors: ['Curie, Marie', 'Curie, Pierre'],
      modifiedDate: '2025-11-03',
      language: 'en-GB',
      canonicalUrl: '/papers/radium',
      image: '/lead.png',
    });
  });

  it('takes <html lang> over og:locale, and gives empty fields for a bare page', () => {
    expect(
      readPageMetadata(page('<html lang="fr"><head><meta property="og:locale" content="en_US"></head></html>'))
        .language,
    ).toBe('fr');
    expect(readPageMetadata(page('<html><body><p>Text</p></body></html>'))).toMatchObject({
      authors: [],
      language: '',
      canonicalUrl: '',
      modifiedDate: null,
      image: '',
    });
  });

  it.each([
    ['en', 'en'],
    ['EN-gb', 'en-GB'],
    ['en_US', 'en-US'],
    ['zh-hant', 'zh-Hant'],
    ['es-419', 'es-419'],
    ['english', ''],
    ['', ''],
  ])('writes the language tag %s as %s', (raw, tag) => {
    expect(languageTag(raw)).toBe(tag);
  });
});
