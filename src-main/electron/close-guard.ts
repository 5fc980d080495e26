/**
 * Before the main window closes, the page saves what the reader was typing. Notes and card edits are saved a moment
 * after the last key (src-renderer/lib/autosave.svelte.ts); a window closed within that moment would lose the last
 * words. Main holds the close once, asks the page to save (`window.lectioFlushDrafts`), and closes when it has, or
 * after FLUSH_TIMEOUT_MS if the page does not answer (a hung page must not keep the window open).
 */
import type { BrowserWindow } from 'electron';

export const FLUSH_TIMEOUT_MS = 3000;

/**
 * Holds `window`'s first close until the page has saved its drafts, then calls `close` (which closes the window, and
 * quits again when the close was part of a quit: holding a window's close cancels a quit under way).
 */
export function saveDraftsBeforeClose(window: BrowserWindow, close: () => void): void {
  let asked = false;
  window.on('close', (event) => {
    if (asked || window.webContents.isDestroyed()) return;
    asked = true;
    event.preventDefault();
    const saved = window.webContents.executeJavaScript('window.lectioFlushDrafts?.()', true);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS));
    void Promise.race([saved, timeout])
      .catch(() => undefined)
      .finally(() => {
        if (!window.isDestroyed()) close();
      });
  });
}
