import { describe, expect, it } from 'vitest';
import { joinLines, layoutPdf, type PdfPageText, type PdfTextItem } from './pdf-layout';

/** Items for lines of text set from `top` down, 14 pt apart, each as one run (5.5 pt a character at 11 pt). */
function lines(texts: string[], x: number, top: number, size = 11, step = 14): PdfTextItem[] {
  return texts.map((text, i) => ({ text, x, y: top + i * step, width: text.length * size * 0.5, size }));
}

function page(...items: PdfTextItem[][]): PdfPageText {
  return { width: 612, height: 792, items: items.flat() };
}

/** The blocks as [kind, text, page], the shape every case checks. */
function read(pages: PdfPageText[]): Array<[string, string, number | undefined]> {
  const body = layoutPdf(pages);
  return body.blocks.map((block) => [
    block.kind === 'heading' ? `h${block.level}` : 'p',
    body.text.slice(block.start, block.end),
    block.page,
  ]);
}

const header = (n: number) => [
  ...lines(['The Quarterly Review · Spring'], 72, 40, 9),
  ...lines([String(n)], 300, 760, 9),
];

describe('layoutPdf', () => {
  const cases: Array<{ name: string; pages: PdfPageText[]; expected: Array<[string, string, number | undefined]> }> = [
    {
      name: 'items in stream order are read top to bottom, left to right',
      pages: [
        page(lines(['second line of it.'], 72, 114), lines(['A paragraph and the'], 72, 100), [
          { text: 'end', x: 200, y: 100, width: 16, size: 11 },
        ]),
      ],
      expected: [['p', 'A paragraph and the end second line of it.', 1]],
    },
    {
      name: 'two columns: the left one is read before the right one, a title across both stays first',
      pages: [
        page(
          lines(
            ['Right column text comes', 'second in reading order.', 'It has a third line.', 'And a fourth one.'],
            320,
            140,
          ),
          lines(
            ['Left column text comes', 'first in reading order.', 'It has a third line.', 'And a fourth one.'],
            72,
            140,
          ),
          lines(['A Title Across Both Columns Of The Page'], 100, 100, 18),
        ),
      ],
      expected: [
        ['h1', 'A Title Across Both Columns Of The Page', 1],
        ['p', 'Left column text comes first in reading order. It has a third line. And a fourth one.', 1],
        ['p', 'Right column text comes second in reading order. It has a third line. And a fourth one.', 1],
      ],
    },
    {
      name: 'words hyphenated at a line end are mended; compounds keep their hyphen',
      pages: [page(lines(['The committee reached a compro-', 'mise with the Anglo-', 'Saxon scholars.'], 72, 100))],
      expected: [['p', 'The committee reached a compromise with the Anglo-Saxon scholars.', 1]],
    },
    {
      name: 'a wider gap between lines starts a new paragraph; so does an indented first line',
      pages: [
        page(
          lines(['First paragraph, line one', 'and its line two.'], 72, 100),
          lines(['Second paragraph after a gap', 'of a whole line.'], 72, 150),
          lines(['Third, indented,', 'with no gap.'], 72, 178),
          [
            { text: 'Fourth starts', x: 90, y: 206, width: 70, size: 11 },
            { text: 'indented here.', x: 72, y: 220, width: 70, size: 11 },
          ],
        ),
      ],
      expected: [
        ['p', 'First paragraph, line one and its line two.', 1],
        ['p', 'Second paragraph after a gap of a whole line.', 1],
        ['p', 'Third, indented, with no gap.', 1],
        ['p', 'Fourth starts indented here.', 1],
      ],
    },
    {
      name: 'running headers and page numbers repeated on every page are dropped',
      pages: [1, 2, 3].map((n) => page(header(n), lines([`Page ${n} body text.`], 72, 120))),
      expected: [
        ['p', 'Page 1 body text.', 1],
        ['p', 'Page 2 body text.', 2],
        ['p', 'Page 3 body text.', 3],
      ],
    },
    {
      name: 'a lone page number in the footer is dropped even on a one-page document, a number in the body is kept',
      pages: [page(lines(['1984'], 72, 100), lines(['— 7 —'], 290, 770, 9))],
      expected: [['p', '1984', 1]],
    },
    {
      name: 'headings from font size: larger is a higher level, a heading over two lines is one heading',
      pages: [
        page(
          lines(['A Long Title That Runs', 'Over Two Lines'], 72, 100, 22, 26),
          lines(['Methods'], 72, 170, 15),
          lines(['Body text in eleven point.', 'It goes on.'], 72, 200),
        ),
      ],
      expected: [
        ['h1', 'A Long Title That Runs Over Two Lines', 1],
        ['h2', 'Methods', 1],
        ['p', 'Body text in eleven point. It goes on.', 1],
      ],
    },
    {
      name: 'a chapter title at the same place on several pages is a heading, not a running header',
      pages: [1, 2, 3].map((n) =>
        page(lines([`Chapter ${n}`], 72, 60, 20), lines(['Body text of the chapter.'], 72, 120)),
      ),
      expected: [1, 2, 3].flatMap((n): Array<[string, string, number]> => [
        ['h1', `Chapter ${n}`, n],
        ['p', 'Body text of the chapter.', n],
      ]),
    },
    {
      name: 'a sentence running over a page break stays one paragraph, on the page it starts on',
      pages: [
        page(header(1), lines(['The harbour plan was'], 72, 700)),
        page(header(2), lines(['approved in March.'], 72, 100)),
      ],
      expected: [['p', 'The harbour plan was approved in March.', 1]],
    },
    {
      name: 'pages with no text give no blocks',
      pages: [page([]), page([{ text: '   ', x: 0, y: 0, width: 5, size: 11 }])],
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ pages, expected }) => {
    expect(read(pages)).toEqual(expected);
  });

  it('keeps every block inside the text, in order, and the text is the blocks joined by line breaks', () => {
    const body = layoutPdf([
      page(header(1), lines(['Title Here'], 72, 100, 18), lines(['One.', 'Two.'], 72, 140, 11, 30)),
    ]);
    expect(body.blocks.map((b) => body.text.slice(b.start, b.end)).join('\n')).toBe(body.text);
  });
});

describe('joinLines', () => {
  it.each([
    ['exam-', 'ple', 'example'],
    ['Anglo-', 'Saxon', 'Anglo-Saxon'],
    ['soft\u00ad', 'Hyphen', 'softHyphen'],
    ['ends', 'here', 'ends here'],
    ['1990-', '1995', '1990- 1995'],
  ])('%s + %s = %s', (previous, next, expected) => {
    expect(joinLines(previous, next)).toBe(expected);
  });
});
