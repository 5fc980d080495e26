/**
 * Maps the contract onto Electron IPC: one `ipcMain.handle` per method, each refusing calls from any frame other than
 * the app's own top-level page, and each passing its argument (as `unknown`) through dispatch's validation.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import {
  DESKTOP_METHOD_NAMES,
  METHOD_NAMES,
  desktopChannel,
  ipcChannel,
  type ApiResult,
  type DesktopBridge,
  type LectioApi,
} from '../api/contract';
import { dispatch } from '../api/dispatch';
import { isAppUrl } from './security';
import { LectioError, toApiError } from '../core/errors';

const FORBIDDEN: ApiResult<never> = { ok: false, error: toApiError(new LectioError('forbidden')) };

/** A trusted sender is the app page itself, in a top-level frame. */
export function isTrustedFrame(frame: WebFrameMain | null | undefined, appUrl: string): boolean {
  return Boolean(frame && frame.parent === null && isAppUrl(frame.url, appUrl));
}

export type DesktopHandlers = {
  [M in keyof DesktopBridge]: (event: IpcMainInvokeEvent) => ReturnType<DesktopBridge[M]>;
};

export function registerIpc(ipcMain: IpcMain, api: LectioApi, desktop: DesktopHandlers, appUrl: () => string): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame, appUrl())) return FORBIDDEN;
      return dispatch(api, method, input);
    });
  }
  for (const method of DESKTOP_METHOD_NAMES) {
    ipcMain.handle(desktopChannel(method), (event) => {
      if (!isTrustedFrame(event.senderFrame, appUrl())) return FORBIDDEN;
      return desktop[method](event);
    });
  }
}
