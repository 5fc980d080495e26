/**
 * The notes edited on two devices at once, each kept whole on both sides until the reader picks: one side's text,
 * both joined, or a merge they write. Nothing is dropped here: a conflict leaves the list only when the service has
 * stored the reader's choice.
 */
import type { LectioApi, SyncConflict } from '@contract';
import { TaskState } from './task-state.svelte';

/** "Keep both": every side's text, newest first, a blank line between them; a text two sides share appears once. */
export function joinVersions(conflict: Pick<SyncConflict, 'versions'>): string {
  const texts: string[] = [];
  for (const version of conflict.versions) {
    const text = version.text.trim();
    if (text && !texts.includes(text)) texts.push(text);
  }
  return texts.join('\n\n');
}

export class SyncConflictsState extends TaskState {
  conflicts = $state<SyncConflict[]>([]);
  loaded = $state(false);
  /** This device's sync id, to name its own side "This device". */
  deviceId = $state<string | null>(null);

  constructor(private readonly api: LectioApi) {
    super();
  }

  async load(): Promise<void> {
    const loaded = await this.run(() => Promise.all([this.api.listSyncConflicts({}), this.api.getSyncStatus({})]));
    if (!loaded) return;
    [this.conflicts, { deviceId: this.deviceId }] = loaded;
    this.loaded = true;
  }

  /** A side's device as the reader knows it: this one, or another (with a short tag when there are several). */
  deviceName(device: string): string {
    if (device && device === this.deviceId) return 'This device';
    const others = new Set(
      this.conflicts
        .flatMap((conflict) => conflict.versions.map((version) => version.device))
        .filter((id) => id !== this.deviceId),
    );
    return others.size > 1 && device ? `Another device (${device.slice(0, 4)})` : 'Another device';
  }

  /** Stores `text` as the note's one text; the conflict leaves the list only once that is saved. Returns whether it was. */
  async resolve(id: string, text: string): Promise<boolean> {
    const done = await this.run(() => this.api.resolveSyncConflict({ id, text }));
    if (!done) return false;
    this.conflicts = this.conflicts.filter((conflict) => conflict.id !== id);
    return true;
  }
}
