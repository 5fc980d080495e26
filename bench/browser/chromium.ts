/**
 * Launches Debian's Chromium for the renderer benchmarks and opens pages on browser mode. Pages that time short
 * operations are made cross-origin isolated (COOP/COEP added to the HTML response by the benchmark, not the app), which
 * gives performance.now() 5 µs resolution instead of the 100 µs Chromium allows other pages.
 */
import { chromium, type Browser, type Page } from '@playwright/test';

export const CHROMIUM_PATH = process.env.LECTIO_CHROMIUM ?? '/usr/bin/chromium';

/** The flags every benchmark's Chromium runs with (no network of its own, no GPU on these machines). */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface PageOptions {
  /** Serve the HTML with COOP/COEP so the page's timers have 5 µs resolution. */
  isolated?: boolean;
}

/** A new page in its own context, at a desktop size. */
export async function newPage(browser: Browser, { isolated = false }: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  // tsx (esbuild keepNames) wraps named inner functions in __name(); the functions we hand to the page need it too.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  if (isolated) {
    await page.route(
      (url) => url.pathname === '/' || url.pathname === '/index.html',
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: {
            ...response.headers(),
            'cross-origin-opener-policy': 'same-origin',
            'cross-origin-embedder-policy': 'require-corp',
          },
        });
      },
    );
  }
  return page;
}

/** Opens the app at `url` (the printed address with its token) and waits for the Library to list documents. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Library' }).waitFor();
}

/** Opens document `id` in the Reader through its route and waits for the article text. */
export async function openDocument(page: Page, id: string): Promise<void> {
  await page.evaluate((route) => {
    window.location.hash = route;
  }, `#/read/${id}`);
  await page.locator('.article-body [data-start]').first().waitFor();
}
