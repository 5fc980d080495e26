/**
 * A long article (over 100,000 characters) draws its highlights near the view and the rest as the reader scrolls:
 * every highlight the reader can see is drawn, wherever they scroll, and clicking one still finds it.
 */
import { expect, test, type Page } from '@playwright/test';
import type { HighlightColor } from '@core/annotations/highlight';
import { callApi } from '../support/api-client';
import { serverPerTest } from '../support/server';

const server = serverPerTest();

const PARAGRAPHS = 360;

function paragraph(i: number): string {
  return (
    `Marker ${i} opens paragraph ${i}. ` +
    `The committee met again on day ${i} to weigh the report, and the minutes record a long debate about costs, schedules and the people who would carry the plan out. `.repeat(
      3,
    )
  );
}

/** The texts of the drawn highlight ranges that are at least partly on screen. */
function drawnOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const color of [1, 2, 3, 4, 5]) {
      for (const stored of CSS.highlights.get(`lectio-hl-${color}`) ?? []) {
        const range = document.createRange();
        range.setStart(stored.startContainer, stored.startOffset);
        range.setEnd(stored.endContainer, stored.endOffset);
        const box = range.getBoundingClientRect();
        if (box.bottom > 0 && box.top < innerHeight) texts.push(range.toString());
      }
    }
    return texts.sort();
  });
}

/** The markers whose text is at least partly on screen. */
function markersOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const block of document.querySelectorAll('.article-body [data-start]')) {
      const box = block.getBoundingClientRect();
      if (box.bottom <= 0 || box.top >= innerHeight) continue;
      const marker = /^Marker \d+/.exec(block.textContent ?? '')?.[0];
      if (!marker) continue;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let text = walker.nextNode() as Text | null;
      while (text && text.length === 0) text = walker.nextNode() as Text | null;
      if (!text) continue;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, marker.length);
      const markerBox = range.getBoundingClientRect();
      if (markerBox.bottom > 0 && markerBox.top < innerHeight) found.push(marker);
    }
    return found.sort();
  });
}

/**
 * Whether what is drawn on screen is what is on screen, both read at the same moment: after a jump the blocks near
 * the view are laid out over the next frames (they are skipped while out of view), so the text on screen moves.
 */
async function drawnMatchesScreen(page: Page): Promise<{ drawn: string[]; onScreen: string[] }> {
  const [drawn, onScreen] = await Promise.all([drawnOnScreen(page), markersOnScreen(page)]);
  return { drawn, onScreen };
}

function drawnCount(page: Page): Promise<number> {
  return page.evaluate(() =>
    [1, 2, 3, 4, 5].reduce((sum, color) => sum + (CSS.highlights.get(`lectio-hl-${color}`)?.size ?? 0), 0),
  );
}

/** What is on screen is drawn (something is), and far fewer than all the highlights were built. */
async function expectOnlyTheViewDrawn(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const { drawn, onScreen } = await drawnMatchesScreen(page);
      return drawn.length > 0 && drawn.join() === onScreen.join();
    })
    .toBe(true);
  expect(await drawnCount(page)).toBeLessThan(PARAGRAPHS / 2);
}

test('a long article draws the highlights in view wherever the reader scrolls, and a click finds them', async ({
  page,
}) => {
  const text = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1)).join('\n\n');
  expect(text.length).toBeGreaterThan(100_000);
  const imported = await callApi(server, 'importDocument', { text, format: 'text', title: 'A long committee record' });
  if (!imported.ok) throw new Error(imported.error.message);
  const id = imported.value.id;
  // A highlight on every paragraph's marker, in all five colours.
  for (let i = 1; i <= PARAGRAPHS; i += 1) {
    const start = text.indexOf(`Marker ${i} `);
    const created = await callApi(server, 'createHighlight', {
      documentId: id,
      start,
      end: start + `Marker ${i}`.length,
      color: (((i - 1) % 5) + 1) as HighlightColor,
    });
    if (!created.ok) throw new Error(created.error.message);
  }

  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(`${server.url.replace(/#.*/, '')}#token=${server.token}`);
  await page.getByRole('button', { name: /Open A long committee record/ }).click();
  await expect(page.getByRole('article')).toContainText('Marker 1 opens');

  // Near the top: what is on screen is drawn, and far fewer than all 360 highlights were built.
  await expectOnlyTheViewDrawn(page);

  // Jumps far down and back, by scrolling as a reader does: always what is on screen is drawn.
  for (const target of [PARAGRAPHS, Math.round(PARAGRAPHS / 2), 40]) {
    await page.evaluate((n) => {
      const block = [...document.querySelectorAll('.article-body [data-start]')].find((b) =>
        b.textContent?.startsWith(`Marker ${n} `),
      );
      block?.scrollIntoView({ block: 'center' });
    }, target);
    await expect.poll(async () => (await markersOnScreen(page)).includes(`Marker ${target}`)).toBe(true);
    await expectOnlyTheViewDrawn(page);
  }

  // A click on a highlight drawn after scrolling finds it.
  const box = await page.evaluate(() => {
    const block = [...document.querySelectorAll('.article-body [data-start]')].find((b) =>
      b.textContent?.startsWith('Marker 40 '),
    );
    const walker = document.createTreeWalker(block as Element, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode() as Text | null;
    while (text && text.length === 0) text = walker.nextNode() as Text | null;
    const range = document.createRange();
    range.setStart(text as Text, 0);
    range.setEnd(text as Text, 'Marker 40'.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  await expect(page.getByRole('toolbar', { name: 'Highlight actions' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('lectio-hl-active')?.size ?? 0)).toBe(1);
});
