/**
 * The runner's side of its conversation with the spec (Node's child-process IPC channel): the spec queues dialog
 * answers, reads the records, asks the permission handlers, and can load a URL into a window or quit the app.
 */
import { BrowserWindow } from './browser-window';
import { clickMenuItem } from './menu';
import type { ControlEvent, ControlRequest, HarnessRecords } from './protocol';
import { openDialogQueue, records } from './recorder';
import { app, ipcMain } from './runtime';
import { session } from './session';

export function sendToSpec(event: ControlEvent, then?: () => void): void {
  if (!process.send || !process.connected) {
    then?.();
    return;
  }
  process.send(event, undefined, {}, () => then?.());
}

/** The records with the live parts (listeners, channels) read now. */
export function currentRecords(): HarnessRecords {
  for (const window of records.windows) {
    const live = BrowserWindow.fromId(window.id);
    if (!live) continue;
    window.webContentsListeners = live.webContents.eventNames().map(String);
    window.hasWindowOpenHandler = live.webContents.hasWindowOpenHandler;
  }
  records.ipcChannels = ipcMain.channels();
  return structuredClone(records);
}

function windowOf(id: number): BrowserWindow {
  const window = BrowserWindow.fromId(id);
  if (!window) throw new Error(`harness: no window ${id}`);
  return window;
}

async function answer(request: ControlRequest): Promise<unknown> {
  switch (request.type) {
    case 'records':
      return currentRecords();
    case 'queue-open-dialog':
      openDialogQueue.push(request.answer);
      return null;
    case 'load-url':
      await windowOf(request.windowId).loadURL(request.url);
      return null;
    case 'permission-request':
      return session.defaultSession.requestPermission(
        windowOf(request.windowId).webContents,
        request.permission,
        windowOf(request.windowId).webContents.getURL(),
      );
    case 'permission-check':
      return session.defaultSession.checkPermission(
        windowOf(request.windowId).webContents,
        request.permission,
        'file://',
      );
    case 'click-menu':
      clickMenuItem(request.path);
      return null;
    case 'close-window':
      // As the user's click on the window's close button: 'close' first, which the app may prevent.
      void windowOf(request.windowId).closeAsUser();
      return null;
    case 'quit':
      app.quit();
      return null;
  }
}

export function listenToSpec(): void {
  process.on('message', (message: ControlRequest) => {
    answer(message).then(
      (result) => sendToSpec({ type: 'reply', id: message.id, result }),
      (error: unknown) => sendToSpec({ type: 'reply', id: message.id, result: null, error: String(error) }),
    );
  });
}
