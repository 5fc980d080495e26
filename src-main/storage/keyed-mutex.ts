/**
 * A mutex per key (a file): read-modify-write sequences that span awaits run one at a time per file, so two calls
 * that each read a document's annotations, think, and write them back cannot overwrite each other's change.
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` once every earlier task for `key` has settled; returns (or rejects with) the task's own result. */
  run<R>(key: string, task: () => Promise<R> | R): Promise<R> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    // The chain continues past a failure: one rejected task must not block the file for good.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
