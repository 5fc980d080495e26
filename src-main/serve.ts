/**
 * Browser mode: `npm run serve -- [--port N] [--data-dir DIR] [--connector-port N] [--anki-connect URL]` serves the built renderer and the
 * API on 127.0.0.1, runs the browser connector (on CONNECTOR_PORT unless told otherwise), prints the URL with its
 * per-launch token on one line, and runs until stopped.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './default-data-dir';
import { startHttpHost } from './http/http-host';
import { apiWhenOpen, imagesWhenOpen } from './library-when-open';
import { openLibrary } from './open-library';
import { CONNECTOR_PORT } from './api/contract';
import { builtExtensionFolder } from './connector/extension-folder';
import { connectorPortFrom } from './connector/listener';

function parseOptions(argv: string[]): { port: number; dataDir: string; connectorPort: number; ankiConnect?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5183' },
      'data-dir': { type: 'string' },
      'connector-port': { type: 'string' },
      'anki-connect': { type: 'string' },
    },
    strict: true,
  });
  const connectorPort = connectorPortFrom(
    values['connector-port'] ?? process.env.LECTIO_CONNECTOR_PORT,
    CONNECTOR_PORT,
  );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const ankiConnect = values['anki-connect'];
  return { port, dataDir, connectorPort, ...(ankiConnect ? { ankiConnect } : {}) };
}

async function main(): Promise<void> {
  const { port, dataDir, connectorPort, ankiConnect } = parseOptions(process.argv.slice(2));
  let lockTaken: () => void = () => {};
  const locked = new Promise<void>((done) => (lockTaken = done));
  const opening = openLibrary(dataDir, {
    host: 'browser',
    extractionWorker: path.join(__dirname, 'extract-worker.js'),
    importWorker: path.join(__dirname, 'import-worker.js'),
    connector: { port: connectorPort, extensionFolder: builtExtensionFolder(__dirname) },
    ...(ankiConnect ? { ankiConnectUrl: ankiConnect } : {}),
    onLocked: lockTaken,
  });
  // The address is printed once the lock is ours (a library open elsewhere still stops here, with no address), and
  // the page loads while the library's files are read: calls made meanwhile wait for them (library-when-open.ts).
  await Promise.race([locked, opening]);
  const token = randomBytes(24).toString('base64url');
  let host;
  try {
    host = await startHttpHost({
      api: apiWhenOpen(opening),
      rendererDir: path.join(__dirname, '../renderer'),
      token,
      port,
      images: imagesWhenOpen(opening),
    });
  } catch (error) {
    void opening.then((library) => library.close()).catch(() => undefined);
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? new Error(`Port ${port} is in use: choose another with --port N (0 picks a free one).`)
      : error;
  }
  console.log(`Lectio is running at ${host.url}  (library: ${dataDir}; Ctrl+C stops it)`);
  const library = await opening;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // The quit backup runs first; a hung close must still not keep a stopped server alive for long.
    setTimeout(() => process.exit(0), 10_000).unref();
    void library
      .shutdown()
      .then(() => {
        host.server.closeAllConnections();
        return host.close();
      })
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`lectio: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
