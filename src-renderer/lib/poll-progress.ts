/**
 * Asks the service how far long work has got, one call at a time (the next only after the last answer and a pause, so
 * calls never pile up behind a busy process), until stopped. Failed reads are skipped: progress is only shown, and
 * the work's own answer says how it ended.
 */
export function pollProgress<P>(
  read: () => Promise<P>,
  onProgress: (progress: P) => void,
  intervalMs = 150,
): () => void {
  let active = true;
  void (async () => {
    while (active) {
      try {
        const progress = await read();
        if (active) onProgress(progress);
      } catch {
        // Skipped: the next read tries again.
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return () => {
    active = false;
  };
}
