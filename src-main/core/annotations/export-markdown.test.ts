import { describe, expect, it } from 'vitest';
import { exportMarkdown, toTag } from './export-markdown';
import { LABELS, SAMPLE_HIGHLIGHTS } from './test-highlights';

describe('exportMarkdown', () => {
  it('names the web address a saved page came from, as one link', () => {
    const markdown = exportMarkdown({
      title: 'Tide gauges',
      source: 'Coastal Notes',
      url: 'https://coast.example/notes/tide gauges(1)',
      highlights: [],
      labels: LABELS,
    });
    expect(markdown).toBe(
      '# Tide gauges\n\nSource: Coastal Notes\n\nAddress: <https://coast.example/notes/tide%20gauges(1)>\n',
    );
    expect(exportMarkdown({ title: 'T', source: '', url: 'javascript:alert(1)', highlights: [], labels: LABELS })).toBe(
      '# T\n',
    );
  });

  it('writes title, source and each highlight in reading order with label, note and tags', () => {
    const markdown = exportMarkdown({
      title: 'The Year of\nRevolutions',
      source: 'https://example.org/1848',
      highlights: SAMPLE_HIGHLIGHTS,
      labels: LABELS,
    });
    expect(markdown).toBe(
      [
        '# The Year of Revolutions',
        '',
        'Source: https://example.org/1848',
        '',
        '## Highlights',
        '',
        '> revolutions swept across Europe',
        '',
        '*Key idea*',
        '',
        'Which revolutions?\nSee chapter 2.',
        '',
        '#1848 #europe #big-picture',
        '',
        '---',
        '',
        '> “We have lost everything,” wrote',
        '',
        '*Evidence*',
        '',
        'A primary source.',
        '',
        '#quotes #sources',
        '',
        '---',
        '',
        '> \\# Not a heading',
        '> \\- not a list 📜 either',
        '',
        '*To review*',
        '',
      ].join('\n'),
    );
  });

  it('orders by current anchor positions when given', () => {
    const positions = new Map([
      ['h-3', 0],
      ['h-1', 50],
      ['h-2', 10],
    ]);
    const markdown = exportMarkdown({
      title: 'T',
      source: '',
      highlights: SAMPLE_HIGHLIGHTS,
      labels: LABELS,
      positions,
    });
    const order = ['Not a heading', 'We have lost', 'revolutions swept'].map((s) => markdown.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(markdown).not.toContain('Source:');
  });

  it('keeps title and source when there are no highlights', () => {
    expect(exportMarkdown({ title: '', source: 'file.md', highlights: [], labels: LABELS })).toBe(
      '# Untitled\n\nSource: file.md\n',
    );
  });

  it('turns tags into Obsidian tags or drops them', () => {
    expect(toTag('big picture')).toBe('#big-picture');
    expect(toTag('##already')).toBe('#already');
    expect(toTag('naïve/sub_tag-1')).toBe('#naïve/sub_tag-1');
    expect(toTag('!!!')).toBeNull();
    expect(toTag('   ')).toBeNull();
  });

  it('shows raw HTML in highlights, notes and the title as text, never as markup, but leaves code alone', () => {
    const [first] = SAMPLE_HIGHLIGHTS;
    if (!first) throw new Error('no sample');
    const hostile = {
      ...first,
      selectors: [
        first.selectors[0],
        { ...first.selectors[1], exact: 'He wrote <script>alert(1)</script> twice' },
      ] as typeof first.selectors,
      note: 'See <img src=x onerror=alert(2)> and `a <b> tag` here',
    };
    const markdown = exportMarkdown({
      title: 'On <iframe src=evil>',
      source: '',
      highlights: [hostile],
      labels: LABELS,
    });
    expect(markdown).toContain('> He wrote &lt;script>alert(1)&lt;/script> twice');
    expect(markdown).toContain('See &lt;img src=x onerror=alert(2)> and `a <b> tag` here');
    expect(markdown).toContain('# On &lt;iframe src=evil>');
    expect(markdown.replace(/`[^`]*`/g, '')).not.toMatch(/<[a-z/]/i);
  });
});
