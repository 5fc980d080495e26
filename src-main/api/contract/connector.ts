/**
 * The browser connector's part of the API contract: what Settings shows about the loopback server the browser
 * extension talks to, and the connector's own wire constants (shared by the server and its tests). Types and
 * constants only, like the rest of the contract.
 */
import type { Empty } from './common';

/** The fixed port the connector listens on unless told otherwise (LECTIO_CONNECTOR_PORT, serve's --connector-port). */
export const CONNECTOR_PORT = 23131;

/** Every connector request carries this header with the value "1": a page cannot send it without a CORS preflight. */
export const CONNECTOR_HEADER = 'x-lectio-connector';

/** Largest request body the connector reads: a rendered page's HTML with its selection. */
export const CONNECTOR_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ConnectorStatus {
  /** The port it listens on, or the one it tried. */
  port: number;
  /** 'off': this host runs no connector (tests, tools); 'port-in-use': another program (or another Lectio) has it. */
  state: 'listening' | 'port-in-use' | 'off' | 'failed';
  /** A sentence for Settings saying what the state means. */
  message: string;
  /** Whether a pairing token has been made (only its hash is kept, so it cannot be shown again). */
  paired: boolean;
  tokenCreatedAt: string | null;
  /** The folder holding the unpacked extension (its chromium/ and firefox/ folders); null when this build has none. */
  extensionFolder: string | null;
}

export interface ConnectorMethods {
  /** The browser connector: its port, whether it listens, whether a pairing token exists. */
  getConnectorStatus: { input: Empty; output: ConnectorStatus };
  /** Makes a new pairing token (the old one stops working); the token is returned this once and stored only hashed. */
  makeConnectorToken: { input: Empty; output: { token: string; status: ConnectorStatus } };
}
