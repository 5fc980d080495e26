/**
 * Anki, properly, as a reader uses it: a card made from a highlight beside a picture in an article saved from the
 * web, exported from the Cards screen as an .apkg (downloaded and opened with sql.js: Lectio's note type, the GUID,
 * the passage, the link back, the pictures in the media map) and sent to Anki through AnkiConnect, whose stand-in the
 * spec runs on the loopback interface (src-main/anki/test-anki-connect.ts, keeping what a real Anki would). Sending
 * twice updates instead of duplicating. Without Anki, the screen says so plainly and offers no send until it answers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { loadSqlJs } from '@main/anki/apkg-write';
import { FakeAnkiConnect } from '@main/anki/test-anki-connect';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, KEPT_ALTS, startArticleServer } from '@main/import/test-article-server';
import { newDataDir, startServer, type RunningServer } from '../support/server';
import { dragSelect } from '../support/text';

const SHOTS = 'test-results/shots/anki';
let lectio: RunningServer | undefined;
let anki: FakeAnkiConnect | undefined;

test.afterEach(async () => {
  await lectio?.stop();
  await anki?.stop();
  lectio = undefined;
  anki = undefined;
});

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** The notes of an .apkg file, their fields split, with its media map and files. */
async function readApkg(file: string) {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const SQL = await loadSqlJs();
  const db = new SQL.Database(files['collection.anki2']);
  const [notes] = db.exec('select guid, mid, flds from notes');
  const [models] = db.exec('select models from col');
  db.close();
  return {
    notes: (notes?.values ?? []).map(([guid, mid, flds]) => ({ guid, mid, fields: String(flds).split('\u001f') })),
    models: JSON.parse(String(models?.values[0]?.[0])) as Record<string, { name: string }>,
    media: JSON.parse(strFromU8(files.media as Uint8Array)) as Record<string, string>,
    files,
  };
}

const SECOND = ARTICLE_PARAGRAPHS[1] as string;
const PHRASE = 'had lost a third of its stones';

test('a card beside a picture goes to Anki as an .apkg and through AnkiConnect, and a second send duplicates nothing', async ({
  page,
}) => {
  anki = new FakeAnkiConnect();
  lectio = await startServer(newDataDir(), { ankiConnect: await anki.start() });
  const site = await startArticleServer();
  try {
    await page.goto(lectio.url);
    await page.getByRole('button', { name: 'Import article' }).click();
    await page.getByLabel('From a web address').fill(`${site.base}/article`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('article')).toContainText(SECOND, { timeout: 45_000 });
  } finally {
    await site.close();
  }

  // A highlight in the paragraph after the storm picture, made a card in one step.
  await dragSelect(page, PHRASE);
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: /^Key point/ })
    .click();
  await page.keyboard.press('Escape');
  const item = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: PHRASE });
  await item.getByRole('button', { name: `Make card: ${PHRASE}` }).click();
  await expect(item.getByRole('status')).toHaveText('Card made · Review');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  const group = page.getByRole('group', { name: 'Anki' });
  await expect(group.getByRole('status')).toHaveText(/Anki is running: Send to Anki adds all your cards/);
  await shoot(page, 'cards-anki-ready');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    group.getByRole('button', { name: 'Export .apkg' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('lectio.apkg');
  const apkg = await readApkg(await download.path());
  expect(apkg.notes).toHaveLength(1);
  const [note] = apkg.notes;
  expect(apkg.models[String(note?.mid)]?.name).toBe('Lectio Cloze');
  expect(note?.guid).toMatch(/^lectio-[\w-]+$/);
  const [text, , source, link, pictures, lectioId] = note?.fields ?? [];
  expect(text).toContain(`{{c1::${PHRASE}}}`);
  expect(source).toBe(`“${SECOND}” — <i>${ARTICLE_TITLE}</i>`);
  expect(link).toMatch(
    /^<a href="lectio:\/\/read\/[\w-]+\?at=\d+-\d+">Open in Lectio<\/a> · <a href="http:\/\/127\.0\.0\.1:\d+\/article">The original article<\/a>$/,
  );
  // The picture before the paragraph (past its caption) and the one right after it.
  expect(pictures).toContain(`alt="${KEPT_ALTS[0]}"`);
  expect(pictures).toContain(`alt="${KEPT_ALTS[1]}"`);
  expect(Object.values(apkg.media).sort()).toEqual(
    [...(pictures ?? '').matchAll(/src="([^"]+)"/g)].map((match) => match[1]).sort(),
  );
  for (const index of Object.keys(apkg.media))
    expect(
      Buffer.from(apkg.files[index] as Uint8Array)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  await expect(page.getByRole('status').filter({ hasText: 'Exported lectio.apkg' })).toBeVisible();

  // A second export names the same note: importing it into Anki updates rather than adds.
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    group.getByRole('button', { name: 'Export .apkg' }).click(),
  ]);
  expect((await readApkg(await again.path())).notes.map((n) => n.guid)).toEqual([note?.guid]);

  await group.getByRole('button', { name: 'Send to Anki' }).click();
  await expect(group.getByRole('status')).toHaveText('Sent to Anki: 1 card added, 0 updated, 0 unchanged, 2 pictures');
  await shoot(page, 'cards-anki-sent');
  const sent = [...anki.notes.values()];
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({
    modelName: 'Lectio Cloze',
    deckName: `Lectio::${ARTICLE_TITLE}`,
    fields: { Text: text, Source: source, Link: link, Pictures: pictures, 'Lectio id': lectioId },
  });
  expect([...anki.media.keys()].sort()).toEqual(Object.values(apkg.media).sort());

  await group.getByRole('button', { name: 'Send to Anki' }).click();
  await expect(group.getByRole('status')).toHaveText('Sent to Anki: 0 cards added, 0 updated, 1 unchanged');
  expect(anki.notes.size).toBe(1);
});

test('without Anki, the Cards screen says what to do and offers Send to Anki once it answers', async ({ page }) => {
  anki = new FakeAnkiConnect();
  const address = await anki.start();
  const port = Number(new URL(address).port);
  await anki.stop();
  lectio = await startServer(newDataDir(), { ankiConnect: address });
  await page.goto(`${lectio.url}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click();
  const group = page.getByRole('group', { name: 'Anki' });
  await expect(group.getByRole('status')).toContainText(
    'Anki is not running, or AnkiConnect is not installed in it. Start Anki; if it is running, install AnkiConnect',
  );
  await expect(group.getByRole('button', { name: 'Send to Anki' })).toBeDisabled();
  await expect(group.getByRole('button', { name: 'Export .apkg' })).toBeEnabled();
  await shoot(page, 'cards-anki-missing');

  // Anki starts (on the same port): "Check again" finds it.
  await anki.start(port);
  await group.getByRole('button', { name: 'Check again' }).click();
  await expect(group.getByRole('button', { name: 'Send to Anki' })).toBeEnabled();
  await expect(group.getByRole('status')).toHaveText(/Anki is running/);
});
