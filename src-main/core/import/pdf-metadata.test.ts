import { describe, expect, it } from 'vitest';
import { pdfDate, pdfInfoFields, plausibleTitle, splitAuthors } from './pdf-metadata';

describe('pdf metadata', () => {
  it.each([
    ['The Harbour Report', 'The Harbour Report'],
    ['  Spaced   out  ', 'Spaced out'],
    ['Microsoft Word - draft3.docx', undefined],
    ['report-final.pdf', undefined],
    ['untitled', undefined],
    ['1234', undefined],
    [42, undefined],
  ])('title %j → %j', (raw, expected) => {
    expect(plausibleTitle(raw)).toBe(expected);
  });

  it.each([
    ['Ada Lovelace; Charles Babbage', ['Ada Lovelace', 'Charles Babbage']],
    ['Ada Lovelace and Charles Babbage', ['Ada Lovelace', 'Charles Babbage']],
    ['Ada Lovelace, Charles Babbage', ['Ada Lovelace', 'Charles Babbage']],
    ['Lovelace, Ada', ['Lovelace, Ada']],
    ['Administrator', []],
    ['', []],
  ])('authors %j → %j', (raw, expected) => {
    expect(splitAuthors(raw)).toEqual(expected);
  });

  it.each([
    ["D:20240315093000+01'00'", '2024-03-15'],
    ['D:20240315', '2024-03-15'],
    ['D:2024', undefined],
    ['D:20240230', undefined],
    ['D:18500101', undefined],
    ['D:20990101', undefined],
    ['yesterday', undefined],
  ])('date %j → %j', (raw, expected) => {
    expect(pdfDate(raw, '2026-12-06')).toBe(expected);
  });

  it('keeps only the plausible fields', () => {
    expect(
      pdfInfoFields(
        { Title: 'Untitled', Author: 'Grace Hopper', CreationDate: 'D:19870601000000Z', Producer: 'x' },
        '2026-12-06',
      ),
    ).toEqual({ authors: ['Grace Hopper'], publishedDate: '1987-06-01' });
  });
});
