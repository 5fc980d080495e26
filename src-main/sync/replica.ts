/**
 * PouchDB as Lectio uses it (issue #21): the core with the replication protocol, the HTTP adapter for the server, and
 * the LevelDB adapter for the replica on disk. LevelDB's native module (leveldown 6) ships N-API prebuilds for Linux
 * (glibc and musl), macOS (x64 and arm64) and Windows inside its npm package, which node-gyp-build loads at run time
 * with no install script, and N-API binaries are ABI-stable, so the same file loads under Node and Electron.
 */
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import leveldbAdapter from 'pouchdb-adapter-leveldb';
import replication from 'pouchdb-replication';
import type { SyncedFields } from '../core/sync/merge';
import type { SyncedKind } from './library-records';

export const SyncPouch = PouchDB.plugin(httpAdapter).plugin(replication).plugin(leveldbAdapter);

/** A record in the replica: its synced fields with their stamps, and what it is. */
export interface ReplicaFields extends SyncedFields {
  kind: SyncedKind;
  documentId: string | null;
  /** The device that wrote this revision (for the conflict list: who edited). */
  device: string;
}

export type ReplicaDoc = PouchDB.Doc<ReplicaFields>;
export type Replica = PouchDB.Database<ReplicaFields>;

/** Opens (or creates) the replica in `folder`. */
export function openReplica(folder: string): Replica {
  return new SyncPouch<ReplicaFields>(folder, { adapter: 'leveldb' });
}

/** The server's database, with the credentials in the request headers, never in its address. */
export function remoteDatabase(
  url: string,
  database: string,
  credentials: { username: string; password: string } | null,
  options: { createIfMissing: boolean },
): Replica {
  const address = `${url.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;
  return new SyncPouch<ReplicaFields>(address, {
    adapter: 'http',
    skip_setup: !options.createIfMissing,
    ...(credentials && credentials.username ? { auth: credentials } : {}),
  });
}
