/**
 * Keeps one local process from taking browser mode down by opening connections and never finishing a request on them.
 * Each connection holds a file descriptor; at the usual limit of 1,024, a thousand such connections would make
 * accept() and every file the library opens (backups included) fail with EMFILE. So: connections that have not yet
 * sent a complete request head are few (the oldest is closed to make room for a new one, so the page's own requests,
 * which arrive whole at once over loopback, always get in), each gets a short deadline, and the total is capped.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export const CONNECTION_LIMITS = {
  /** All connections: well below 1,024 open files, leaving room for the library's files, backups and the worker. */
  maxConnections: 512,
  /** Connections still waiting for their first request head; past this the oldest is closed. */
  maxWaiting: 128,
  /** A request head must be complete this soon after the connection opens (or after a keep-alive request). */
  headersTimeoutMs: 10_000,
  /** A whole request body this soon: the largest import (6 MB of JSON) takes well under a second over loopback. */
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  /** How often Node looks for requests past those deadlines (its default, 30 s, lets them pile up). */
  checkIntervalMs: 1_000,
};

/** The options for `createServer` that set Node's own request deadlines. */
export function serverTimeouts() {
  return {
    headersTimeout: CONNECTION_LIMITS.headersTimeoutMs,
    requestTimeout: CONNECTION_LIMITS.requestTimeoutMs,
    keepAliveTimeout: CONNECTION_LIMITS.keepAliveTimeoutMs,
    connectionsCheckingInterval: CONNECTION_LIMITS.checkIntervalMs,
  };
}

/** Caps the server's connections and closes those that never send a request head. */
export function guardConnections(server: Server): void {
  server.maxConnections = CONNECTION_LIMITS.maxConnections;
  // Insertion order is age order, so the first entry is the oldest connection still waiting.
  const waiting = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    if (waiting.size >= CONNECTION_LIMITS.maxWaiting) {
      const oldest = waiting.values().next().value;
      if (oldest) {
        waiting.delete(oldest);
        oldest.destroy();
      }
    }
    waiting.add(socket);
    // Node's headers deadline starts only with a request's first byte; this one also closes a connection that sends nothing.
    socket.setTimeout(CONNECTION_LIMITS.headersTimeoutMs, () => socket.destroy());
    socket.once('close', () => waiting.delete(socket));
  });
  server.on('request', (request: { socket: Socket }) => {
    waiting.delete(request.socket);
    // The head arrived: the request may now take as long as its work needs (a large backup, say).
    request.socket.setTimeout(0);
  });
}
