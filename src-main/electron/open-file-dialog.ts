/** The desktop "Open article…" flow: a native dialog, then the file read and decoded in the main process. */
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult, OpenedFile } from '../api/contract';
import { readArticleFile } from './read-article-file';

/** Returns the picked file, null when the user cancels, or a typed error for unreadable files. */
export async function openTextFile(event: IpcMainInvokeEvent): Promise<ApiResult<OpenedFile | null>> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = {
    title: 'Open an article',
    properties: ['openFile' as const],
    filters: [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'pdf', 'epub'] }],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return { ok: true, value: null };
  return readArticleFile(file);
}
