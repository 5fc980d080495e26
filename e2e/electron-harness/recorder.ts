/**
 * What the stand-in saw the main bundle do, kept for the spec: the window options as given, dialogs answered, URLs
 * handed to the shell, navigations and window.open requests decided, preload failures. One per runner process.
 */
import type { HarnessRecords, OpenDialogAnswer } from './protocol';

export const records: HarnessRecords = {
  singleInstanceLock: null,
  secondInstances: [],
  windows: [],
  ipcChannels: [],
  openExternal: [],
  openPath: [],
  errorBoxes: [],
  openDialogs: [],
  windowOpens: [],
  willNavigate: [],
  preloadErrors: [],
  permissionHandlers: { request: false, check: false },
  mainErrors: [],
  applicationMenu: null,
};

/** Answers the spec queued for dialog.showOpenDialog, consumed in order. */
export const openDialogQueue: OpenDialogAnswer[] = [];
