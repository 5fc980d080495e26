/**
 * The app's one due count: cards due now and new cards today allows, as the service's review queue counts them. The
 * top bar, the Review screen and the Cards screen all show this object, and every answer that carries counts (the
 * queue, the statistics, getDueCounts) updates it, so the three never disagree.
 */
import type { DueCounts, LectioApi } from '@contract';

export class DueCountsState {
  counts = $state<DueCounts | null>(null);

  /** The due ids as a set, for the card browser's "Due now" filter. */
  readonly dueIds = $derived(new Set(this.counts?.dueIds ?? []));

  constructor(private readonly api: LectioApi) {}

  set(counts: DueCounts): void {
    this.counts = counts;
  }

  async refresh(): Promise<void> {
    try {
      this.counts = await this.api.getDueCounts({});
    } catch {
      // A count is a convenience: a failed refresh keeps the last one, and the next change or visit tries again.
    }
  }
}
