/** The desktop-only calls the preload may make besides the contract: file dialogs, the data folder, menu and opened files. */
import { shell } from 'electron';
import type { DesktopHandlers } from './ipc';
import type { MenuCommandQueue } from './menu-commands';
import { openTextFile } from './open-file-dialog';
import type { OpenedFiles } from './opened-files';

export function desktopHandlers(dataDir: string, menuCommands: MenuCommandQueue, openedFiles: OpenedFiles): DesktopHandlers {
  return {
    openTextFile,
    async revealDataFolder() {
      const failure = await shell.openPath(dataDir);
      return failure ? { ok: false, error: { code: 'internal', message: failure } } : { ok: true, value: null };
    },
    nextMenuCommand: (event) => menuCommands.next(event.sender),
    takeOpenedFiles: async () => openedFiles.take(),
  };
}
