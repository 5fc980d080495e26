/** The desktop "Open article…" flow: a native dialog, then the file read and decoded in the main process. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult, OpenedFile } from '../api/contract';
import { MAX_FILE_BYTES } from '../core/import/decode';
import { isLectioError, toApiError, LectioError } from '../core/errors';
import { isEpubBytes, readArticleBytes } from '../core/import/sniff';

/** Returns the picked file, null when the user cancels, or a typed error for unreadable files. */
export async function openTextFile(event: IpcMainInvokeEvent): Promise<ApiResult<OpenedFile | null>> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = {
    title: 'Open an article',
    properties: ['openFile' as const],
    filters: [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'epub'] }],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return { ok: true, value: null };
  return readArticleFile(file);
}

/** Reads and decodes one article file; a typed error for files too large, binary or unreadable. */
export async function readArticleFile(file: string): Promise<ApiResult<OpenedFile>> {
  try {
    if ((await stat(file)).size > MAX_FILE_BYTES) {
      return { ok: false, error: toApiError(new LectioError('too-large', `${path.basename(file)} is larger than ${MAX_FILE_BYTES / 1e6} MB.`)) };
    }
    const bytes = await readFile(file);
    // A book is read in the main process by importEpub: handed over as it is.
    if (isEpubBytes(bytes)) return { ok: true, value: { fileName: path.basename(file), text: bytes.toString('base64'), format: 'epub' } };
    const { text, format } = readArticleBytes(bytes, path.basename(file));
    return { ok: true, value: { fileName: path.basename(file), text, format } };
  } catch (error) {
    // A read the system refused (permissions, a folder) names the file rather than the generic message.
    const known = isLectioError(error, 'unreadable-file') ? error : new LectioError('unreadable-file', `Could not read ${path.basename(file)}.`);
    return { ok: false, error: toApiError(known) };
  }
}
