/** Validation of the FSRS optimiser's arguments: none take any. */
import type { FsrsMethods } from '../contract';
import { empty, type SchemasOf } from './common';

export const fsrsSchemas: SchemasOf<FsrsMethods> = {
  getFsrsStatus: empty,
  optimiseFsrs: empty,
  resetFsrsParameters: empty,
};
