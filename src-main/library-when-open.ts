/**
 * Browser mode answers before its library has finished opening: the address is printed once the folder's lock is
 * taken, and the page's HTML and code load while the index and organisation files are read (a few hundred ms on a
 * library of 5,000, on a busy machine). Each API call and image made meanwhile waits for the opening, then runs as
 * usual; if the opening fails, they fail with it and the server stops.
 */
import type { LectioApi } from './api/contract';
import type { OpenLibrary } from './open-library';
import type { ImageStore } from './storage/image-store';

/** The library's API, each call waiting for `opening` first. */
export function apiWhenOpen(opening: Promise<OpenLibrary>): LectioApi {
  return new Proxy({} as LectioApi, {
    get(_target, name) {
      // Not a thenable: something awaiting the object itself must get the object.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (input: unknown) => {
        const { api } = await opening;
        const call = api[name as keyof LectioApi] as ((input: unknown) => Promise<unknown>) | undefined;
        if (typeof call !== 'function') throw new TypeError(`No API method ${name}`);
        return call(input);
      };
    },
  });
}

/** The library's stored images, read once it is open. */
export function imagesWhenOpen(opening: Promise<OpenLibrary>): Pick<ImageStore, 'read'> {
  return { read: async (id) => (await opening).storage.images.read(id) };
}
