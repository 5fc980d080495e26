import { describe, expect, it } from 'vitest';
import { looksLikeHtml, readArticleBytes } from './sniff';

const bytes = (text: string) => new TextEncoder().encode(text);
const zip = (firstEntry: string, content: string) => {
  const header = new Uint8Array(30);
  header.set([0x50, 0x4b, 0x03, 0x04]);
  return new Uint8Array([...header, ...bytes(firstEntry), ...bytes(content)]);
};

describe('readArticleBytes', () => {
  it.each([
    [
      'an ASCII PDF named .txt',
      bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'),
      'notes.txt',
      /^PDF import is not available yet/,
    ],
    [
      'a PDF after mail junk',
      bytes('X-Junk: 1\r\n%PDF-1.7\n%\u00e2\u00e3'),
      'a.pdf',
      /^PDF import is not available yet/,
    ],
    ['an EPUB', zip('mimetype', 'application/epub+zip'), 'book.epub', /^EPUB import is not available yet/],
    ['a Word document', zip('[Content_Types].xml', '<Types/>'), 'letter.docx', /office document/],
    ['another ZIP', zip('notes.txt', 'hello'), 'notes.zip', /ZIP archive/],
    ['an RTF document', bytes('{\\rtf1\\ansi Hello}'), 'letter.rtf', /RTF document/],
  ])('refuses %s, naming its format', (_name, data, name, message) => {
    expect(() => readArticleBytes(data, name)).toThrow(expect.objectContaining({ code: 'unreadable-file' }));
    expect(() => readArticleBytes(data, name)).toThrow(message);
  });

  it.each([
    ['a web page named .txt', '<!DOCTYPE html><html><body><p>Hi</p></body></html>', 'page.txt', 'html'],
    [
      'a web page after a comment and a BOM',
      '\uFEFF<!-- saved from url=(0014)about:internet -->\n<html lang="en"><p>Hi</p></html>',
      'page',
      'html',
    ],
    ['an .html fragment', '<p>Hi</p>', 'frag.html', 'html'],
    ['Markdown that opens with inline HTML', '<div align="center">Title</div>\n\nText.', 'readme.md', 'markdown'],
    ['text that mentions %PDF- mid-line', 'The header is %PDF-1.4 in every file.', 'note.txt', 'text'],
    ['plain text', 'Ferry talks resume\n\nText.', 'ferry.TXT', 'text'],
  ])('reads %s', (_name, text, name, format) => {
    expect(readArticleBytes(bytes(text), name).format).toBe(format);
  });

  it('tells a page from text that only quotes a tag', () => {
    expect(looksLikeHtml('<html>\n<body>')).toBe(true);
    expect(looksLikeHtml('Use <html> to start a page.')).toBe(false);
  });
});
