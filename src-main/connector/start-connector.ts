/**
 * Starts a host's browser connector without ever stopping the host: a port another program holds is said in
 * Settings (through the listener) and on stderr, and Lectio runs on without the connector.
 */
import type { ConnectorService } from '../api/services/connector-save';
import { startConnectorServer, type ConnectorServer } from './connector-server';
import type { ConnectorListener } from './listener';

/** The running server, or null when it could not start (the listener says why). Never rejects. */
export async function startConnector(
  service: ConnectorService,
  listener: ConnectorListener,
): Promise<ConnectorServer | null> {
  try {
    const server = await startConnectorServer(service, listener.port);
    listener.listening(server.port);
    return server;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') listener.portInUse();
    else listener.failed(error);
    console.error(`lectio: ${listener.message}`);
    return null;
  }
}
