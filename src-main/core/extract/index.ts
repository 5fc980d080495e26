/** Public surface of the extraction engine: extract(), inferReferenceDate() and the engine version. */
export { extract, inferReferenceDate, ENGINE_VERSION, type ExtractOptions } from './extract';
export type * from './types';
