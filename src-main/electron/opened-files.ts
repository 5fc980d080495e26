/**
 * Files the system asks Lectio to open (double-click through the file associations, "Open with", or a path on the
 * command line): they are read in the main process and held until the window takes them, so a file opened before
 * the window is ready is not lost. The page is told through the menu-command path ('open-files').
 */
import path from 'node:path';
import type { ApiResult, OpenedFile } from '../api/contract';
import { readArticleFile } from './read-article-file';
import { LectioError, toApiError } from '../core/errors';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.epub'];

/** The article files named on a command line (flags and the app's own path are not files to open). */
export function articlePathsIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && ARTICLE_EXTENSIONS.includes(path.extname(arg).toLowerCase()));
}

export class OpenedFiles {
  #pending: OpenedFile[] = [];
  #errors: string[] = [];

  /** Reads each path and keeps the result (a file, or the reason it cannot be opened) for the window. */
  async add(paths: readonly string[]): Promise<void> {
    for (const file of paths) {
      const read: ApiResult<OpenedFile> = await readArticleFile(file);
      if (read.ok) this.#pending.push(read.value);
      else this.#errors.push(read.error.message);
    }
  }

  /** True while something waits for the window to take it. */
  get waiting(): boolean {
    return this.#pending.length + this.#errors.length > 0;
  }

  /** Hands over everything waiting: the files read, or the first error when none could be. */
  take(): ApiResult<OpenedFile[]> {
    const files = this.#pending.splice(0);
    const errors = this.#errors.splice(0);
    if (files.length === 0 && errors.length > 0)
      return { ok: false, error: toApiError(new LectioError('unreadable-file', errors.join(' '))) };
    return { ok: true, value: files };
  }
}
