/**
 * The desktop app's answer for a `lectio-image://image/<id>` request: the stored image's bytes, read-only and by id
 * only (the store refuses anything that is not an image id, so no path leaves the images folder), with the format's
 * Content-Type and `nosniff`; 404 for anything else. Kept apart from the protocol registration so it runs in tests.
 */
import type { ImageStore } from '../storage/image-store';

export async function imageResponse(images: ImageStore, request: Request): Promise<Response> {
  const url = new URL(request.url);
  let id = '';
  try {
    id = url.host === 'image' ? decodeURIComponent(url.pathname.replace(/^\//, '')) : '';
  } catch {
    // A malformed escape names no image.
  }
  const image = request.method === 'GET' ? await images.read(id) : null;
  if (!image)
    return new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' },
    });
  return new Response(new Uint8Array(image.bytes), {
    status: 200,
    headers: {
      'content-type': image.contentType,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=31536000, immutable',
    },
  });
}
