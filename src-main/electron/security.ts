/**
 * Electron's security checklist applied to every web contents: no navigation away from the app, no new windows
 * (http(s) links go to the system browser instead), no <webview>, and every permission request denied.
 */
import { shell, type Session, type WebContents } from 'electron';
import { safeHref } from '../core/import/safe-href';

/** True when `url` is the app's own page (same origin and path; the hash and query may differ). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

function openOutside(url: string): void {
  const href = safeHref(url);
  if (href && !href.startsWith('mailto:')) void shell.openExternal(href);
}

export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, appUrl)) return;
    event.preventDefault();
    openOutside(url);
  });
  // The app has no frames (its CSP forbids them); should one ever appear, it may not navigate anywhere.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
