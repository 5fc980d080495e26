import { describe, expect, it } from 'vitest';
import { importMarkdown } from './markdown';
import { CHUNK_CHARS, markdownChunks } from './markdown-chunks';

const whole = (source: string) => [source];

/** Every construct a cut could break, repeated until the source is many pieces long. */
function longDocument(sections: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sections; i++) {
    parts.push(
      `# Section ${i}`,
      `The *summit* ended with a **deal** on [grain][ref-${i % 7}] and \`code\`, officials said on Monday in Lisbon; see [the report](https://example.org/${i}).`,
      `Setext heading ${i}\n-----------------`,
      `- a point\n- another point\n\n  still the second point\n\n1. first\n2. second`,
      `> A quote that runs\nlazily onto a second line.\n\n> And a second quote.`,
      '```\ncode with a blank line\n\nunindented inside the fence\n```',
      '~~~~ js\nconst a = 1;\n\n~~~\nstill code\n~~~~',
      '<!--\na comment\n\nunindented inside the comment\n-->',
      '<pre>\npre text\n\nunindented inside pre\n</pre>',
      `    indented code ${i}\n\n    more indented code`,
    );
  }
  parts.push(...Array.from({ length: 7 }, (_, k) => `[ref-${k}]: https://example.org/ref/${k} "Reference ${k}"`));
  return parts.join('\n\n');
}

describe('markdownChunks', () => {
  it('leaves a short source whole', () => {
    expect(markdownChunks('# Title\n\nText.')).toEqual(['# Title\n\nText.']);
  });

  it('cuts a long document into pieces that import exactly as the whole does', () => {
    const source = longDocument(300);
    const pieces = markdownChunks(source);
    expect(source.length).toBeGreaterThan(10 * CHUNK_CHARS);
    expect(pieces.length).toBeGreaterThan(10);
    expect(importMarkdown(source)).toEqual(importMarkdown(source, whole));
  });

  it('never cuts inside an unclosed fence', () => {
    const source = `Intro.\n\n\`\`\`\n${'line\n\n'.repeat(CHUNK_CHARS / 3)}`;
    expect(markdownChunks(source)).toEqual([source]);
  });
});
