import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, checkFileSize, decodeText } from './decode';

const TEXT = 'Café au lait: “quoted” — naïve façade, 10 €.';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const at = (bom ? 2 : 0) + i * 2;
    out[at] = littleEndian ? code & 0xff : code >> 8;
    out[at + 1] = littleEndian ? code >> 8 : code & 0xff;
  }
  return out;
}

/** Windows-1252 bytes for text whose characters are all in it. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '—': 0x97 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT)],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
    ['UTF-16 LE with BOM', utf16(TEXT, true, true)],
    ['UTF-16 BE with BOM', utf16(TEXT, false, true)],
    ['Windows-1252 / Latin-1', cp1252(TEXT)],
  ])('reads %s', (_name, bytes) => {
    expect(decodeText(bytes)).toBe(TEXT);
  });

  it('reads Latin-1 German and Portuguese, accents next to each other included', () => {
    const text = 'Grüße aus Köln. Ação, não, coração; Ærø.';
    expect(decodeText(Uint8Array.from([...text].map((ch) => ch.charCodeAt(0))))).toBe(text);
  });

  it.each([
    [
      'a binary file (PNG header)',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      /not text/,
    ],
    ['random control bytes', Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 31), /not text/],
    ['UTF-16 without a BOM', utf16('Plain English text without a byte order mark at all.', true, false), /encoding/],
    ['UTF-32 with a BOM', Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /encoding/],
    [
      'Shift-JIS Japanese',
      Uint8Array.from([
        0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x95, 0xb6, 0x8f, 0xcd, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42,
      ]),
      /encoding/,
    ],
    [
      'EUC-KR Korean',
      Uint8Array.from([
        0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee, 0x20, 0xb9, 0xae, 0xc0, 0xe5, 0xc0, 0xd4, 0xb4, 0xcf, 0xb4, 0xd9, 0x2e,
      ]),
      /encoding/,
    ],
    [
      'ISO-2022-JP',
      Uint8Array.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42, 0x20, 0x74, 0x65, 0x78, 0x74, 0xe9]),
      /encoding/,
    ],
  ])('refuses %s with a clear message', (_name, bytes, message) => {
    expect(() => decodeText(bytes)).toThrow(expect.objectContaining({ code: 'unreadable-file' }));
    expect(() => decodeText(bytes)).toThrow(message);
  });

  it(`refuses files over ${MAX_FILE_BYTES / 1e6} MB, naming the file`, () => {
    expect(() => checkFileSize(MAX_FILE_BYTES + 1, 'huge.txt')).toThrow(
      /huge\.txt is 24\.0 MB; Lectio opens files up to 24 MB/,
    );
    expect(() => checkFileSize(MAX_FILE_BYTES, 'fine.txt')).not.toThrow();
    expect(() => decodeText(new Uint8Array(MAX_FILE_BYTES + 1), 'big.txt')).toThrow(/big\.txt/);
  });
});
