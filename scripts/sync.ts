/**
 * CLI: `npm run --silent sync -- --data-dir DIR --server URL [--db NAME] [--user U --password P]` runs one sync of
 * that library (a new folder becomes a new library with the sample article, as in the app) with a CouchDB-protocol
 * server, and prints JSON: what was sent and received, the conflicts merged and those left for the reader, and the
 * library's documents after the sync. Without --server it syncs with the server the library was set up with. The
 * password may come from LECTIO_SYNC_PASSWORD instead of the command line (which other users can see in `ps`); it is
 * kept in the library's sync folder (mode 0600) for the next run. Any failure: one line on stderr, exit code 1 (2 for
 * a bad command line), nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE =
  'usage: npm run --silent sync -- --data-dir DIR [--server URL] [--db NAME] [--user U --password P] (or LECTIO_SYNC_PASSWORD)';

class UsageError extends Error {}

interface Options {
  dataDir: string;
  server: string | null;
  database: string;
  user: string;
  password: string;
}

function options(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        server: { type: 'string' },
        db: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  if (!values['data-dir']) throw new UsageError(`--data-dir is needed. ${USAGE}`);
  return {
    dataDir: path.resolve(values['data-dir']),
    server: values.server ?? null,
    database: values.db ?? 'lectio',
    user: values.user ?? '',
    password: values.password ?? process.env.LECTIO_SYNC_PASSWORD ?? '',
  };
}

async function main(): Promise<void> {
  const given = options(process.argv.slice(2));
  // Loaded only now: a bad command line is answered without compiling the service.
  const [{ version }, { inProcessRunner }, { createService, seedNewLibrary }, { LibraryStorage }, { SyncEngine }] =
    await Promise.all([
      import('@package'),
      import('@main/analysis/extraction-runner'),
      import('@main/api/service'),
      import('@main/storage/library-storage'),
      import('@main/sync/sync-engine'),
    ]);
  const [{ syncSchemas }, sampleMeta] = await Promise.all([
    import('@main/api/schemas/sync'),
    import('@assets/sample-article.json'),
  ]);
  const now = () => new Date();
  const storage = await LibraryStorage.open({ dataDir: given.dataDir, now });
  const sync = new SyncEngine({ storage, now });
  try {
    const sampleText = readFileSync(path.resolve(__dirname, '../assets/sample-article.txt'), 'utf8');
    await seedNewLibrary(storage, { ...sampleMeta.default, text: sampleText }, now);
    const api = createService({ storage, host: 'browser', version, now, extraction: inProcessRunner, sync });
    if (given.server !== null) {
      const settings = syncSchemas.configureSync.safeParse({
        url: given.server,
        database: given.database,
        username: given.user,
        password: given.password,
        live: false,
      });
      if (!settings.success) throw new UsageError(settings.error.issues.map((issue) => issue.message).join(' '));
      await api.configureSync(settings.data);
    }
    const result = await api.syncNow({});
    const documents = (await api.listDocuments({})).map((doc) => ({
      id: doc.id,
      title: doc.title,
      highlights: doc.highlightCount,
    }));
    const { sent, received, conflictsMerged, conflictsLeft } = result;
    process.stdout.write(`${JSON.stringify({ sent, received, conflictsMerged, conflictsLeft, documents }, null, 2)}\n`);
  } finally {
    await sync.close();
    storage.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`lectio sync: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
