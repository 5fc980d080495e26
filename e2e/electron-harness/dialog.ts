/**
 * The stand-in's `dialog`: `showOpenDialog` answers with what the spec queued (in order), or as a user pressing Cancel
 * when nothing was queued (recorded as unscripted); `showErrorBox` is recorded and, as Electron does on Linux when it
 * cannot show a window, printed to stderr.
 */
import { BrowserWindow } from './browser-window';
import type { OpenDialogAnswer } from './protocol';
import { openDialogQueue, records } from './recorder';

export const dialog = {
  async showOpenDialog(windowOrOptions: unknown, maybeOptions?: object): Promise<OpenDialogAnswer> {
    const window = windowOrOptions instanceof BrowserWindow ? windowOrOptions : null;
    const options = window ? maybeOptions : windowOrOptions;
    if (typeof options !== 'object' || options === null) throw new TypeError('Options must be an object');
    const scripted = openDialogQueue.shift();
    const answer = scripted ?? { canceled: true, filePaths: [] };
    records.openDialogs.push({
      windowId: window?.id ?? null,
      options: structuredClone(options),
      answer,
      scripted: scripted !== undefined,
    });
    return answer;
  },

  showErrorBox(title: string, content: string): void {
    records.errorBoxes.push({ title, content });
    console.error(`${title}\n${content}`);
  },
};
