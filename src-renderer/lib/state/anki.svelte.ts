/**
 * The Cards screen's link to a running Anki: whether AnkiConnect answers (checked when the screen opens and on "Check
 * again"), and "Send to Anki", which adds the cards or updates the notes sent before. When Anki is not there, `status`
 * says why in words the reader can act on, and sending is not offered.
 */
import type { AnkiSendReport, AnkiStatus, LectioApi } from '@contract';
import { TaskState } from './task-state.svelte';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "Sent to Anki: 3 cards added, 1 updated, 12 unchanged, 2 pictures". */
export function sendSummary(report: AnkiSendReport): string {
  const parts = [`${plural(report.added, 'card')} added`, `${report.updated} updated`, `${report.unchanged} unchanged`];
  if (report.pictures) parts.push(plural(report.pictures, 'picture'));
  const failed = report.failed.length ? `. Not added: ${report.failed.slice(0, 3).join(' ')}` : '';
  return `Sent to Anki: ${parts.join(', ')}${failed}`;
}

export class AnkiState extends TaskState {
  status = $state<AnkiStatus | null>(null);
  checking = $state(false);
  sending = $state(false);
  /** What the last send did. */
  result = $state('');

  constructor(private readonly api: LectioApi) {
    super();
  }

  get available(): boolean {
    return this.status?.available === true;
  }

  /** Asks whether AnkiConnect answers; never throws (a failed call leaves `error` set and Anki unavailable). */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    const status = await this.run(() => this.api.getAnkiStatus({}));
    this.status = status;
    this.checking = false;
  }

  /** Sends the cards (one document's when `documentId` is given); when that fails, checks again whether Anki is there. */
  async send(documentId?: string): Promise<AnkiSendReport | null> {
    if (this.sending) return null;
    this.sending = true;
    this.result = '';
    const report = await this.run(() => this.api.sendToAnki(documentId ? { documentId } : {}));
    this.sending = false;
    if (report) {
      this.result = sendSummary(report);
      return report;
    }
    // Anki gone away: its status says so (one message, not two). Anki there but refusing: the refusal stays shown.
    const refusal = this.error;
    await this.check();
    if (this.available) this.error = refusal;
    return null;
  }
}
