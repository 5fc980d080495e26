/**
 * Makes `require('electron')` in this process return the stand-in. Electron answers that name from inside its binary;
 * Node would find the npm package (which only knows where a binary would be), so the hook answers first.
 */
import Module from 'node:module';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

export function resolveElectronTo(standIn: object): void {
  const loader = Module as unknown as { _load: Load };
  const load = loader._load;
  loader._load = function (this: unknown, request, parent, isMain) {
    return request === 'electron' ? standIn : load.call(this, request, parent, isMain);
  };
}
