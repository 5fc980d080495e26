/**
 * Runs one of the command-line scripts (`scripts/<name>`) through tsx as a person runs it, for the scripts' tests.
 * It does not block this process, so a test's own HTTP server can answer the script.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScript(
  name: string,
  args: string[],
  options: { timeout: number; env?: Record<string, string> },
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, path.join(ROOT, 'scripts', name), ...args],
      { cwd: ROOT, timeout: options.timeout, ...(options.env ? { env: { ...process.env, ...options.env } } : {}) },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}
