/**
 * Accessibility, checked as a screen-reader or keyboard user meets the app: axe-core on every screen and state (the
 * light theme with every rule, dark and sepia for contrast, the one thing a theme changes), whole flows done with the
 * keyboard alone and a visible focus ring at every stop, quiz feedback that lands in a live region, and motion that
 * stops when the system asks for less.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../support/screens';
import { serverPerTest } from '../support/server';
import { dragSelect } from '../support/text';

const server = serverPerTest();

type Look = 'light' | 'dark' | 'sepia';

interface Finding {
  where: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** A theme as the reader gets it: dark from the system (Settings → Follow the system), sepia as Settings sets it. */
async function setLook(page: Page, look: Look): Promise<void> {
  await page.emulateMedia({ colorScheme: look === 'dark' ? 'dark' : 'light' });
  await page.evaluate((sepia) => {
    if (sepia) document.documentElement.dataset.theme = 'sepia';
    else delete document.documentElement.dataset.theme;
  }, look === 'sepia');
}

/**
 * Checks one screen state. `looks` says which themes to check and how: 'all' runs every WCAG 2.1 A/AA and
 * best-practice rule, 'colour' only the contrast rules. `scope` limits the check to the part that changed since the
 * last check (a dialog, the study panel), so the long article is not checked again and again.
 */
type Check = (where: string, scope?: string) => Promise<void>;

function checker(page: Page, findings: Finding[], looks: [Look, 'all' | 'colour'][], shots: RegExp = /^$/): Check {
  return async (where, scope) => {
    for (const [look, rules] of looks) {
      if (looks.length > 1 || look !== 'light') await setLook(page, look);
      if (shots.test(where)) await saveScreen(page, `a11y-${look}-${where.replace(/\W+/g, '-').replace(/-$/, '')}`);
      // Legacy mode runs axe.run in the page itself. The app has no frames, and the default mode opens a new blank
      // page for every check to merge frame results, which made each check several times slower.
      let axe = new AxeBuilder({ page })
        .setLegacyMode()
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
      if (rules === 'colour') axe = axe.withRules(['color-contrast', 'link-in-text-block']);
      if (scope) axe = axe.include(scope);
      const results = await axe.analyze();
      for (const v of results.violations) {
        findings.push({
          where: `${where} (${look})`,
          id: v.id,
          impact: v.impact ?? 'unknown',
          help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        });
      }
    }
  };
}

function summary(findings: Finding[]): string {
  return findings
    .map(
      (f) => `  [${f.impact}] ${f.where}: ${f.id} (${f.help}) ×${f.nodes.length}: ${f.nodes.slice(0, 3).join(' | ')}`,
    )
    .join('\n');
}

/** Every screen and the states that matter, in the order a reader meets them; `check` runs at each. */
async function visitEveryScreen(page: Page, check: Check): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });

  await page.goto(server.url);
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();
  await check('library');
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  await check('library, import panel', '.import-panel');
  await page.getByRole('button', { name: 'Close import' }).click();
  await page.getByRole('button', { name: /^Delete Putin’s visit/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('library, delete confirmation', 'dialog.confirm');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Reader: the selection toolbar, then a highlight made into a card (for Review), then each study tab.
  await page.getByRole('button', { name: /Open Putin’s visit/ }).click();
  await expect(page.getByRole('article')).toContainText('Choe Son-hee');
  const phrase = 'Foreign Minister Choe Son-hee';
  await dragSelect(page, phrase);
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
  await check('reader, selection toolbar');
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: /^Actor/ })
    .click();
  await expect(page.getByRole('toolbar', { name: 'Highlight actions' })).toBeVisible();
  const item = page.getByRole('list', { name: 'Highlights' }).getByRole('listitem').filter({ hasText: phrase });
  await item.getByRole('button', { name: `Make card: ${phrase}` }).click();
  await expect(item.getByRole('status')).toHaveText('Card made · Review');
  await check('reader, highlights tab and highlight toolbar');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page
    .getByRole('list', { name: 'People' })
    .getByRole('button', { name: /^Choe Son-hee/ })
    .click();
  await expect(page.getByLabel('Correct Choe Son-hee')).toBeVisible();
  await check('reader, actors tab with an actor’s editor', '.sidebar');
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toBeVisible();
  await check('reader, timeline tab', '.sidebar');

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search the library' }).fill('Choe');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
  await check('search', 'dialog.search-dialog');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await check('shortcuts sheet', 'dialog.shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  // Quiz: setup; the first question of each kind of answer, before and after it is checked; right and wrong
  // feedback (choices alternate between the first and second, so both come up); the results.
  await nav.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('checkbox', { name: /Putin’s visit/ })).toBeChecked();
  await check('quiz setup');
  await page.getByRole('radio', { name: '10' }).check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const seen = new Set<string>();
  for (let i = 1; i <= 10; i++) {
    await expect(page.getByText(`Question ${i} of 10`)).toBeVisible();
    let kind = 'typed';
    if (await page.getByRole('radiogroup').count()) {
      kind = 'choices';
      await page.keyboard.press(String(((i - 1) % 2) + 1));
    } else if (await page.locator('.pairs-answer').count()) {
      kind = 'pairs';
      const selects = page.locator('.pairs-answer select');
      for (let s = 0; s < (await selects.count()); s++) await selects.nth(s).selectOption({ index: 1 });
    } else if (await page.locator('.order-answer').count()) {
      kind = 'order';
    } else {
      await page.getByRole('textbox', { name: 'Your answer' }).fill('I do not know');
    }
    if (!seen.has(kind)) await check(`quiz question (${kind})`, '.quiz-question');
    await page.getByRole('button', { name: /^Check/ }).click();
    const verdict = page.locator('.verdict');
    await expect(verdict).toBeVisible();
    const outcome = (await verdict.getAttribute('class'))?.includes('ok') ? 'right' : 'wrong';
    if (!seen.has(kind) || !seen.has(outcome)) await check(`quiz feedback (${kind}, ${outcome})`, '.quiz-question');
    seen.add(kind).add(outcome);
    await page.getByRole('button', { name: /^(Next|See results)/ }).click();
  }
  await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();
  await check('quiz results');

  await nav.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await check('review, question side');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
  await check('review, answer side');

  await nav.getByRole('link', { name: 'Cards' }).click();
  await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem')).not.toHaveCount(0);
  await check('cards browser');
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByRole('img', { name: /Reviews per day/ })).toBeVisible();
  await check('cards statistics');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Highlight colours' })).toBeVisible();
  await check('settings');

  await nav.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Quiz on last week’s reading' })).toBeVisible();
  await check('today');

  await nav.getByRole('link', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('table', { name: 'Backups' })).toBeVisible();
  await check('backups (restore)');
}

function report(label: string, findings: Finding[]): void {
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  const minor = findings.filter((f) => !blocking.includes(f));
  if (minor.length) console.log(`axe, ${label}: moderate and minor findings (not failing):\n${summary(minor)}`);
  expect(blocking, `axe, ${label}: serious and critical violations:\n${summary(blocking)}`).toEqual([]);
}

/**
 * Each axe test walks every screen (a ten-question quiz included) and runs axe at each stop: about 40 s on an idle
 * machine, over 60 s on a loaded 2-core one. So each theme is its own test (they can run in parallel and each has its
 * own budget), and each gets room for the slowest machine CI runs on rather than Playwright's default minute.
 */
const AXE_WALK_TIMEOUT = 240_000;

test('axe finds no serious or critical violation on any screen (light theme, every rule)', async ({ page }) => {
  test.setTimeout(AXE_WALK_TIMEOUT);
  const findings: Finding[] = [];
  await setLook(page, 'light');
  await visitEveryScreen(page, checker(page, findings, [['light', 'all']]));
  report('light', findings);
});

// Screens whose colours this work changed, to look at: the danger button, the toolbar's Delete, quiz feedback.
const COLOUR_SHOTS =
  /^(library, delete confirmation|reader, highlights tab|quiz feedback \(choices, right\)|quiz question \(choices\))/;

for (const look of ['dark', 'sepia'] as const) {
  test(`axe finds no contrast failure on any screen in the ${look} theme`, async ({ page }) => {
    test.setTimeout(AXE_WALK_TIMEOUT);
    const findings: Finding[] = [];
    await setLook(page, look);
    await visitEveryScreen(page, checker(page, findings, [[look, 'colour']], COLOUR_SHOTS));
    report(look, findings);
  });
}

/** What a sighted keyboard user sees of the focused element: an outline of at least 2px, or the pill it sits in. */
async function focusRing(page: Page): Promise<{ element: string; visible: boolean }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { element: 'body', visible: false };
    const ringed = (el: Element) => {
      const style = getComputedStyle(el);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    };
    // A radio styled as a pill hides its input and rings the label instead; the search box underlines itself.
    const shown =
      ringed(active) ||
      [active.closest('label.pill'), active.closest('.search-box')].some(
        (el) => el && (ringed(el) || getComputedStyle(el).boxShadow !== 'none'),
      );
    const label = active instanceof HTMLInputElement ? active.labels?.[0]?.textContent : active.textContent;
    const name = active.getAttribute('aria-label') ?? label?.trim().slice(0, 40) ?? '';
    return {
      element: `${active.tagName.toLowerCase()}${active.className ? '.' + String(active.className).split(' ')[0] : ''} “${name}”`,
      visible: shown && active.matches(':focus-visible'),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `wanted` has focus, checking at every stop that the focus can be seen. */
async function tabTo(page: Page, wanted: (name: string) => boolean, limit = 40, back = false): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const ring = await focusRing(page);
    stops.push(ring.element);
    expect(ring.visible, `no visible focus on ${ring.element} (after ${stops.join(', ')})`).toBe(true);
    if (wanted(ring.element)) return stops;
  }
  throw new Error(`never reached the control; stops: ${stops.join(', ')}`);
}

test('keyboard only: open an article, highlight, start and answer a quiz; focus always shows; feedback is announced', async ({
  page,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: /Open Putin’s visit/ })).toBeVisible();

  // Library → Reader without the mouse.
  await tabTo(page, (name) => name.includes('Open Putin’s visit'));
  await saveScreen(page, 'a11y-focus-library');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article')).toContainText('Choe Son-hee');

  // The article takes focus; a sentence is picked with ↓ and highlighted with H; the toolbar's swatches and the study
  // panel's tabs show their focus too.
  await tabTo(page, (name) => name.startsWith('div.highlightable'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('h');
  await expect(page.getByRole('toolbar', { name: 'Highlight actions' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('toolbar', { name: 'Highlight actions' }).getByRole('button').first().focus();
  expect((await focusRing(page)).visible, 'a swatch shows its focus').toBe(true);
  await saveScreen(page, 'a11y-focus-swatch');
  // Back to the article (where the toolbar's own keys are), then on to the study panel.
  await page.locator('.highlightable').focus();
  await page.keyboard.press('Escape');
  await tabTo(page, (name) => name.includes('Highlights'), 5);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Actors/ })).toBeFocused();
  expect((await focusRing(page)).visible, 'a tab shows its focus').toBe(true);
  await expect(page.getByRole('list', { name: 'People' })).toBeVisible();
  await tabTo(page, (name) => name.startsWith('button.actor-main'), 10);

  // Dialogs: search opens from the keyboard, Escape closes it in one press and focus returns where it was.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search the library' })).toBeFocused();
  expect((await focusRing(page)).visible, 'the search box shows its focus').toBe(true);
  await saveScreen(page, 'a11y-focus-search');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('button.actor-main').first()).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await expect(page.locator('button.actor-main').first()).toBeFocused();

  // Quiz setup → a quiz, from the keyboard: the main menu, the count (arrow keys in the radio group), Start.
  await tabTo(page, (name) => name.includes('Quiz') && name.startsWith('a'), 60, true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: /Putin’s visit/ })).toBeChecked();
  // Tab stops once in the radio group, on the checked count (10); the arrows change it.
  await tabTo(page, (name) => name === 'input “10”', 20);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: '5' })).toBeChecked();
  await saveScreen(page, 'a11y-focus-quiz-setup');
  await tabTo(page, (name) => name.includes('Start quiz'), 20);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Question 1 of 5')).toBeVisible();
  // Start is gone; the focus is on the question, which a screen reader reads out, and Tab leads to its answer.
  await expect(page.locator('#question-prompt')).toBeFocused();

  // Reduced motion: the progress bar glides to its width normally, and jumps when the system asks for less motion.
  const transition = () => page.locator('.progress-fill').evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(await transition()).toBe('0.25s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await transition()).toBe('0s');
  expect(await page.evaluate(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);

  // Answer from the keyboard; the verdict is read out: the accessibility tree has it inside an assertive live region.
  if (await page.getByRole('radiogroup').count()) await page.keyboard.press('1');
  else if (await page.locator('.pairs-answer').count()) {
    // Each name's role by type-ahead in its select, reached with Tab.
    const selects = page.locator('.pairs-answer select');
    const role = (await selects.first().locator('option').nth(1).textContent()) ?? '';
    for (let s = 0; s < (await selects.count()); s++) {
      await page.keyboard.press('Tab');
      await expect(selects.nth(s)).toBeFocused();
      await page.keyboard.type(role.slice(0, 6));
      await expect(selects.nth(s)).not.toHaveValue('');
    }
  } else if (await page.getByRole('textbox', { name: 'Your answer' }).count()) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: 'Your answer' })).toBeFocused();
    await page.keyboard.type('I do not know');
  }
  await page.keyboard.press('Enter');
  const verdict = (await page.locator('.verdict').textContent())?.trim() ?? '';
  expect(verdict).toMatch(/^(Correct|Not quite)/);
  await expect(page.getByRole('button', { name: /^Next/ })).toBeFocused();
  expect((await focusRing(page)).visible, 'Next shows its focus').toBe(true);
  await saveScreen(page, 'a11y-quiz-feedback');
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      nodeId: string;
      parentId?: string;
      role?: { value?: string };
      name?: { value?: string };
      properties?: { name: string; value: { value?: unknown } }[];
    }[];
  };
  const spoken = nodes.filter(
    (n) => n.role?.value === 'StaticText' && /^(Correct|Not quite)/.test(n.name?.value ?? ''),
  );
  expect(spoken.length).toBeGreaterThan(0);
  for (const node of spoken) {
    // The text's nearest ancestor that is a live region, as Chromium exposes it to screen readers.
    let live: unknown;
    for (
      let at: typeof node | undefined = node;
      at && live === undefined;
      at = nodes.find((n) => n.nodeId === at?.parentId)
    ) {
      live = at.properties?.find((p) => p.name === 'live')?.value.value;
    }
    expect(live, `“${node.name?.value}” is in a live region`).toBe('assertive');
  }
  await expect(page.locator('[aria-live="assertive"]')).toContainText(verdict.slice(0, 12));
});
