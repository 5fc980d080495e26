/** The connector part of the service that Settings uses: the server's status and making a new pairing token. */
import { ConnectorListener } from '../../connector/listener';
import { hashPairingToken, newPairingToken } from '../../connector/pairing';
import { CONNECTOR_PORT, type ConnectorStatus } from '../contract';
import type { LectioApi } from '../contract';
import type { ServiceDeps } from './deps';

type ConnectorSettingsMethods = Pick<LectioApi, 'getConnectorStatus' | 'makeConnectorToken'>;

export function connectorSettingsMethods(deps: ServiceDeps): ConnectorSettingsMethods {
  // A host without a connector (tests, tools) reports 'off'.
  const listener = deps.options.connector ?? new ConnectorListener(CONNECTOR_PORT, null);
  const status = (): ConnectorStatus => {
    const stored = deps.storage.settings.connectorPairing();
    return {
      port: listener.port,
      state: listener.state,
      message: listener.message,
      paired: stored !== null,
      tokenCreatedAt: stored?.createdAt ?? null,
      extensionFolder: listener.extensionFolder,
    };
  };
  return {
    getConnectorStatus: async () => status(),
    async makeConnectorToken() {
      const token = newPairingToken();
      const tokenHash = hashPairingToken(token);
      await deps.storage.settings.setConnectorPairing({ tokenHash, createdAt: deps.now().toISOString() });
      return { token, status: status() };
    },
  };
}
