/**
 * The first dossier in a fresh process (bench/node/dossier.ts): opens the library at `--data-dir` as the app does,
 * then times one getDossier for `--key`. The modules are loaded and the library opened before the clock starts, so
 * the figure is the dossier: the actor index's table read from disk and checked against the documents' file times,
 * the identities taken from it (or grouped), and the shards of that actor's documents read, with no JIT warmed by
 * earlier calls. Prints {ms, mentions, documents} as JSON.
 */
import { parseArgs } from 'node:util';
import { inProcessRunner } from '@main/analysis/extraction-runner';
import { createService } from '@main/api/service';
import { LibraryStorage } from '@main/storage/library-storage';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, key: { type: 'string' } } });
  const now = () => new Date('2026-06-01T09:00:00.000Z');
  const storage = await LibraryStorage.open({ dataDir: values['data-dir'] as string, now });
  try {
    const api = createService({ storage, host: 'browser', version: 'bench', now, extraction: inProcessRunner });
    const started = performance.now();
    const dossier = await api.getDossier({ key: values.key as string });
    const ms = performance.now() - started;
    process.stdout.write(
      JSON.stringify({ ms, mentions: dossier.mentionCount, documents: dossier.documents.length }) + '\n',
    );
  } finally {
    storage.close();
  }
}

void main();
