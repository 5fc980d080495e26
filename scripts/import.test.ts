/**
 * The command-line import (`npm run --silent import -- URL-or-FILE [--data-dir DIR]`), run as a person runs it: a
 * child process (tsx, as the npm script) against a web page on a local HTTP server and against files. Success prints
 * the stored document as JSON on stdout; every failure prints one line on stderr, nothing on stdout, and exits non-zero.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScript, type ScriptRun } from './test-run-script';

/** Runs the script without blocking this process, so the test's own HTTP server can answer it. */
function runImport(args: string[]): Promise<ScriptRun> {
  return runScript('import.ts', args, { timeout: 50_000 });
}

const PARAGRAPHS = [
  'The harbour council voted on Tuesday to rebuild the northern breakwater before the winter storms, ending a debate that had run for three years.',
  'Engineers told the council that the old wall, built in 1911, had lost a third of its stones since the last survey, and that a single bad storm could breach it.',
  'The work will cost 4.2 million euros, shared between the city and the regional government, and is due to start in April.',
];

const PAGE = `<!doctype html><html lang="en"><head><title>Council votes to rebuild the breakwater</title>
<meta property="article:published_time" content="2026-02-10T08:00:00+01:00"></head>
<body><article><h1>Council votes to rebuild the breakwater</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
<figure><img src="wall.png" alt="The northern breakwater at low tide"><figcaption>The wall was built in 1911.</figcaption></figure></article></body></html>`;

// A real (tiny) PNG: the app keeps a picture only when its bytes say it is one.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let server: Server | undefined;

afterEach(async () => {
  const open = server;
  server = undefined;
  if (open) await new Promise<void>((resolve) => open.close(() => resolve()));
});

async function servePage(): Promise<string> {
  server = createServer((request, response) => {
    if (request.url === '/news/wall.png') {
      response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      return;
    }
    if (request.url !== '/news/breakwater') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'lectio-cli-'));

function storedIds(dataDir: string): string[] {
  return (
    JSON.parse(readFileSync(path.join(dataDir, 'library.json'), 'utf8')) as { documents: { id: string }[] }
  ).documents.map((d) => d.id);
}

describe('npm run import', () => {
  it('imports a web page into a fresh library, says where on stderr, and prints the stored document', async () => {
    const origin = await servePage();
    const run = await runImport([`${origin}/news/breakwater`]);
    expect(run.code, run.stderr).toBe(0);
    const dataDir = /a new library at (\S+)/.exec(run.stderr)?.[1] ?? '';
    expect(dataDir).not.toBe('');
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      title: 'Council votes to rebuild the breakwater',
      url: `${origin}/news/breakwater`,
      published: '2026-02-10',
      site: '127.0.0.1',
      authors: [],
      language: 'en',
      pages: null,
      chapters: [],
    });
    // The picture is stored in the library folder, listed with its size and alt text.
    expect(doc.images).toHaveLength(1);
    expect(doc.images[0]).toMatchObject({ size: PNG.length, alt: 'The northern breakwater at low tide' });
    expect(readFileSync(doc.images[0].path)).toEqual(PNG);
    expect(doc.images[0].path.startsWith(path.join(dataDir, 'images'))).toBe(true);
    for (const paragraph of PARAGRAPHS) expect(doc.text).toContain(paragraph);
    expect(doc.wordCount).toBeGreaterThan(60);
    expect(storedIds(dataDir)).toEqual([doc.id]);
  });

  it('imports an HTML file into the library named by --data-dir', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'breakwater.html');
    writeFileSync(file, PAGE);
    const dataDir = path.join(dir, 'library');
    const run = await runImport([file, '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ title: 'Council votes to rebuild the breakwater', url: null, published: '2026-02-10' });
    expect(doc.text).toContain(PARAGRAPHS[2]);
    expect(storedIds(dataDir)).toEqual([doc.id]);
  });

  it('imports a text file, its first line as the title', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'note.txt');
    writeFileSync(file, `Breakwater\n\n${PARAGRAPHS.join('\n\n')}\n`);
    const run = await runImport(['--data-dir', path.join(dir, 'lib'), file]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      title: 'Breakwater',
      text: expect.stringContaining(PARAGRAPHS[0] ?? '-'),
    });
  });

  const failures: { name: string; args: (dir: string, origin: string) => string[]; code: number; message: RegExp }[] = [
    {
      name: 'no argument',
      args: () => [],
      code: 2,
      message: /^lectio import: usage: npm run --silent import -- URL-or-FILE/,
    },
    {
      name: 'an unknown option',
      args: (dir) => [path.join(dir, 'a.txt'), '--verbose'],
      code: 2,
      message: /unknown option --verbose/,
    },
    {
      name: 'two targets',
      args: (dir) => [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')],
      code: 2,
      message: /one URL or file at a time/,
    },
    {
      name: 'a missing file',
      args: (dir) => [path.join(dir, 'missing.txt')],
      code: 1,
      message: /no such file: .*missing\.txt/,
    },
    { name: 'a folder', args: (dir) => [dir], code: 1, message: /not a file/ },
    {
      name: 'a ZIP archive',
      args: (dir) => [path.join(dir, 'archive.zip')],
      code: 1,
      message: /This file is a ZIP archive, not an article/,
    },
    {
      name: 'an address that is not http or https',
      args: () => ['ftp://127.0.0.1/file'],
      code: 1,
      message: /only http and https addresses can be saved/,
    },
    {
      name: 'a page that is not there',
      args: (_dir, origin) => [`${origin}/missing`],
      code: 1,
      message: /There is no page at this address \(HTTP 404/,
    },
    {
      name: 'an unreachable server',
      args: () => ['http://127.0.0.1:9/'],
      code: 1,
      message: /refused the connection|Could not reach/,
    },
  ];

  it.each(failures)(
    'fails with one clear line on stderr and nothing on stdout: $name',
    async ({ args, code, message }) => {
      const dir = tempDir();
      writeFileSync(
        path.join(dir, 'archive.zip'),
        Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 60 }, () => 0)]),
      );
      const origin = await servePage();
      const run = await runImport(args(dir, origin));
      expect(run.code).toBe(code);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    },
  );
});
