/**
 * Every screen in every window from 720 to 2560 pixels wide: nothing runs off the side (no sideways scroll), the top
 * bar's controls stay on screen, the Reader's study panel is at hand in a narrow window (a drawer, not a whole article's
 * scroll away), and what opens inside the panel stays inside it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serverPerTest } from '../support/server';
import { dragSelect } from '../support/text';

const server = serverPerTest();

const SCREENS: { name: string; heading: RegExp; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'Library',
    heading: /^Library$/,
    open: (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click(),
  },
  {
    name: 'Reader',
    heading: /^Putin’s visit/,
    open: async (page) => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
      await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
    },
  },
  {
    name: 'Quiz',
    heading: /^Quiz$/,
    open: (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click(),
  },
  {
    name: 'Review',
    heading: /^Review$/,
    open: (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click(),
  },
  {
    name: 'Cards',
    heading: /^Cards$/,
    open: (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cards' }).click(),
  },
  { name: 'Settings', heading: /^Settings$/, open: (page) => page.getByRole('link', { name: 'Settings' }).click() },
  {
    name: 'Today',
    heading: /^Today$/,
    open: (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click(),
  },
  {
    name: 'Backups',
    heading: /^Backups$/,
    open: (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click(),
  },
];

/** How far the page can scroll sideways: the document's width beyond the window's (0 when it fits). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('every screen fits windows 720, 800, 1280 and 2560 px wide, with Search, Settings and the shortcuts on screen', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Screens with something on them: a highlight made into a card (Cards, Review) and a backup (Backups).
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  const phrase = 'Foreign Minister Choe Son-hee';
  await dragSelect(page, phrase);
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: /^Actor/ })
    .click();
  const item = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: phrase });
  await item.getByRole('button', { name: `Make card: ${phrase}` }).click();
  await expect(item.getByRole('status')).toHaveText('Card made · Review');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('table', { name: 'Backups' })).toBeVisible();

  for (const width of [720, 800, 1280, 2560]) {
    await page.setViewportSize({ width, height: 860 });
    for (const screen of SCREENS) {
      await screen.open(page);
      await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
      expect(await sidewaysOverflow(page), `${screen.name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      for (const control of [
        page.getByRole('button', { name: /^Search/ }),
        page.getByRole('link', { name: 'Settings' }),
        page.getByRole('button', { name: 'Keyboard shortcuts' }),
      ]) {
        await expect(control, `${screen.name} at ${width} px`).toBeInViewport({ ratio: 1 });
      }
    }
  }
});

test('at 800 px the study panel opens as a drawer from the top of the article, without scrolling past it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 860 });
  await page.goto(server.url);
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('article')).toContainText('Choe Son-hee');

  const toggle = page.getByRole('button', { name: 'Study panel', exact: true });
  await expect(toggle).toBeInViewport({ ratio: 1 });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('tab', { name: /Actors/ })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // Focus lands on the panel's selected tab; the panel is on screen with the page still at its top.
  await expect(page.getByRole('tab', { name: /Highlights/ })).toBeFocused();
  await page.getByRole('tab', { name: /Actors/ }).click();
  await expect(page.getByRole('list', { name: 'People' })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  // The open drawer and the button that opened it, as a screen reader meets them.
  const axe = await new AxeBuilder({ page })
    .setLegacyMode()
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('.sidebar')
    .include('.reader-nav')
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // Escape closes it and gives the focus back to its button.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tab', { name: /Actors/ })).toBeHidden();
  await expect(toggle).toBeFocused();

  // Asking for a highlight's note opens the drawer on the note's editor.
  await page.getByRole('region', { name: /Article text/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toBeInViewport();
});

for (const width of [800, 1280]) {
  test(`every actor's editor stays inside the study panel at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 860 });
    await page.goto(server.url);
    await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
    await expect(page.getByRole('article')).toContainText('Choe Son-hee');
    const toggle = page.getByRole('button', { name: 'Study panel', exact: true });
    if (width < 1100) await toggle.click();
    await page.getByRole('tab', { name: /Actors/ }).click();
    const actors = page.locator('button.actor-main');
    await expect(actors.first()).toBeVisible();
    const count = await actors.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) {
      const name = (await actors.nth(i).locator('.actor-name').textContent()) ?? '';
      await actors.nth(i).click();
      const editor = page.getByLabel(`Correct ${name}`);
      await expect(editor).toBeVisible();
      // Every control of the editor (name field, Same as, the split lists, the buttons) within the panel's sides.
      const outside = await editor.evaluate((element) => {
        const panel = element.closest('[role="tabpanel"]')?.getBoundingClientRect();
        if (!panel) return ['no panel'];
        return [...element.querySelectorAll('input, select, button, label, form')]
          .map((control) => ({ control, box: control.getBoundingClientRect() }))
          .filter(({ box }) => box.left < panel.left - 0.5 || box.right > panel.right + 0.5)
          .map(
            ({ control, box }) =>
              `${control.tagName.toLowerCase()} ${control.textContent?.trim().slice(0, 30)} ${Math.round(box.left)}–${Math.round(box.right)} (panel ${Math.round(panel.left)}–${Math.round(panel.right)})`,
          );
      });
      expect(outside, `${name}'s editor`).toEqual([]);
      await actors.nth(i).click();
    }
  });
}
