/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no inline script, no plugins, no
 * frames, no remote anything (images only from the app: its own origin in browser mode, the read-only `lectio-image:`
 * protocol in the desktop app). index.html carries the same policy in a meta tag (checked by a unit test), so the file
 * loaded by Electron and the page served in browser mode run under one policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: lectio-image:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
