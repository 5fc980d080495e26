/**
 * The desktop host runs the browser connector too: Settings › Browser extension in the built app's window says where
 * it listens, and a request the extension would send is answered there (a save is refused until the app is paired).
 */
import { expect, test } from './fixtures';

test('harness: the desktop app runs the browser connector and names its port in Settings', async ({ harness }) => {
  const app = harness.launch();
  const page = await app.window();
  await page.getByRole('link', { name: 'Settings' }).click();
  const state = page.getByRole('region', { name: 'Browser extension' }).getByTestId('connector-state');
  await expect(state).toHaveText(/^Listening on 127\.0\.0\.1:\d+\.$/);
  const port = Number(/:(\d+)\./.exec((await state.textContent()) ?? '')?.[1]);
  const headers = { 'x-lectio-connector': '1', 'content-type': 'application/json' };
  const ping = await fetch(`http://127.0.0.1:${port}/connector/ping`, { method: 'POST', headers });
  expect(await ping.json()).toMatchObject({ ok: true, app: 'Lectio', paired: false });
  const save = await fetch(`http://127.0.0.1:${port}/connector/save`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ url: 'https://example.org/a', title: 'A', html: '<p>A</p>' }),
  });
  expect(save.status).toBe(401);
  expect((await app.records()).mainErrors).toEqual([]);
});
