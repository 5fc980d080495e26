/**
 * Launch order: what the first screen needs is asked for first, and what it does not (the top bar's due count, which
 * reads every card: seconds on a library of 50,000) only once that screen has its data. The server answers calls in
 * the order they come, so a due count asked for beside the Library's list used to delay the list's first rows.
 */
let settle: () => void = () => {};
const ready = new Promise<void>((done) => (settle = done));

/** Resolves once the first screen has shown its data (or failed to load it). */
export function firstScreenShown(): Promise<void> {
  return ready;
}

/** Called by the first screen when its data is in (and by the app for a screen that does not wait for it). */
export function markFirstScreenShown(): void {
  settle();
}
