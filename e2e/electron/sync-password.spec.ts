/**
 * The real desktop app's sync password store over Electron's own safeStorage: Settings › Sync says what this
 * machine's keychain allows (the keychain, or why not), as safeStorage itself reports it. Runs where Electron's binary
 * is installed; elsewhere it reports itself skipped (the harness spec covers the same screens on the stand-in).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPath } from '@scripts/electron-binary.cjs';
import { REPO_ROOT, newDataDir } from '../support/server';

const binary = electronBinaryPath();
test.skip(binary === null, 'Electron’s binary is not installed here (run `npm start` once where the network allows)');

test('electron: Settings › Sync tells the truth about this machine’s keychain', async () => {
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [REPO_ROOT],
    env: { ...process.env, LECTIO_DATA_DIR: newDataDir(), LECTIO_CONNECTOR_PORT: '0' },
  });
  const page = await app.firstWindow();
  const keychain = await app.evaluate(async ({ safeStorage }) => ({
    available: await safeStorage.isAsyncEncryptionAvailable(),
    backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
  }));
  await page.getByRole('link', { name: 'Settings' }).click();
  const sync = page.getByRole('region', { name: 'Sync' });
  if (keychain.available && keychain.backend !== 'basic_text') {
    await expect(sync.getByTestId('password-store')).toHaveText(/kept in this computer’s keychain/);
  } else {
    await expect(sync.getByTestId('password-store-problem')).toHaveText(/will not store it/);
    await expect(sync.getByRole('button', { name: 'Connect' })).toBeDisabled();
  }
  await app.close();
});
