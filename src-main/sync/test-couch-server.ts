/**
 * Test support: a real CouchDB-protocol server in this process (express-pouchdb over in-memory PouchDB), on
 * 127.0.0.1 and a free port, behind HTTP basic authentication for one user, as a CouchDB with an admin would be. It
 * can cut every connection after N `_bulk_docs` requests (a replication killed halfway), say how many documents a
 * database holds, and be stopped and started again on the same port with its data kept (a server restart).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import memoryAdapter from 'pouchdb-adapter-memory';
import expressPouchDB from 'express-pouchdb';
import { SyncPouch } from './replica';

export const TEST_USER = 'reader';
export const TEST_PASSWORD = 's3cret-Pa55word';

// PouchDB's plugins change its one constructor, so the server shares the app's (HTTP, replication) and adds memory.
// The in-memory databases live as long as this process: a restarted server finds its data again.
const MemoryPouch = SyncPouch.plugin(memoryAdapter);
let serverCount = 0;

export interface TestCouchServer {
  url: string;
  /** How many documents database `name` holds now. */
  docCount(name: string): Promise<number>;
  /** After this many more `_bulk_docs` requests, every connection is cut (null: never). */
  cutAfterBulkDocs: number | null;
  stop(): Promise<void>;
  /** Starts again on the same port, with the same databases. */
  restart(): Promise<void>;
}

export async function startTestCouchServer(): Promise<TestCouchServer> {
  const prefix = `srv${++serverCount}-`;
  const Pouch = MemoryPouch.defaults({ adapter: 'memory', prefix } as never);
  const app = expressPouchDB(Pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const expected = `Basic ${Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`).toString('base64')}`;
  let server: Server | null = null;
  let port = 0;
  const sockets = new Set<Socket>();
  const state: TestCouchServer = {
    url: '',
    docCount: async (name) => (await new Pouch(name).info()).doc_count,
    cutAfterBulkDocs: null,
    stop,
    restart: listen,
  };
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.authorization !== expected) {
      response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="test"' });
      response.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
      return;
    }
    if (request.method === 'POST' && request.url?.includes('/_bulk_docs')) {
      if (state.cutAfterBulkDocs !== null && state.cutAfterBulkDocs-- <= 0) {
        for (const socket of sockets) socket.destroy();
        return;
      }
    }
    app(request, response);
  };
  async function listen(): Promise<void> {
    server = createServer(handle);
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    state.url = `http://127.0.0.1:${port}`;
  }
  async function stop(): Promise<void> {
    const closing = server;
    server = null;
    if (!closing) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  }
  await listen();
  return state;
}
