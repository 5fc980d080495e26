/**
 * An open article follows sync: every few seconds the Reader asks what arrived from other devices, and reloads its
 * highlights and note when its article is among them (a highlight made on the desk shows on the laptop's open page).
 * A failed ask is only tried again at the next tick: nothing is lost by missing one.
 */
import type { LectioApi } from '@contract';

export const FOLLOW_EVERY_MS = 3000;

/** Starts following; returns the function that stops it (call it when the screen goes). */
export function followSyncArrivals(
  api: Pick<LectioApi, 'getSyncArrivals'>,
  documentId: string,
  onArrived: () => Promise<void>,
  everyMs = FOLLOW_EVERY_MS,
): () => void {
  let since: number | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      const arrivals = await api.getSyncArrivals({ since: since ?? 0 });
      const changed = arrivals.everything || arrivals.documentIds.includes(documentId);
      if (since !== null && changed && !stopped) await onArrived();
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
