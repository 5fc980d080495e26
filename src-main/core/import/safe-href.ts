/** Link targets Lectio will keep: absolute http(s) and mailto URLs. Everything else (javascript:, data:, file:) is dropped. */

/** Returns the normalised URL, or null when the target is not safe to open outside the app. */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
}
