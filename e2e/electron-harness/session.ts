/**
 * The stand-in's `session.defaultSession`: keeps the permission handlers main installs and answers the spec's
 * permission questions through them, with Electron's default (grant) when no handler is set. Chromium's own prompts in
 * the harness are not routed here (headless Chromium denies them by itself), so the specs ask the handlers directly.
 */
import { records } from './recorder';

type RequestHandler = (
  webContents: object,
  permission: string,
  callback: (granted: boolean) => void,
  details: object,
) => void;
type CheckHandler = (
  webContents: object | null,
  permission: string,
  requestingOrigin: string,
  details: object,
) => boolean;

export class Session {
  #request: RequestHandler | null = null;
  #check: CheckHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.#request = handler;
    records.permissionHandlers.request = handler !== null;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.#check = handler;
    records.permissionHandlers.check = handler !== null;
  }

  /** What a page asking for `permission` would be told. */
  requestPermission(webContents: object, permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.#request;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(webContents, permission, resolve, { requestingUrl, isMainFrame: true }));
  }

  checkPermission(webContents: object, permission: string, requestingOrigin: string): boolean {
    return this.#check ? this.#check(webContents, permission, requestingOrigin, { isMainFrame: true }) : true;
  }
}

export const session = { defaultSession: new Session() };
