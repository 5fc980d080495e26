/**
 * Types for the parts of PouchDB 9 that sync uses. DefinitelyTyped's @types/pouchdb-core (written for PouchDB 7)
 * declares a global Buffer and pulls the DOM library into every Node file, which breaks the Node and pure-core
 * typechecks, so the few calls used here are typed by hand.
 */
declare module 'pouchdb-core' {
  namespace PouchDB {
    interface Meta {
      _id: string;
      _rev: string;
      _deleted?: boolean;
      _conflicts?: string[];
      /** With `attachments: true, binary: true`, each attachment's bytes as a Buffer (Node); otherwise stubs. */
      _attachments?: Record<string, { content_type: string; data?: unknown; digest?: string; stub?: boolean }>;
    }
    type Doc<T> = T & Meta;
    interface NewDoc {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
    }
    interface WriteResult {
      ok?: boolean;
      id: string;
      rev?: string;
      error?: string | boolean;
      status?: number;
      message?: string;
    }
    interface AllDocsRow<T> {
      id: string;
      key: string;
      value: { rev: string; deleted?: boolean };
      doc?: Doc<T> | null;
      error?: string;
    }
    interface AllDocsOptions {
      include_docs?: boolean;
      conflicts?: boolean;
      keys?: string[];
      startkey?: string;
      endkey?: string;
      limit?: number;
    }
    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      last_seq: number | string;
      status: string;
      errors: unknown[];
    }
    interface ReplicationChange<T> {
      docs: Doc<T>[];
      docs_read: number;
      docs_written: number;
      last_seq: number | string;
    }
    interface ReplicateOptions {
      live?: boolean;
      retry?: boolean;
      batch_size?: number;
      batches_limit?: number;
      /** Only these documents (a filtered replication with its own checkpoint). */
      doc_ids?: string[];
      checkpoint?: 'source' | 'target' | false;
      back_off_function?: (delay: number) => number;
      heartbeat?: number | false;
      timeout?: number | false;
    }
    interface Replication<T> extends Promise<ReplicationResult> {
      on(event: 'change', listener: (info: ReplicationChange<T>) => void): this;
      on(event: 'complete', listener: (info: ReplicationResult) => void): this;
      on(event: 'error' | 'denied', listener: (error: unknown) => void): this;
      on(event: 'paused', listener: (error?: unknown) => void): this;
      on(event: 'active', listener: () => void): this;
      cancel(): void;
    }
    interface SyncChange<T> {
      direction: 'push' | 'pull';
      change: ReplicationChange<T>;
    }
    interface Sync<T> {
      on(event: 'change', listener: (info: SyncChange<T>) => void): this;
      on(event: 'error' | 'denied', listener: (error: unknown) => void): this;
      on(event: 'paused', listener: (error?: unknown) => void): this;
      on(event: 'active' | 'complete', listener: () => void): this;
      cancel(): void;
    }
    interface Database<T extends object = object> {
      readonly name: string;
      get(
        id: string,
        options?: { conflicts?: boolean; rev?: string; attachments?: boolean; binary?: boolean },
      ): Promise<Doc<T>>;
      put(doc: T & NewDoc): Promise<WriteResult>;
      bulkDocs(docs: (T | object)[] | (T & NewDoc)[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
      allDocs(options?: AllDocsOptions): Promise<{ total_rows: number; rows: AllDocsRow<T>[] }>;
      info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
      changes(options: { since?: number | string; limit?: number; include_docs?: boolean }): Promise<{
        results: { id: string; seq: number | string; deleted?: boolean }[];
        last_seq: number | string;
      }>;
      close(): Promise<void>;
      destroy(): Promise<void>;
      replicate: {
        to(target: Database<T> | string, options?: ReplicateOptions): Replication<T>;
        from(source: Database<T> | string, options?: ReplicateOptions): Replication<T>;
      };
      sync(remote: Database<T> | string, options?: ReplicateOptions): Sync<T>;
    }
    interface Options {
      adapter?: string;
      skip_setup?: boolean;
      auth?: { username: string; password: string };
      fetch?: (url: string, init: RequestInit) => Promise<Response>;
    }
    interface Static {
      new <T extends object = object>(name: string, options?: Options): Database<T>;
      plugin(plugin: unknown): Static;
      defaults(options: Options): Static;
    }
  }
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-leveldb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  const expressPouchDB: (PouchDB: unknown, options?: Record<string, unknown>) => RequestListener;
  export default expressPouchDB;
}
