/**
 * What crosses between the harness's processes: the page's calls into the stand-in main process, and the messages
 * between a spec and the runner (the spec scripts dialogs and reads what the stand-in recorded). Types only.
 */

/** The main process's answer to one `ipcRenderer.invoke`; `error` is the thrown value as Electron prints it. */
export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: string };

/** What the page-side code sends through the window's binding. */
export type PageMessage =
  | { kind: 'invoke'; channel: string; args: unknown[] }
  | { kind: 'preload-error'; preloadPath: string; message: string; stack: string };

export interface OpenDialogAnswer {
  canceled: boolean;
  filePaths: string[];
}

export interface WindowRecord {
  id: number;
  webContentsId: number;
  /** The constructor's options exactly as main passed them (a structured clone). */
  options: Record<string, unknown>;
  url: string;
  targetId: string | null;
  shown: boolean;
  focusCount: number;
  destroyed: boolean;
  /** The events main listens to on this window's web contents. */
  webContentsListeners: string[];
  hasWindowOpenHandler: boolean;
}

export interface HarnessRecords {
  singleInstanceLock: boolean | null;
  secondInstances: { argv: string[]; workingDirectory: string }[];
  windows: WindowRecord[];
  ipcChannels: string[];
  openExternal: string[];
  openPath: string[];
  errorBoxes: { title: string; content: string }[];
  openDialogs: { windowId: number | null; options: unknown; answer: OpenDialogAnswer; scripted: boolean }[];
  windowOpens: { url: string; action: string }[];
  willNavigate: { url: string; prevented: boolean }[];
  preloadErrors: { webContentsId: number; preloadPath: string; message: string }[];
  permissionHandlers: { request: boolean; check: boolean };
  /** Uncaught exceptions and unhandled rejections in the main bundle. */
  mainErrors: string[];
  /** The application menu as set, or null before setApplicationMenu. */
  applicationMenu: MenuItemRecord[] | null;
}

export interface MenuItemRecord {
  label: string | null;
  role: string | null;
  type: string;
  accelerator: string | null;
  submenu: MenuItemRecord[];
}

/** Spec -> runner. */
export type ControlRequest =
  | { type: 'records'; id: number }
  | { type: 'queue-open-dialog'; id: number; answer: OpenDialogAnswer }
  | { type: 'load-url'; id: number; windowId: number; url: string }
  | { type: 'permission-request'; id: number; windowId: number; permission: string }
  | { type: 'permission-check'; id: number; windowId: number; permission: string }
  | { type: 'click-menu'; id: number; path: string[] }
  | { type: 'close-window'; id: number; windowId: number }
  | { type: 'quit'; id: number };

/** Runner -> spec. */
export type ControlEvent =
  | { type: 'ready'; cdpEndpoint: string }
  | { type: 'window-loaded'; windowId: number; targetId: string; url: string }
  | { type: 'reply'; id: number; result: unknown; error?: string }
  | { type: 'exit'; code: number; records: HarnessRecords };
