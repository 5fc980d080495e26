/** The little of jsdom's API the web-page import uses (jsdom ships no types, and @types/jsdom would be one more dependency). */
declare module 'jsdom' {
  export interface ConstructorOptions {
    url?: string;
    contentType?: string;
    /** Left unset: the page's scripts never run. */
    runScripts?: 'dangerously' | 'outside-only';
    /** Left unset: nothing the page links to (images, styles, frames) is loaded. */
    resources?: 'usable';
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
