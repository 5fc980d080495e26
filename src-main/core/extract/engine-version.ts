/**
 * Bump whenever the output for the same input may change. Its own module so that the hosts can read it at start-up
 * without loading the engine (and compromise's lexicon) before an article is analysed.
 */
export const ENGINE_VERSION = 'lectio-extract-1.8.2';
