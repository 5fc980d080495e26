/** The Reader screen's state: the open document. */
import type { LectioDocument } from '../../../src-main/core/model';
import { api, errorMessage } from '../api.svelte';

export class ReaderState {
  document = $state<LectioDocument | null>(null);
  loading = $state(true);
  error = $state<string | null>(null);

  async load(id: string): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.document = await api.getDocument({ id });
    } catch (error) {
      this.document = null;
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }
}
