/**
 * Single-instance semantics on the harness: a second run of the main bundle for the same user (same userData) is told
 * requestSingleInstanceLock() === false and quits before opening anything; the first receives 'second-instance' and
 * brings its window forward.
 */
import { tempFolder } from '../electron-harness/launch';
import { expect, test } from './fixtures';

test('harness: a second instance on the same data folder is refused, and the first is told', async ({ harness }) => {
  const dataDir = tempFolder('lectio-harness-data-');
  const configHome = tempFolder('lectio-harness-config-');
  const first = harness.launch({ dataDir, configHome });
  await first.window();

  const second = harness.launch({ dataDir, configHome });
  const exit = await second.exited;
  expect(exit.code).toBe(0);
  expect(exit.records).toMatchObject({ singleInstanceLock: false, windows: [], ipcChannels: [], mainErrors: [] });

  await expect.poll(async () => (await first.records()).secondInstances.length).toBe(1);
  const records = await first.records();
  expect(records.singleInstanceLock).toBe(true);
  expect(records.windows).toHaveLength(1);
  expect(records.windows[0]?.focusCount).toBe(1);
  expect(records.secondInstances[0]?.argv.some((arg) => arg.endsWith('runner.ts'))).toBe(true);
});
