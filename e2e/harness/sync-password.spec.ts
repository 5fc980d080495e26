/**
 * The desktop app keeps the sync password with safeStorage (the stand-in plays Chromium's Linux os_crypt): where the
 * machine has no keyring (the basic_text fallback, or encryption unavailable), Settings › Sync says so before anything
 * is typed and will not connect, so the password is never stored as good as clear; with a keyring it says where the
 * password goes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { tempFolder } from '../electron-harness/launch';

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
