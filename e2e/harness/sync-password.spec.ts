/**
 * The desktop app keeps the sync password with safeStorage (the stand-in plays Chromium's Linux os_crypt): where the
 * machine has no keyring (the basic_text fallback, or encryption unavailable), Settings › Sync says so before anything
 * is typed and will not connect, so the password is never stored as good as clear; with a keyring it says where the
 * password goes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { tempFolder } from '../electron-harness/launch';
import { TEST_PASSWORD, TEST_USER, startTestCouchServer } from '@main/sync/test-couch-server';

for (const [keyring, reason] of [
  ['none', /only be scrambled with a key that every copy of Chromium knows.*will not store it/],
  ['locked', /no safe place for the sync password.*will not store it/],
] as const) {
  test(`harness: with no usable keyring (${keyring}) Settings › Sync refuses to keep a password, and says why`, async ({
    harness,
  }) => {
    const dataDir = tempFolder('lectio-harness-sync-');
    const app = harness.launch({ dataDir, env: { LECTIO_HARNESS_KEYRING: keyring } });
    const page = await app.window();
    await page.getByRole('link', { name: 'Settings' }).click();
    const sync = page.getByRole('region', { name: 'Sync' });
    await expect(sync.getByTestId('password-store-problem')).toHaveText(reason);
    await expect(sync.getByRole('button', { name: 'Connect' })).toBeDisabled();
    expect(existsSync(path.join(dataDir, 'sync', 'sync-password.sealed'))).toBe(false);
    expect((await app.records()).mainErrors).toEqual([]);
  });
}

test('harness: with an unlocked keyring Settings › Sync says the password goes to the keychain', async ({
  harness,
}) => {
  const app = harness.launch({ env: { LECTIO_HARNESS_KEYRING: 'unlocked' } });
  const page = await app.window();
  await page.getByRole('link', { name: 'Settings' }).click();
  const sync = page.getByRole('region', { name: 'Sync' });
  await expect(sync.getByTestId('password-store')).toHaveText(/kept in this computer’s keychain/);
  await expect(sync.getByTestId('password-store-problem')).toHaveCount(0);
  await expect(sync.getByRole('button', { name: 'Connect' })).toBeEnabled();
});

test('harness: with an unlocked keyring the password is sealed by safeStorage, 0600, and opens again after a restart', async ({
  harness,
}) => {
  const couch = await startTestCouchServer();
  try {
    const dataDir = tempFolder('lectio-harness-sync-');
    const configHome = tempFolder('lectio-harness-config-');
    const env = { LECTIO_HARNESS_KEYRING: 'unlocked' };
    let app = harness.launch({ dataDir, configHome, env });
    let page = await app.window();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    let sync = page.getByRole('region', { name: 'Sync' });
    await sync.getByRole('textbox', { name: 'Server address' }).fill(couch.url);
    await sync.getByRole('textbox', { name: 'User name' }).fill(TEST_USER);
    await sync.getByLabel('Password').fill(TEST_PASSWORD);
    await sync.getByRole('checkbox', { name: /Live sync/ }).setChecked(false);
    await sync.getByRole('button', { name: 'Connect' }).click();
    await expect(sync.getByTestId('password-saved')).toHaveText('Saved', { timeout: 30_000 });

    const sealed = path.join(dataDir, 'sync', 'sync-password.sealed');
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    expect(readFileSync(sealed).includes(TEST_PASSWORD)).toBe(false);
    // The browser-mode file is not used on the desktop.
    expect(existsSync(path.join(dataDir, 'sync', 'credentials.secret'))).toBe(false);
    await app.closeWindows();

    // After a restart the password is opened from the keychain: Sync now reaches the server with it.
    app = harness.launch({ dataDir, configHome, env });
    page = await app.window();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    sync = page.getByRole('region', { name: 'Sync' });
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await expect(sync.getByRole('status').filter({ hasText: /^Sent \d+, received \d+/ })).toBeVisible({
      timeout: 30_000,
    });
    await expect(sync.getByTestId('sync-state')).not.toHaveClass(/error/);
    expect((await app.records()).mainErrors).toEqual([]);
  } finally {
    await couch.stop();
  }
});
