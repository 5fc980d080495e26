/**
 * Settings › Browser extension: the connector's status (port, listening or the port taken, paired or not) and making
 * a pairing token, which is held here only while the screen shows it: the service keeps its hash alone.
 */
import type { ConnectorStatus, LectioApi } from '@contract';
import { TaskState } from './task-state.svelte';

export class ConnectorState extends TaskState {
  status = $state<ConnectorStatus | null>(null);
  /** The token just made, shown once; null otherwise. */
  token = $state<string | null>(null);

  constructor(private readonly api: LectioApi) {
    super();
  }

  async load(): Promise<void> {
    const status = await this.run(() => this.api.getConnectorStatus({}));
    if (status) this.status = status;
  }

  /** Makes a new token (the old one stops working) and shows it. */
  async makeToken(): Promise<void> {
    const made = await this.run(() => this.api.makeConnectorToken({}));
    if (!made) return;
    this.token = made.token;
    this.status = made.status;
  }
}
