/**
 * Starts browser mode (`serve.js` from a private copy of the build) on a library folder, as `npm run serve` does, and
 * notes when it was spawned and when it printed its URL (epoch milliseconds, sub-millisecond), for startup timing.
 */
import { spawn } from 'node:child_process';

export interface Server {
  url: string;
  origin: string;
  /** performance.timeOrigin + performance.now() just before the process was spawned. */
  spawnedAt: number;
  /** The same clock when the URL line arrived. */
  readyAt: number;
  /** The server process, to read its memory from /proc. */
  pid: number;
  stop(): Promise<void>;
}

export const epochNow = (): number => performance.timeOrigin + performance.now();

export function startServer(serveScript: string, dataDir: string): Promise<Server> {
  const spawnedAt = epochNow();
  const child = spawn(process.execPath, [serveScript, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start within 60 s: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=[\w-]+/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      resolve({
        url: match[0],
        origin: match[1],
        spawnedAt,
        readyAt: epochNow(),
        pid: child.pid ?? 0,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}: ${output}`));
    });
  });
}
