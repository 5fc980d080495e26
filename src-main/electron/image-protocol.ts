/**
 * The desktop app's stored images: the page is a file: URL with no server behind it, so images come through the
 * `lectio-image:` protocol, read-only and by id only (`lectio-image://image/<id>`; the store refuses anything else, so
 * no path leaves the images folder), with the format's Content-Type and `nosniff`. The scheme is registered as
 * standard and secure before the app is ready, and the CSP lets `<img>` load it and nothing else.
 */
import { protocol } from 'electron';
import { IMAGE_PROTOCOL } from '../api/contract/image-url';
import type { ImageStore } from '../storage/image-store';
import { imageResponse } from './image-response';

/** Must run before the app is ready. */
export function registerImageScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: IMAGE_PROTOCOL,
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false },
    },
  ]);
}

/** Serves `images` on the scheme (image-response.ts); call once the app is ready and the library is open. */
export function handleImageProtocol(images: ImageStore): void {
  protocol.handle(IMAGE_PROTOCOL, (request) => imageResponse(images, request));
}
