/**
 * THE contract between the renderer and the service, one file per area behind this index: method names, argument and
 * result types, and the channel names both transports (Electron IPC, browser-mode HTTP) derive from them. It holds no
 * runtime dependency, so the sandboxed preload and the renderer import it without pulling in the validation library;
 * the schemas live in ../schemas.
 */
export * from './common';
export * from './documents';
export * from './books';
export * from './pdf';
export * from './analysis';
export * from './annotations';
export * from './quiz';
export * from './cards';
export * from './settings';
export * from './connector';
export * from './library';
export * from './organise';
export * from './actors';
export * from './study';
export * from './timeline';
export * from './methods';
export * from './transport';
export * from './image-url';
export * from './desktop';
export * from './anki';
export * from './fsrs';
export * from './sync';
export * from './sync-password';
