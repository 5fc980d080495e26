import { describe, expect, it } from 'vitest';
import { exportMarkdown, frontMatter } from './export-markdown';

const LABELS = { 1: 'Key', 2: 'Actor', 3: 'Date', 4: 'Question', 5: 'Disagree' } as const;

describe('Markdown front matter', () => {
  it('writes a saved page’s metadata as YAML before the title, strings quoted as YAML reads them', () => {
    const markdown = exportMarkdown({
      title: 'Council votes: "yes"',
      source: 'The Harbour Times, Ana Costa',
      url: 'https://harbour.example/news/breakwater',
      authors: ['Ana Costa', 'Li Wei'],
      siteName: 'The Harbour Times',
      language: 'en-GB',
      canonicalUrl: 'https://harbour.example/2026/breakwater',
      publishedDate: '2026-02-09',
      modifiedDate: '2026-02-12',
      highlights: [],
      labels: LABELS,
    });
    expect(markdown.split('\n# ')[0]).toBe(
      [
        '---',
        'title: "Council votes: \\"yes\\""',
        'url: "https://harbour.example/news/breakwater"',
        'authors:',
        '  - "Ana Costa"',
        '  - "Li Wei"',
        'site: "The Harbour Times"',
        'published: 2026-02-09',
        'modified: 2026-02-12',
        'language: en-GB',
        'canonical: "https://harbour.example/2026/breakwater"',
        '---',
        '',
      ].join('\n'),
    );
    expect(markdown).toContain('# Council votes: "yes"\n\nSource: The Harbour Times, Ana Costa');
  });

  it('is left out for a note with none of that metadata, and never carries a non-web address', () => {
    expect(frontMatter({ title: 'Notes', source: '' })).toBe('');
    expect(frontMatter({ title: 'T', source: '', canonicalUrl: 'javascript:alert(1)', siteName: 'S' })).not.toContain(
      'javascript',
    );
  });
});
