/**
 * An init script for startup timing, run in the page before the app: it notes (epoch ms) when the Library lists the
 * document to open, opens it at once as a quick reader would, and notes the frame after the article text appears.
 */

export interface WatchTimes {
  libraryAt?: number;
  paintedAt?: number;
}

export function watchStartup(title: string): void {
  const times: WatchTimes = {};
  (window as unknown as { __benchTimes: WatchTimes }).__benchTimes = times;
  const now = () => performance.timeOrigin + performance.now();
  const observer = new MutationObserver(() => {
    if (times.libraryAt === undefined) {
      const open = [...document.querySelectorAll('button.doc-open')].find((button) => button.getAttribute('aria-label') === `Open ${title}`);
      if (open instanceof HTMLElement) {
        times.libraryAt = now();
        open.click();
      }
      return;
    }
    if (document.querySelector('.article-body [data-start]')) {
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          times.paintedAt = now();
        };
        channel.port2.postMessage(null);
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}
