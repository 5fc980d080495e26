/** Helpers for specs that act on the article text as a person would: find a phrase on screen, drag across it. */
import type { Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The on-screen boxes of the first occurrence of `phrase` in the article (one per line it wraps over). */
export async function phraseBoxes(page: Page, phrase: string): Promise<Box[]> {
  return page.evaluate((wanted) => {
    const root = document.querySelector('.article-body');
    if (!root) return [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      return [...range.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
    }
    return [];
  }, phrase);
}

/** Selects `phrase` by dragging the mouse from its first to its last character. */
export async function dragSelect(page: Page, phrase: string): Promise<void> {
  // The article renders after its data arrives: wait for the phrase as a person waits for the page.
  await page.locator('.article-body').getByText(phrase, { exact: false }).first().waitFor();
  const boxes = await phraseBoxes(page, phrase);
  const first = boxes[0];
  const last = boxes[boxes.length - 1];
  if (!first || !last) throw new Error(`"${phrase}" is not on screen`);
  await page.mouse.move(first.x + 1, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width - 1, last.y + last.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** How many ranges each named CSS highlight layer holds: what is drawn on the article. */
export async function paintedLayers(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    CSS.highlights.forEach((highlight, name) => {
      out[name] = highlight.size;
    });
    return out;
  });
}
