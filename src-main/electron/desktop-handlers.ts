/** The desktop-only calls the preload may make besides the contract: file dialogs, the data folder, menu and opened files. */
import { shell } from 'electron';
import { LectioError, toApiError } from '../core/errors';
import type { DesktopHandlers } from './ipc';
import type { MenuCommandQueue } from './menu-commands';
import { openTextFile } from './open-file-dialog';
import type { OpenedFiles } from './opened-files';

export function desktopHandlers(
  dataDir: string,
  menuCommands: MenuCommandQueue,
  openedFiles: OpenedFiles,
): DesktopHandlers {
  return {
    openTextFile,
    async revealDataFolder() {
      const failure = await shell.openPath(dataDir);
      // The system's own words say why the folder did not open (it was moved, no file manager): shown as they are.
      return failure
        ? { ok: false, error: toApiError(new LectioError('internal', failure)) }
        : { ok: true, value: null };
    },
    nextMenuCommand: (event) => menuCommands.next(event.sender),
    takeOpenedFiles: async () => openedFiles.take(),
  };
}
