/** The stand-in's `shell`: `openExternal` opens nothing and records the URL for the spec. */
import { records } from './recorder';

export const shell = {
  async openExternal(url: string, _options?: object): Promise<void> {
    if (typeof url !== 'string')
      throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(url));
    records.openExternal.push(url);
  },
  /** Opens nothing; records the path and answers '' (Electron's "no error"). */
  async openPath(target: string): Promise<string> {
    if (typeof target !== 'string')
      throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(target));
    records.openPath.push(target);
    return '';
  },
};
