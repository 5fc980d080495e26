/**
 * CLI: `npm run --silent import -- URL-or-FILE [--data-dir DIR]` imports a web page or an article file into a library
 * (a fresh one in a temporary folder when no folder is given: its path goes to stderr) through the same service the
 * app uses, and prints the stored document as JSON on stdout. Any failure: one line on stderr, exit code 1 (2 for a
 * bad command line), nothing on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES } from '@core/import/decode';
import type { LectioDocument } from '@core/model';

const USAGE = 'usage: npm run --silent import -- URL-or-FILE [--data-dir DIR]';

class UsageError extends Error {}

function parseArgs(argv: string[]): { target: string; dataDir: string | null } {
  let target: string | null = null;
  let dataDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      dataDir = argv[++i] ?? null;
      if (!dataDir) throw new UsageError(`--data-dir needs a folder. ${USAGE}`);
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}. ${USAGE}`);
    } else if (target === null) {
      target = arg;
    } else {
      throw new UsageError(`one URL or file at a time (also got ${arg}). ${USAGE}`);
    }
  }
  if (!target) throw new UsageError(USAGE);
  return { target, dataDir: dataDir === null ? null : path.resolve(dataDir) };
}

/** A scheme followed by "//" is an address, whatever the scheme (the service refuses all but http and https, saying so). */
const isAddress = (target: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);

async function readArticleFile(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${error.code ?? error.message})`,
    );
  });
  if (!info.isFile()) throw new Error(`not a file: ${file}`);
  if (info.size > MAX_FILE_BYTES)
    throw new Error(`${file} is too large to import (over ${Math.round(MAX_FILE_BYTES / 1024 / 1024)} MB)`);
  return new Uint8Array(await readFile(file));
}

/** The stored document as the command prints it; fields other importers fill are printed when the document has them. */
function documentJson(doc: LectioDocument, images: { id: string; path: string; size: number; alt: string }[]) {
  const pages =
    doc.pageCount ??
    (doc.body.blocks.some((block) => block.page !== undefined)
      ? Math.max(...doc.body.blocks.map((block) => block.page ?? 0))
      : undefined);
  return {
    id: doc.id,
    title: doc.title,
    authors: doc.authors ?? [],
    source: doc.source,
    site: doc.siteName ?? (doc.url ? new URL(doc.url).hostname : null),
    url: doc.url ?? null,
    canonicalUrl: doc.canonicalUrl ?? null,
    language: doc.language ?? null,
    published: doc.publishedDate,
    wordCount: doc.wordCount,
    leadImage: doc.leadImage ?? null,
    images,
    pages: pages ?? null,
    chapters:
      doc.body.sections?.map((section) => ({
        title: section.title,
        level: section.level,
        start: section.start,
        end: section.end,
      })) ?? [],
    text: doc.body.text,
  };
}

/** The document's pictures in reading order, each once: stored file (in the library folder), size and alt text. */
async function storedImages(doc: LectioDocument, dataDir: string) {
  const { ImageStore } = await import('@main/storage/image-store');
  const store = new ImageStore(dataDir);
  const seen = new Set<string>();
  const out: { id: string; path: string; size: number; alt: string }[] = [];
  for (const block of doc.body.blocks) {
    const id = block.image?.id;
    const file = id ? store.fileOf(id) : null;
    if (!id || !file || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, path: file, size: (await stat(file)).size, alt: block.image?.alt ?? '' });
  }
  return out;
}

async function main(): Promise<void> {
  const { target, dataDir: given } = parseArgs(process.argv.slice(2));
  // The file is read before any library is made, so a missing file leaves nothing behind.
  const bytes = isAddress(target) ? null : await readArticleFile(target);
  // The service is loaded only now: a bad command line or a missing file is answered without compiling all of it.
  const [{ version }, { inProcessRunner }, { createService }, { fileImportInput }, { LibraryStorage }] =
    await Promise.all([
      import('@package'),
      import('@main/analysis/extraction-runner'),
      import('@main/api/service'),
      import('@main/import/file-input'),
      import('@main/storage/library-storage'),
    ]);
  const input = bytes === null ? null : fileImportInput(target, bytes);
  const dataDir = given ?? mkdtempSync(path.join(os.tmpdir(), 'lectio-import-'));
  const now = () => new Date();
  let imported = false;
  const storage = await LibraryStorage.open({ dataDir, now });
  try {
    const api = createService({ storage, host: 'browser', version, now, extraction: inProcessRunner });
    const saved = input === null ? await api.importFromUrl({ url: target }) : await api.importDocument(input);
    const doc = await api.getDocument({ id: saved.id });
    imported = true;
    if (!given) process.stderr.write(`lectio import: imported into a new library at ${dataDir}\n`);
    process.stdout.write(`${JSON.stringify(documentJson(doc, await storedImages(doc, dataDir)), null, 2)}\n`);
  } finally {
    storage.close();
    // A library made for this import and left empty by its failure is removed, not left behind in the temp folder.
    if (!given && !imported) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`lectio import: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
