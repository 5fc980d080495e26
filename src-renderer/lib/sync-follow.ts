/**
 * Open screens follow sync: every few seconds a screen asks what arrived from other devices, and reloads when what
 * arrived concerns it. The Reader reloads its highlights and note when its article is among the documents changed (a
 * highlight made on the desk shows on the laptop's open page); the Library reloads its rows when anything arrived.
 * A failed ask is only tried again at the next tick: nothing is lost by missing one.
 */
import type { LectioApi, SyncArrivals } from '@contract';

export const FOLLOW_EVERY_MS = 3000;

/** What arrived concerns the screen of one document when that document changed (or the log cannot say). */
export function touchesDocument(documentId: string): (arrivals: SyncArrivals) => boolean {
  return (arrivals) => arrivals.everything || arrivals.documentIds.includes(documentId);
}

/**
 * Starts following; `concerns` says whether what arrived since the last ask matters to the screen (by default,
 * anything that arrived). Returns the function that stops it (call it when the screen goes).
 */
export function followSyncArrivals(
  api: Pick<LectioApi, 'getSyncArrivals'>,
  onArrived: () => Promise<void>,
  concerns: (arrivals: SyncArrivals, since: number) => boolean = (arrivals, since) =>
    arrivals.everything || arrivals.seq !== since,
  everyMs = FOLLOW_EVERY_MS,
): () => void {
  let since: number | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      const arrivals = await api.getSyncArrivals({ since: since ?? 0 });
      if (since !== null && concerns(arrivals, since) && !stopped) await onArrived();
      since = arrivals.seq;
    } catch {
      // The server is restarting or busy: the next tick asks again.
    }
    if (!stopped) timer = setTimeout(() => void tick(), everyMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
