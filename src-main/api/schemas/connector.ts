/** Validation of the browser connector's Settings methods: neither takes an argument. */
import type { ConnectorMethods } from '../contract';
import { empty, type SchemasOf } from './common';

export const connectorSchemas: SchemasOf<ConnectorMethods> = {
  getConnectorStatus: empty,
  makeConnectorToken: empty,
};
