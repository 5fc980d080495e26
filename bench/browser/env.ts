/** What the renderer benchmarks share: the browser, the built app's serve script, the library, the repetition budget. */
import type { Browser } from '@playwright/test';
import type { BenchContext } from '../context';

export interface BrowserEnv extends Pick<BenchContext, 'quick' | 'manifest' | 'reps' | 'log'> {
  browser: Browser;
  /** `serve.js` of the private build copy. */
  serveScript: string;
  /** A copy of the generated library the servers may write to (lock file, index rewrite on open). */
  dataDir: string;
}
