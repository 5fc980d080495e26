/**
 * `app.requestSingleInstanceLock` with the semantics of Chromium's ProcessSingleton on Linux, which Electron uses: the
 * lock is a `SingletonLock` symlink to "<host>-<pid>" in userData, taken over when that process is gone; the holder
 * listens on `SingletonSocket`, and a second process that finds the lock held sends its argv and working directory
 * there (the holder emits 'second-instance') and gets false.
 */
import { mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface SecondInstance {
  argv: string[];
  workingDirectory: string;
  additionalData: unknown;
}

export interface SingleInstanceLock {
  /** Settles once a refused process has delivered its message (the runner waits for it before exiting). */
  notified: Promise<void>;
  held: boolean;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding the lock, or null when it is free or stale (a stale lock is removed). */
function currentHolder(lockPath: string): number | null {
  let target: string;
  try {
    target = readlinkSync(lockPath);
  } catch {
    return null;
  }
  const separator = target.lastIndexOf('-');
  const host = target.slice(0, separator);
  const pid = Number(target.slice(separator + 1));
  if (host === os.hostname() && Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) return pid;
  rmSync(lockPath, { force: true });
  return null;
}

function notifyHolder(socketPath: string, message: SecondInstance): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.setTimeout(5_000, done);
    socket.once('error', done);
    // The holder answers "ACK" once it has emitted 'second-instance', as Chromium's singleton does.
    socket.once('data', done);
    socket.once('connect', () => socket.write(JSON.stringify(message) + '\n'));
  });
}

export function requestSingleInstanceLock(
  userData: string,
  additionalData: unknown,
  onSecondInstance: (message: SecondInstance) => void,
): SingleInstanceLock {
  mkdirSync(userData, { recursive: true });
  const lockPath = path.join(userData, 'SingletonLock');
  const socketPath = path.join(userData, 'SingletonSocket');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (currentHolder(lockPath) !== null) {
      const notified = notifyHolder(socketPath, {
        argv: process.argv,
        workingDirectory: process.cwd(),
        additionalData,
      });
      return { held: false, notified, release: () => undefined };
    }
    try {
      symlinkSync(`${os.hostname()}-${process.pid}`, lockPath);
    } catch {
      continue; // another process took it between our check and our link: look again
    }
    rmSync(socketPath, { force: true });
    const server = net.createServer((socket) => {
      let buffer = '';
      socket.on('data', (chunk) => {
        buffer += chunk.toString();
        if (!buffer.includes('\n')) return;
        onSecondInstance(JSON.parse(buffer) as SecondInstance);
        socket.end('ACK');
      });
    });
    server.listen(socketPath);
    server.unref();
    return {
      held: true,
      notified: Promise.resolve(),
      release() {
        server.close();
        rmSync(lockPath, { force: true });
        rmSync(socketPath, { force: true });
      },
    };
  }
  throw new Error('harness: could not take or read the single-instance lock');
}
