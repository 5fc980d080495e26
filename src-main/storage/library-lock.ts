/**
 * One writer per library folder: a lock file holding the owner's pid. A second process (another `npm run serve`, the
 * command line, or a second app) refuses to open the library instead of corrupting it. A lock left by a process that
 * no longer runs is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { LectioError } from '../core/errors';

function libraryLocked(dataDir: string, ownerPid: number): LectioError {
  const message = `The library at ${dataDir} is already open in another Lectio process (pid ${ownerPid}). Close that one first, or choose another data folder.`;
  return new LectioError('library-locked', message, { details: { dataDir, ownerPid } });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still a live owner.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface LibraryLock {
  release(): void;
}

/** Takes the lock for `dataDir`; throws a 'library-locked' LectioError when a live process holds it. */
export function acquireLibraryLock(dataDir: string): LibraryLock {
  const file = path.join(dataDir, 'lectio.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readOwner(file) === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner !== null && isRunning(owner)) throw libraryLocked(dataDir, owner);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the library lock at ${file}`);
}
