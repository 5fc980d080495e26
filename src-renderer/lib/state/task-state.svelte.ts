/** The base of every screen state that calls the API: one busy flag and one error message, kept the same way. */
import { errorMessage } from '../api-client.svelte';

export class TaskState {
  busy = $state(false);
  error = $state<string | null>(null);

  /** Runs `work` with `busy` set; returns its result, or null with `error` set to the reason it failed. */
  protected async run<T>(work: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    try {
      const result = await work();
      this.error = null;
      return result;
    } catch (error) {
      this.error = errorMessage(error);
      return null;
    } finally {
      this.busy = false;
    }
  }
}
