/**
 * The command-line sync (`npm run --silent sync -- --data-dir DIR --server URL ...`), run as a person runs it: a child
 * process (tsx, as the npm script) against the in-process CouchDB-protocol test server. It prints the counts and the
 * library's documents as JSON; two fresh libraries end with one sample article between them, not two; a wrong
 * password is one plain line on stderr that does not repeat it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDevice, openDevice } from '@main/sync/test-devices';
import { startTestCouchServer, TEST_PASSWORD, TEST_USER, type TestCouchServer } from '@main/sync/test-couch-server';
import { sampleText } from '@main/api/services/test-sample-service';
import { runScript, type ScriptRun } from './test-run-script';

function runSync(args: string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  return runScript('sync.ts', args, { timeout: 90_000, env });
}

let server: TestCouchServer;
const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectio-sync-cli-'));
  folders.push(dir);
  return dir;
};

beforeAll(async () => {
  server = await startTestCouchServer();
});
afterAll(async () => {
  await server.stop();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('npm run sync', () => {
  it('syncs two libraries through the server: one sample between them, and a highlight made in one shows in the other', async () => {
    const first = folder();
    const second = folder();
    // A highlight made in the first library by the app itself.
    const device = await openDevice('cli', { dataDir: first });
    const phrase = sampleText.split(/\s+/).slice(0, 3).join(' ');
    const start = sampleText.indexOf(phrase);
    await device.api.createHighlight({ documentId: 'sample', start, end: start + phrase.length, color: 2 });
    await closeDevice(device);

    const common = ['--server', server.url, '--db', 'cli-test', '--user', TEST_USER];
    const pushed = await runSync(['--data-dir', first, ...common, '--password', TEST_PASSWORD]);
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    const fromFirst = JSON.parse(pushed.stdout) as Record<string, unknown>;
    expect(fromFirst).toMatchObject({ received: 0, conflictsMerged: 0, conflictsLeft: 0 });
    expect(fromFirst.sent).toBeGreaterThanOrEqual(4);

    const pulled = await runSync(['--data-dir', second, ...common], { LECTIO_SYNC_PASSWORD: TEST_PASSWORD });
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    const fromSecond = JSON.parse(pulled.stdout) as { documents: unknown[]; received: number };
    expect(fromSecond.received).toBeGreaterThanOrEqual(4);
    expect(fromSecond.documents).toEqual([{ id: 'sample', title: expect.any(String) as unknown, highlights: 1 }]);
    expect(pulled.stdout).not.toContain(TEST_PASSWORD);
  }, 180_000);

  it('says a wrong password in one line on stderr, never repeating it, and prints nothing', async () => {
    const wrong = 'Wrong-Pa55-for-test';
    const run = await runSync([
      '--data-dir',
      folder(),
      '--server',
      server.url,
      '--user',
      TEST_USER,
      '--password',
      wrong,
    ]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('lectio sync: Wrong user name or password.\n');
  }, 120_000);

  it('refuses a command line without a library folder, before loading anything', async () => {
    const run = await runSync(['--server', 'http://127.0.0.1:1']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('--data-dir is needed');
  }, 120_000);
});
