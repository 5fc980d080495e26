/**
 * Starts and stops browser mode (`out/main/serve.js`) for a spec, on a data folder the spec owns, the way a person
 * runs `npm run serve`: a real process, a real port, the URL read from its one line of output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function newDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'lectio-e2e-'));
}

export interface ServerOptions {
  /** The process's open-file limit (`ulimit -n`), as on a machine left at the usual default of 1,024. POSIX only. */
  maxOpenFiles?: number;
  /** The browser connector's port; a free one (0) unless a spec needs a given one. */
  connectorPort?: number;
  /** Where the server looks for AnkiConnect (`--anki-connect`): a spec's own stand-in, never a real Anki. */
  ankiConnect?: string;
}

export function startServer(dataDir: string, options: ServerOptions = {}): Promise<RunningServer> {
  // The browser connector on a free port too: specs run side by side, and each must own its own.
  const args = [
    path.join(REPO_ROOT, 'out/main/serve.js'),
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--connector-port',
    String(options.connectorPort ?? 0),
    ...(options.ankiConnect ? ['--anki-connect', options.ankiConnect] : []),
  ];
  // `exec` keeps one process, so the child's pid (and a kill) is the server's own.
  const child = options.maxOpenFiles
    ? spawn('/bin/sh', ['-c', `ulimit -n ${options.maxOpenFiles} && exec "$0" "$@"`, process.execPath, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(output);
      if (!match?.[1] || !match[2]) return;
      clearTimeout(timer);
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({
        url: match[0],
        origin: match[1],
        token: match[2],
        dataDir,
        process: child,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/**
 * A fresh browser-mode server for every test of a spec file, on its own data folder: call once at the top of the
 * file. The handle always points at the running server, and `restart()` brings it back on the same folder.
 */
export class ServerHandle {
  #running: RunningServer | null = null;
  #dataDir = '';

  #current(): RunningServer {
    if (!this.#running) throw new Error('the server is not running');
    return this.#running;
  }

  get url(): string {
    return this.#current().url;
  }

  get origin(): string {
    return this.#current().origin;
  }

  get token(): string {
    return this.#current().token;
  }

  get dataDir(): string {
    return this.#dataDir;
  }

  async start(dataDir: string): Promise<void> {
    this.#dataDir = dataDir;
    this.#running = await startServer(dataDir);
  }

  async stop(signal?: NodeJS.Signals): Promise<void> {
    const running = this.#running;
    this.#running = null;
    if (this.#paused) running?.process.kill('SIGCONT');
    this.#paused = false;
    await running?.stop(signal);
  }

  #paused = false;

  /**
   * Freezes the server process (SIGSTOP), as a machine too busy to run it would, until resume(): what the page sends
   * meanwhile waits in the kernel and is read when it runs again. Lets a spec hold long work instead of racing it.
   */
  pause(): void {
    this.#current().process.kill('SIGSTOP');
    this.#paused = true;
  }

  resume(): void {
    this.#current().process.kill('SIGCONT');
    this.#paused = false;
  }

  /** Stops the server if it runs, and starts it again on the same data folder, as a person restarting Lectio. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start(this.#dataDir);
  }
}

export function serverPerTest(): ServerHandle {
  const handle = new ServerHandle();
  test.beforeEach(async () => {
    await handle.start(newDataDir());
  });
  test.afterEach(async () => {
    await handle.stop();
  });
  return handle;
}
