/**
 * Where the renderer loads a stored image from: browser mode serves images from its own origin (`/images/<id>`); the
 * desktop app, whose page is a file: URL with no server behind it, through the `lectio-image:` protocol the main
 * process registers. Both are read-only and take an image id only (storage/image-store.ts checks it).
 */
export const IMAGE_PROTOCOL = 'lectio-image';

export const IMAGE_PATH_PREFIX = '/images/';

/** The address of stored image `id` for a page at `pageProtocol` ('file:' in the desktop app). */
export function imageUrl(id: string, pageProtocol: string): string {
  const safe = encodeURIComponent(id);
  return pageProtocol === 'file:' ? `${IMAGE_PROTOCOL}://image/${safe}` : `${IMAGE_PATH_PREFIX}${safe}`;
}
