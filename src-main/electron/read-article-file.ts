/**
 * Reads one file the desktop app was asked to open (from its dialog or the system's file associations), in the main
 * process and without Electron itself, so the file handling is testable on its own: an EPUB is handed over as a book
 * (its bytes as base64, for importEpub), a PDF likewise (for importPdf), anything else decoded as an article's text.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiResult, OpenedFile } from '../api/contract';
import { MAX_FILE_BYTES } from '../core/import/decode';
import { isLectioError, toApiError, LectioError } from '../core/errors';
import { isEpubBytes, isPdfBytes, readArticleBytes } from '../core/import/sniff';

/** Reads and decodes one article file; a typed error for files too large, binary or unreadable. */
export async function readArticleFile(file: string): Promise<ApiResult<OpenedFile>> {
  try {
    if ((await stat(file)).size > MAX_FILE_BYTES) {
      return {
        ok: false,
        error: toApiError(
          new LectioError('too-large', `${path.basename(file)} is larger than ${MAX_FILE_BYTES / 1e6} MB.`),
        ),
      };
    }
    const bytes = await readFile(file);
    // A PDF is read by the service (importPdf), in a worker of its own: it crosses to the page as base64.
    if (isPdfBytes(bytes))
      return { ok: true, value: { fileName: path.basename(file), text: bytes.toString('base64'), format: 'pdf' } };
    // A book is read in the main process by importEpub: handed over as it is.
    if (isEpubBytes(bytes))
      return { ok: true, value: { fileName: path.basename(file), text: bytes.toString('base64'), format: 'epub' } };
    const { text, format } = readArticleBytes(bytes, path.basename(file));
    return { ok: true, value: { fileName: path.basename(file), text, format } };
  } catch (error) {
    // A read the system refused (permissions, a folder) names the file rather than the generic message.
    const known = isLectioError(error, 'unreadable-file')
      ? error
      : new LectioError('unreadable-file', `Could not read ${path.basename(file)}.`);
    return { ok: false, error: toApiError(known) };
  }
}
