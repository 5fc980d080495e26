/** Files the system asks the desktop app to open: an EPUB among them reaches the window as a book, bytes intact. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestEpub } from '../import/epub/test-epub';
import { OpenedFiles, articlePathsIn } from './opened-files';

describe('opened files', () => {
  it('takes .epub paths from the command line with the article files', () => {
    expect(
      articlePathsIn([
        '/opt/Lectio/lectio',
        '--flag',
        '/home/ana/walls.epub',
        '/home/ana/notes.md',
        '/home/ana/photo.png',
      ]),
    ).toEqual(['/home/ana/walls.epub', '/home/ana/notes.md']);
  });

  it('hands an EPUB over as a book (its bytes as base64), whatever its name, beside a text file read as text', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-opened-'));
    const bytes = buildTestEpub({ chapters: [{ file: 'one.xhtml', title: 'One', body: '<p>Text.</p>' }] });
    writeFileSync(path.join(dir, 'walls.epub'), bytes);
    writeFileSync(path.join(dir, 'misnamed.txt'), bytes);
    writeFileSync(path.join(dir, 'note.txt'), 'A note\n\nIts text.');
    const opened = new OpenedFiles();
    await opened.add([path.join(dir, 'walls.epub'), path.join(dir, 'misnamed.txt'), path.join(dir, 'note.txt')]);
    const taken = opened.take();
    if (!taken.ok) throw new Error(taken.error.message);
    expect(taken.value.map((file) => [file.fileName, file.format])).toEqual([
      ['walls.epub', 'epub'],
      ['misnamed.txt', 'epub'],
      ['note.txt', 'text'],
    ]);
    expect(Buffer.from(taken.value[0]?.text ?? '', 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
