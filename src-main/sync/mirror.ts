/**
 * The library's writes, mirrored into the replica (issue #21). Given the replica ids a change touched, it reads each
 * record from the library and writes a new revision only where the library differs from the replica, stamping just
 * the fields that changed: so what sync itself applied to the library is never sent back as a new change, and a
 * full comparison (at start, after a backup is restored) writes only what really differs.
 */
import type { HybridClock } from '../core/sync/hlc';
import { canonical, recordLocalEdit, type SyncedFields } from '../core/sync/merge';
import type { LibraryStorage } from '../storage/library-storage';
import { IMMUTABLE_KINDS, parseReplicaId, readLocal, replicaId } from './library-records';
import type { Replica, ReplicaDoc, ReplicaFields } from './replica';

const EMPTY: SyncedFields = { fields: {}, stamps: {}, seen: {}, versions: {} };

function syncedOf(doc: ReplicaDoc | null): SyncedFields | null {
  if (!doc || doc._deleted) return null;
  return { fields: doc.fields, stamps: doc.stamps, seen: doc.seen ?? {}, versions: doc.versions ?? {} };
}

/** What a document's deletion takes with it in the replica: its text and annotations. */
async function childrenOf(replica: Replica, documentId: string): Promise<string[]> {
  const { rows } = await replica.allDocs({ startkey: `hl:${documentId}:`, endkey: `hl:${documentId}:\uffff` });
  return [
    replicaId.text(documentId),
    replicaId.dnote(documentId),
    replicaId.corr(documentId),
    replicaId.org(documentId),
    ...rows.map((r) => r.id),
  ];
}

/**
 * Each record's fields as the library and the replica last agreed on them (mirrored or applied). A field the library
 * changed since is a local edit; a field the replica changed since (received, not applied yet) is not, so a local
 * edit made while a change arrives never writes the old value back over it.
 */
export type MirrorBase = Map<string, Record<string, unknown>>;

/** The replica's fields with the library's edits since `known` laid over them. */
function withLocalEdits(
  current: Record<string, unknown>,
  known: Record<string, unknown>,
  local: Record<string, unknown>,
): Record<string, unknown> {
  const result = { ...current };
  for (const name of new Set([...Object.keys(known), ...Object.keys(local)])) {
    if (canonical(known[name]) === canonical(local[name])) continue;
    if (local[name] === undefined) delete result[name];
    else result[name] = local[name];
  }
  return result;
}

/**
 * Writes the library's version of each of `ids` into the replica where it differs; returns how many it wrote. A
 * write that lost a race with replication (409) is read and compared again once.
 */
export async function mirrorToReplica(
  storage: LibraryStorage,
  replica: Replica,
  ids: readonly string[],
  clock: HybridClock,
  base: MirrorBase,
  attempt = 0,
): Promise<number> {
  const wanted = [...new Set(ids)];
  for (const id of ids) {
    const key = parseReplicaId(id);
    if (key.kind === 'doc' && (await readLocal(storage, id)) === null)
      wanted.push(...(await childrenOf(replica, key.recordId)));
  }
  const keys = [...new Set(wanted)];
  const { rows } = await replica.allDocs({ keys, include_docs: true });
  const existing = new Map<string, ReplicaDoc>();
  const deletedRevs = new Map<string, string>();
  for (const row of rows) {
    if (row.doc) existing.set(row.id, row.doc as ReplicaDoc);
    else if (row.value?.deleted) deletedRevs.set(row.id, row.value.rev);
  }
  const writes: (ReplicaFields & { _id: string; _rev?: string; _deleted?: boolean })[] = [];
  // What the library and the replica agree on once the writes are saved (a write that loses a race is compared again).
  const agreed = new Map<string, Record<string, unknown>>();
  for (const id of keys) {
    const key = parseReplicaId(id);
    const doc = existing.get(id) ?? null;
    const local = await readLocal(storage, id);
    // A trashed document's text stays (the trash is undoable); it goes only with the document itself.
    if (key.kind === 'text' && local === null && (await readLocal(storage, replicaId.doc(key.recordId))) !== null)
      continue;
    if (local === null) {
      base.delete(id);
      if (doc) writes.push({ ...doc, _id: id, _rev: doc._rev, _deleted: true });
      continue;
    }
    // A text or a review never changes once written: only its first version is sent.
    if (doc && IMMUTABLE_KINDS.has(key.kind)) continue;
    const previous = syncedOf(doc);
    const known = base.get(id);
    const edited = previous && known ? withLocalEdits(previous.fields, known, local) : local;
    const next = recordLocalEdit(previous, edited, () => clock.next());
    agreed.set(id, local);
    if (!next) continue;
    const rev = doc?._rev ?? deletedRevs.get(id);
    writes.push({
      _id: id,
      ...(rev ? { _rev: rev } : {}),
      kind: key.kind,
      documentId: key.documentId,
      device: clock.device,
      ...(next ?? EMPTY),
    });
  }
  const results = writes.length > 0 ? await replica.bulkDocs(writes) : [];
  const lost = results.filter((result) => result.error).map((result) => result.id);
  for (const [id, fields] of agreed) if (!lost.includes(id)) base.set(id, fields);
  if (writes.length === 0) return 0;
  if (lost.length > 0 && attempt < 2) await mirrorToReplica(storage, replica, lost, clock, base, attempt + 1);
  return writes.length - lost.length;
}
