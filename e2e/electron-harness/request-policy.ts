/**
 * Every request in the harness's Chromium passes here. A page the stand-in did not create (a popup window.open made
 * before main's handler could deny it) gets nothing and is closed, as Electron never creates a denied window; a
 * window's main-frame navigations go to its WebContents for 'will-navigate'. Cancelled navigations end with ERR_ABORTED,
 * which leaves the page where it was, as a prevented 'will-navigate' does.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { pagesSettled } from './runtime';
import { WebContents } from './web-contents';

export async function installRequestPolicy(context: BrowserContext): Promise<void> {
  context.on('page', (page: Page) => {
    void pagesSettled().then(() => {
      if (!WebContents.fromPage(page)) void page.close().catch(() => undefined);
    });
  });
  await context.route('**/*', async (route) => {
    const request = route.request();
    let frame: Frame;
    try {
      frame = request.frame();
    } catch {
      return route.continue(); // a worker's request has no frame
    }
    const contents = WebContents.fromPage(frame.page());
    if (!contents) return route.abort('blockedbyclient');
    const mainFrameNavigation = request.isNavigationRequest() && frame === frame.page().mainFrame();
    if (mainFrameNavigation && !contents.shouldNavigate(request.url())) return route.abort('aborted');
    return route.continue();
  });
}
