/**
 * Reads a file the reader chose, reporting how far it got and stopping when asked: a long book takes long enough to
 * read that the import panel shows a progress bar and a Cancel button.
 */
import { LectioError } from '@core/errors';

/** Resolves with the file's bytes; rejects with the 'cancelled' LectioError when `signal` aborts, or the reader's error. */
export function readFileBytes(
  file: Blob,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    const abort = () => reader.abort();
    signal.addEventListener('abort', abort, { once: true });
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onload = () => {
      signal.removeEventListener('abort', abort);
      onProgress(1);
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onabort = () => reject(new LectioError('cancelled', 'Reading the file was cancelled.'));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}
