/**
 * Two devices' worth of Lectio (two browser-mode servers on their own data folders) kept in step through a real
 * CouchDB-protocol server started in this process on 127.0.0.1:0, everything done through the UI as a reader would:
 * connect each in Settings › Sync, highlight on one and find it on the other; write the same note on both while they
 * do not sync, and settle the conflict in the list, where both texts wait until the reader picks.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { TEST_PASSWORD, TEST_USER, startTestCouchServer, type TestCouchServer } from '@main/sync/test-couch-server';
import { importArticles } from '../support/api-client';
import { saveScreen } from '../support/screens';
import { paintedLayers } from '../support/text';
import { newDataDir, startServer, type RunningServer } from '../support/server';

let couch: TestCouchServer;
const DATABASE = 'lectio';
let devices: RunningServer[] = [];
const contexts: BrowserContext[] = [];

test.beforeEach(async () => {
  couch = await startTestCouchServer();
  devices = await Promise.all([startServer(newDataDir()), startServer(newDataDir())]);
});

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await Promise.all(devices.map((device) => device.stop()));
  await couch.stop();
});

/** A window of its own for each device (axe needs a page made from a context). */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

interface StoredHighlight {
  id: string;
  note: string;
  selectors: [unknown, { exact: string }];
}

function storedHighlights(device: RunningServer): StoredHighlight[] {
  const file = path.join(device.dataDir, 'annotations', 'sample.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { highlights: StoredHighlight[] }).highlights
    : [];
}

/** Settings › Sync filled in and connected, as a reader does it; live sync as asked. */
async function connect(page: Page, device: RunningServer, live: boolean): Promise<void> {
  await page.goto(device.url);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const sync = page.getByRole('region', { name: 'Sync' });
  await sync.getByRole('textbox', { name: 'Server address' }).fill(couch.url);
  await sync.getByRole('textbox', { name: 'Database' }).fill(DATABASE);
  await sync.getByRole('textbox', { name: 'User name' }).fill(TEST_USER);
  await sync.getByLabel('Password').fill(TEST_PASSWORD);
  await sync.getByRole('checkbox', { name: /Live sync/ }).setChecked(live);
  await sync.getByRole('button', { name: 'Connect' }).click();
  await expect(sync.getByRole('status').filter({ hasText: 'Connected and saved.' })).toBeVisible({ timeout: 30_000 });
  await expect(sync.getByTestId('password-saved')).toHaveText('Saved');
  await expect(sync.getByLabel('Password')).toHaveValue('');
}

/** Both devices, each in a window of its own, connected in Settings › Sync; live sync as asked. */
async function connectBoth(browser: Browser, live: boolean) {
  const [desk, laptop] = devices as [RunningServer, RunningServer];
  const deskPage = await newPage(browser);
  const laptopPage = await newPage(browser);
  await connect(deskPage, desk, live);
  await connect(laptopPage, laptop, live);
  return { desk, laptop, deskPage, laptopPage };
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const sync = page.getByRole('region', { name: 'Sync' });
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await expect(sync.getByRole('status').filter({ hasText: /^Sent \d+, received \d+/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(sync.getByTestId('sync-last')).toHaveText('just now');
}

/** Opens the sample and highlights its fourth passage from the keyboard, as highlights.spec does. */
async function highlightInSample(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await page.getByRole('region', { name: /Article text/ }).focus();
  for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('h');
}

/** Writes the first highlight's note in the sample's Highlights list, and waits until it is on disk. */
async function writeNote(page: Page, device: RunningServer, text: string): Promise<void> {
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  const list = page.getByRole('list', { name: 'Highlights' });
  await list.getByRole('button', { name: /^(Add|Edit) note$/ }).click();
  await list.getByRole('textbox', { name: 'Note', exact: true }).fill(text);
  await list.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => storedHighlights(device)[0]?.note).toBe(text);
}

test('a highlight made on one device appears on the other, with live sync', async ({ browser }) => {
  const { desk, laptop, deskPage, laptopPage } = await connectBoth(browser, true);
  // The laptop has the article open before the desk highlights it.
  await laptopPage.getByRole('link', { name: 'Library', exact: true }).click();
  await laptopPage.getByRole('button', { name: /Open Putin’s visit/ }).click();
  const laptopList = laptopPage.getByRole('list', { name: 'Highlights' });
  await expect(laptopPage.getByRole('region', { name: /Article text/ })).toBeVisible();
  await expect(laptopList.getByRole('listitem')).toHaveCount(0);

  await highlightInSample(deskPage);
  await expect.poll(() => storedHighlights(desk).length).toBe(1);
  const made = storedHighlights(desk)[0];
  const quote = made?.selectors[1].exact.slice(0, 40) ?? '';

  // Live sync carries it over by itself: the open page shows it without being reopened, in the list and in the text.
  await expect(laptopList.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  await expect(laptopList).toContainText(quote);
  await expect.poll(async () => (await paintedLayers(laptopPage))['lectio-hl-1']).toBe(1);

  // The laptop's Library counts it, and its Reader lists it when opened again.
  await laptopPage.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(async () => {
    await laptopPage.reload();
    await expect(laptopPage.getByRole('button', { name: /Open Putin’s visit/ })).toContainText(/\b1 highlight(?!s)/, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });
  await laptopPage.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(laptopPage.getByRole('list', { name: 'Highlights' })).toContainText(quote);
  expect(storedHighlights(laptop).map((highlight) => highlight.id)).toEqual([made?.id]);
});

test("the open Library follows live sync: an article and a collection made on the desk show on the laptop's Library", async ({
  browser,
}) => {
  const { desk, deskPage, laptopPage } = await connectBoth(browser, true);
  await laptopPage.getByRole('link', { name: 'Library', exact: true }).click();
  const laptopSidebar = laptopPage.getByRole('navigation', { name: 'Collections' });
  await expect(laptopPage.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();

  // The desk imports an article and files the sample in a new collection, through its own Library.
  await importArticles(desk, [
    { title: 'Harbour talks resume', text: 'Harbour talks resume\n\nThe port authority met the union on Monday.' },
  ]);
  await deskPage.getByRole('link', { name: 'Library', exact: true }).click();
  const deskSidebar = deskPage.getByRole('navigation', { name: 'Collections' });
  await deskSidebar.getByRole('button', { name: '+ New collection' }).click();
  await deskPage.getByRole('textbox', { name: 'New collection name' }).fill('Week 3');
  await deskPage.getByRole('textbox', { name: 'New collection name' }).press('Enter');
  await deskPage.getByRole('checkbox', { name: /^Select Putin’s visit/ }).check();
  await deskPage
    .getByRole('combobox', { name: 'Add the selected articles to a collection' })
    .selectOption({ label: 'Week 3' });
  await expect(deskSidebar.getByRole('button', { name: /Week 3/ })).toContainText('1');

  // The laptop's Library, left open and never reloaded, shows both as they arrive.
  await expect(laptopPage.getByRole('button', { name: /Open Harbour talks resume/ })).toBeVisible({ timeout: 30_000 });
  await expect(laptopSidebar.getByRole('button', { name: /Week 3/ })).toContainText('1', { timeout: 30_000 });
  await laptopSidebar.getByRole('button', { name: /Week 3/ }).click();
  await expect(laptopPage.getByRole('button', { name: /^Open / })).toHaveCount(1);
  await expect(laptopPage.getByRole('button', { name: /^Open / })).toContainText('Putin’s visit');
});

test('a note written on both devices apart is kept both ways until the reader settles it in the conflict list', async ({
  browser,
}) => {
  const { desk, laptop, deskPage, laptopPage } = await connectBoth(browser, false);
  await highlightInSample(deskPage);
  await expect.poll(() => storedHighlights(desk).length).toBe(1);
  await syncNow(deskPage);
  await syncNow(laptopPage);
  expect(storedHighlights(laptop).map((highlight) => highlight.id)).toEqual(storedHighlights(desk).map((h) => h.id));

  // Both write the note while neither syncs, then both sync: the laptop, last to sync, holds both texts.
  await writeNote(deskPage, desk, 'Written at the desk: the visit is not yet confirmed.');
  await writeNote(laptopPage, laptop, 'Written on the train: Moscow still hedges.');
  await syncNow(deskPage);
  await syncNow(laptopPage);
  const sync = laptopPage.getByRole('region', { name: 'Sync' });
  await expect(sync.getByTestId('sync-conflicts')).toContainText('1 note was edited on two devices.');

  // The Library says so too, and leads to the list.
  await laptopPage.getByRole('link', { name: 'Library', exact: true }).click();
  const notice = laptopPage.getByRole('status').filter({ hasText: 'A note was edited on two devices' });
  await expect(notice).toBeVisible();
  await saveScreen(laptopPage, 'sync-conflict-notice');
  await notice.getByRole('link', { name: 'Choose what to keep' }).click();
  await expect(laptopPage.getByRole('heading', { name: 'Notes changed on two devices', level: 1 })).toBeVisible();
  const conflict = laptopPage.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.locator('blockquote')).toHaveText(storedHighlights(laptop)[0]?.selectors[1].exact ?? '');
  await expect(conflict.getByRole('region', { name: /^Version \d of 2$/ })).toHaveCount(2);
  for (const width of [800, 1280]) {
    await laptopPage.setViewportSize({ width, height: 860 });
    await saveScreen(laptopPage, `sync-conflicts-${width}`);
  }
  const axe = await new AxeBuilder({ page: laptopPage }).analyze();
  expect(
    axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
  ).toEqual([]);
  await expect(conflict).toContainText('Written at the desk: the visit is not yet confirmed.');
  await expect(conflict).toContainText('Written on the train: Moscow still hedges.');
  await expect(conflict).toContainText('This device');
  await expect(conflict).toContainText('Another device');
  for (const name of ['Keep this', 'Keep that', 'Keep both'])
    await expect(conflict.getByRole('button', { name })).toBeVisible();
  // Nothing is lost before the reader picks: the laptop's own note is still its own text.
  expect(storedHighlights(laptop)[0]?.note).toMatch(/Written (at the desk|on the train)/);

  // The reader writes the note as it should read, starting from both texts.
  await conflict.getByRole('button', { name: 'Edit…' }).click();
  const merge = conflict.getByRole('textbox', { name: 'Your merge' });
  await expect(merge).toBeFocused();
  await expect(merge).toHaveValue(
    /Written at the desk[\s\S]*Written on the train|Written on the train[\s\S]*Written at the desk/,
  );
  const settled = 'The visit is not confirmed; Moscow still hedges.';
  await merge.fill(settled);
  await conflict.getByRole('button', { name: 'Save this text' }).click();
  await expect(laptopPage.getByText('No conflicts: every note reads the same on all your devices.')).toBeVisible();
  await expect.poll(() => storedHighlights(laptop)[0]?.note).toBe(settled);

  // The choice reaches the other device at its next sync, and nothing is left in conflict there either.
  await syncNow(laptopPage);
  await syncNow(deskPage);
  await expect.poll(() => storedHighlights(desk)[0]?.note).toBe(settled);
  await expect(deskPage.getByRole('region', { name: 'Sync' }).getByTestId('sync-conflicts')).toHaveText('None');
});

test('Settings › Sync refuses in plain words: http to another machine, a wrong password, a server that is down', async ({
  page,
}) => {
  const [desk] = devices as [RunningServer];
  await page.goto(desk.url);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const sync = page.getByRole('region', { name: 'Sync' });
  await expect(sync.getByTestId('sync-state')).toHaveText('Sync is off on this device.');
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 860 });
    await sync.scrollIntoViewIfNeeded();
    await saveScreen(page, `settings-sync-off-${width}`);
  }
  await sync.getByRole('textbox', { name: 'Server address' }).fill('http://couch.example.org:5984');
  await sync.getByRole('textbox', { name: 'User name' }).fill(TEST_USER);
  await sync.getByLabel('Password').fill(TEST_PASSWORD);
  await sync.getByRole('button', { name: 'Connect' }).click();
  await expect(sync.getByRole('alert')).toHaveText(
    /Plain http:\/\/ is allowed only to this computer.*could read your password/,
  );
  await expect(sync.getByRole('alert')).toContainText('https://couch.example.org:5984');

  await sync.getByRole('textbox', { name: 'Server address' }).fill(couch.url);
  await sync.getByLabel('Password').fill('not the password');
  await sync.getByRole('button', { name: 'Connect' }).click();
  await expect(sync.getByRole('alert')).toHaveText('Wrong user name or password.');
  await expect(sync.getByTestId('sync-state')).toHaveText('Sync is off on this device.');
  expect(existsSync(path.join(desk.dataDir, 'sync', 'credentials.secret'))).toBe(false);

  await sync.getByLabel('Password').fill(TEST_PASSWORD);
  await sync.getByRole('button', { name: 'Connect' }).click();
  await expect(sync.getByTestId('password-saved')).toHaveText('Saved');
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await expect(sync.getByTestId('sync-last')).toHaveText('just now');
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 860 });
    await sync.scrollIntoViewIfNeeded();
    await saveScreen(page, `settings-sync-connected-${width}`);
  }
  // The password went to its 0600 file, never back to the page.
  expect(readFileSync(path.join(desk.dataDir, 'sync', 'credentials.secret'), 'utf8')).toBe(TEST_PASSWORD);
  expect(await page.content()).not.toContain(TEST_PASSWORD);

  await couch.stop();
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await expect(sync.getByTestId('sync-state')).toContainText(`Can't reach the server at ${couch.url}`);
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 860 });
    await sync.scrollIntoViewIfNeeded();
    await saveScreen(page, `settings-sync-error-${width}`);
  }

  // Stopping forgets the server and the password, and says first that the library stays.
  await sync.getByRole('button', { name: 'Stop syncing this device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop syncing this device?' });
  await expect(dialog).toContainText('Your library here stays whole');
  await dialog.getByRole('button', { name: 'Stop syncing' }).click();
  await expect(sync.getByTestId('sync-state')).toHaveText('Sync is off on this device.');
  expect(existsSync(path.join(desk.dataDir, 'sync', 'credentials.secret'))).toBe(false);
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
});
