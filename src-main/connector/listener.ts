/**
 * What the host knows about its connector server, shared with the service so Settings can say it: the port, whether
 * the server listens or the port was taken, and where the unpacked extension lies. The host fills it in as it starts.
 */
import type { ConnectorStatus } from '../api/contract';

export class ConnectorListener {
  port: number;
  state: ConnectorStatus['state'] = 'off';
  message = 'The browser connector is not running in this window of Lectio.';
  extensionFolder: string | null;

  constructor(port: number, extensionFolder: string | null) {
    this.port = port;
    this.extensionFolder = extensionFolder;
  }

  listening(port: number): void {
    this.port = port;
    this.state = 'listening';
    this.message = `Listening on 127.0.0.1:${port}.`;
  }

  portInUse(): void {
    this.state = 'port-in-use';
    this.message = `Port ${this.port} is in use by another program (perhaps another Lectio), so the browser extension cannot reach this one. Close the other program and restart Lectio.`;
  }

  failed(error: unknown): void {
    this.state = 'failed';
    this.message = `The browser connector could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The connector port a host uses: LECTIO_CONNECTOR_PORT when set (0 picks a free one, for tests), else the fixed one. */
export function connectorPortFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`the connector port must be a number from 0 to 65535, not "${value}"`);
  return port;
}
