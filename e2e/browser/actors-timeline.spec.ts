/** The study panel's Actors and Timeline on the sample article, and corrections that outlive a restart. */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { paintedLayers } from '../support/text';

const server = serverPerTest();

async function openSample(page: Page) {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('tab', { name: /Actors \d+/ })).toBeVisible();
}

test('actors are grouped with roles and mentions, and selecting one draws its mentions', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: /Actors/ }).click();
  const people = page.getByRole('list', { name: 'People' });
  await expect(people).toContainText('Vladimir Putin');
  await expect(people).toContainText('Russian President');
  await expect(people).toContainText('Liu Jianchao');
  await expect(page.getByRole('list', { name: 'Countries' })).toContainText('North Korea');
  await expect(page.getByRole('list', { name: 'Organisations' })).toContainText('Kremlin');

  const putin = people.getByRole('button', { name: /^Vladimir Putin/ });
  const mentions = Number((await putin.locator('.mentions').textContent())?.replace('×', ''));
  await putin.click();
  await expect.poll(async () => (await paintedLayers(page))['lectio-actor']).toBe(mentions);
  await saveScreen(page, 'reader-actors');
});

test('the timeline orders dates, marks expected events, and links to the passage', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(page.getByLabel('Reference date')).toContainText('inferred');
  const election = timeline.locator('li', { hasText: '15–17 March 2024' });
  await expect(election).toContainText('Expected');
  await expect(election).toContainText('presidential election');
  const values = await timeline.locator('.value').allTextContents();
  expect(values.indexOf('July 2000')).toBeLessThan(values.indexOf('21 January 2024'));
  await election.getByRole('button', { name: 'Show in article' }).click();
  await expect.poll(async () => (await paintedLayers(page))['lectio-flash']).toBe(1);
  await saveScreen(page, 'reader-timeline');
});

test('corrections and the published date are stored and win over the engine after a restart', async ({ page }) => {
  await openSample(page);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page
    .getByRole('list', { name: 'People' })
    .getByRole('button', { name: /^Choe Son-hee/ })
    .click();
  const editor = page.getByLabel('Correct Choe Son-hee');
  await editor.getByRole('textbox', { name: 'Name' }).fill('Choe Son-hui');
  await editor.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('list', { name: 'People' })).toContainText('Choe Son-hui');

  await page.getByRole('tab', { name: /Timeline/ }).click();
  await page.getByLabel('Reference date').getByRole('button', { name: 'Set the date' }).click();
  await page.getByLabel('Published on').fill('2025-01-22');
  await page.getByLabel('Reference date').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('21 January 2025');

  await server.restart();
  await openSample(page);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await expect(page.getByRole('list', { name: 'People' })).toContainText('Choe Son-hui');
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('21 January 2025');
  await expect(page.getByLabel('Reference date')).toContainText('published date');
});

test('an undated article’s timeline says which part of each date is unknown, never a raw value', async ({ page }) => {
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url);
    if (width === 1280) {
      await page.getByRole('button', { name: 'Import article' }).click();
      await page
        .getByRole('textbox', { name: 'Article text' })
        .fill(
          [
            'The harbour strike ended on Sunday after talks that began last week.',
            'Union leaders said on Monday that the deal would hold through the summer.',
            'Pay rises agreed this year will be paid from May 25, the union said, and a review is due next month.',
          ].join('\n'),
        );
      await page.getByLabel('Title').fill('Harbour strike ends');
      await page.getByRole('button', { name: 'Add to library' }).click();
    } else {
      await page.getByRole('button', { name: 'Open Harbour strike ends' }).click();
      // Narrow, the study panel is a drawer behind its button.
      await expect(page.getByRole('article')).toContainText('Union leaders');
      await page.getByRole('button', { name: 'Study panel', exact: true }).click();
    }
    await page.getByRole('tab', { name: /Timeline/ }).click();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect(timeline.locator('.value')).toHaveCount(7);
    const values = await timeline.locator('.value').allTextContents();
    expect(values).toEqual(
      expect.arrayContaining([
        'a Sunday (date unknown)',
        'a week (date unknown)',
        'a Monday (date unknown)',
        'Summer (year unknown)',
        'Year unknown',
        '25 May (year unknown)',
        'a month (date unknown)',
      ]),
    );
    await expect(timeline).not.toContainText(/XX|W\d/);
    // Right there, the reader is asked for the date that would pin them down.
    await expect(page.getByLabel('Reference date')).toContainText('When was this published?');
    await page.screenshot({ path: `test-results/shots/study/timeline-undated-${width}.png` });
  }
  // "Fix date" starts from an empty field, not from the raw value.
  const sunday = page.getByRole('list', { name: 'Timeline' }).locator('li', { hasText: 'a Sunday (date unknown)' });
  await sunday.getByRole('button', { name: 'Fix date' }).click();
  await expect(sunday.getByRole('textbox', { name: 'Value' })).toHaveValue('');
});
