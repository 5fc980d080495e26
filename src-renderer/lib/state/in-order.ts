/**
 * Changes that must happen one after another, in the order they were asked for: an Undo pressed while a delete is
 * still being saved must undo that delete, not whatever was on the undo stack before it.
 */
export class InOrder {
  #last: Promise<unknown> = Promise.resolve();

  /** Runs `change` once every change begun before it has finished, whether or not that one succeeded. */
  run<T>(change: () => Promise<T>): Promise<T> {
    const next = this.#last.then(change, change);
    this.#last = next.catch(() => undefined);
    return next;
  }
}
