/**
 * The desktop-only part of the contract: calls the Electron main process answers besides the API (file dialogs, the
 * data folder, the application menu, files the system opened), and what the preload exposes on `window.lectio`.
 */
import type { MethodInput, MethodName, MethodOutput } from './methods';
import type { ApiResult } from './transport';

/** A text file the user picked, decoded; `format` is read from its bytes first, its extension second (core/import/sniff.ts). */
export interface OpenedFile {
  fileName: string;
  /** The decoded text; for a PDF or an EPUB book, the file's bytes in base64, as importPdf and importEpub take them. */
  text: string;
  format: 'text' | 'markdown' | 'html' | 'pdf' | 'epub';
}

/** Desktop-only calls, answered by the Electron main process (browser mode uses a file input instead). */
export interface DesktopBridge {
  openTextFile(): Promise<ApiResult<OpenedFile | null>>;
  /** Opens the library folder in the system's file manager. */
  revealDataFolder(): Promise<ApiResult<null>>;
  /**
   * Resolves with the next application-menu command for this window. The preload keeps one such call open and hands
   * each command to the page's listener: menu commands travel over the same sender-checked invoke path as every
   * other call, instead of a second, push-style channel.
   */
  nextMenuCommand(): Promise<ApiResult<MenuCommand>>;
  /** The files the system asked Lectio to open since the last call ('open-files' says there are some). */
  takeOpenedFiles(): Promise<ApiResult<OpenedFile[]>>;
}

/** What the native application menu asks the page to do. */
export type MenuCommand =
  | 'import'
  | 'import-url'
  | 'export-markdown'
  | 'search'
  | 'library'
  | 'quiz'
  | 'review'
  | 'cards'
  | 'settings'
  | 'toggle-sidebar'
  | 'shortcuts'
  | 'undo'
  | 'open-files'
  | 'theme:system'
  | 'theme:light'
  | 'theme:dark'
  | 'theme:sepia';

export const DESKTOP_METHOD_NAMES = [
  'openTextFile',
  'revealDataFolder',
  'nextMenuCommand',
  'takeOpenedFiles',
] as const satisfies readonly (keyof DesktopBridge)[];

/** IPC channel of a desktop-only call. */
export function desktopChannel(method: keyof DesktopBridge): string {
  return `lectio-desktop:${method}`;
}

/** What the preload exposes on `window.lectio`: one function per contract method, plus the desktop calls. */
export interface PreloadBridge {
  host: 'electron';
  invoke: { [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>> };
  desktop: Omit<DesktopBridge, 'nextMenuCommand'>;
  /** Calls `listener` with each application-menu command, for as long as the page lives. */
  onMenuCommand(listener: (command: MenuCommand) => void): void;
}
