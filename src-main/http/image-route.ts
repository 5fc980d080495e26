/**
 * Browser mode's stored images: `GET /images/<id>` answers with the image's bytes, read-only, by id only (the store
 * refuses anything that is not an image id, so no path reaches outside the images folder), with the Content-Type of the
 * format the store recognised from the bytes, `nosniff`, and the host's strict headers (CSP, same-origin resources).
 * An image never changes under its id (the id is its hash), so it may be cached for good.
 */
import type { ServerResponse } from 'node:http';
import { IMAGE_PATH_PREFIX } from '../api/contract/image-url';
import type { ImageStore } from '../storage/image-store';

export function isImagePath(pathname: string): boolean {
  return pathname.startsWith(IMAGE_PATH_PREFIX);
}

/** Sends the image named by `pathname`, or 404 for an unknown or malformed id. */
export async function serveImage(
  images: Pick<ImageStore, 'read'> | undefined,
  pathname: string,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  let id = '';
  try {
    id = decodeURIComponent(pathname.slice(IMAGE_PATH_PREFIX.length));
  } catch {
    // A malformed escape names no image.
  }
  const image = images ? await images.read(id) : null;
  if (!image) {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response
    .writeHead(200, {
      ...headers,
      'content-type': image.contentType,
      'content-length': String(image.bytes.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=31536000, immutable',
    })
    .end(image.bytes);
}
