/**
 * Settles the replica's conflicts (issue #21): when two devices changed one record apart, CouchDB keeps both
 * revisions and picks a winner by revision tree, not by clock. Here every conflicting revision is merged field by
 * field (core/sync/merge.ts) into one written on the winner, and the others are deleted, the standard CouchDB way to
 * resolve; a note edited on both sides keeps both texts in the merged record until the reader chooses. The merge is
 * deterministic, so two devices settling the same conflict write the same revision.
 */
import type { HybridClock } from '../core/sync/hlc';
import { mergeFields, type SyncedFields } from '../core/sync/merge';
import { IMMUTABLE_KINDS, textFieldsOf } from './library-records';
import type { Replica, ReplicaDoc } from './replica';

function synced(doc: ReplicaDoc): SyncedFields {
  return { fields: doc.fields, stamps: doc.stamps ?? {}, seen: doc.seen ?? {}, versions: doc.versions ?? {} };
}

/** The newest stamp in a record, so the clock moves past every edit received. */
function newestStamp(doc: ReplicaDoc): string {
  return Object.values(doc.stamps ?? {}).reduce((a, b) => (a > b ? a : b), '');
}

/** Merges the conflicts among `ids`; returns how many records were merged. */
export async function settleConflicts(replica: Replica, ids: readonly string[], clock: HybridClock): Promise<number> {
  let merged = 0;
  for (const id of new Set(ids)) {
    const winner = (await replica.get(id, { conflicts: true }).catch(() => null)) as ReplicaDoc | null;
    if (!winner) continue;
    clock.observe(newestStamp(winner));
    const losingRevs = [...(winner._conflicts ?? [])].sort();
    if (losingRevs.length === 0) continue;
    const losers = await Promise.all(losingRevs.map((rev) => replica.get(id, { rev }) as Promise<ReplicaDoc>));
    for (const loser of losers) clock.observe(newestStamp(loser));
    const { _conflicts: _list, ...winning } = winner;
    let result = synced(winner);
    if (!IMMUTABLE_KINDS.has(winner.kind)) {
      for (const loser of losers) result = mergeFields(result, synced(loser), textFieldsOf(winner.kind));
    }
    await replica.bulkDocs([
      { ...winning, ...result },
      ...losers.map((loser) => ({ _id: id, _rev: loser._rev, _deleted: true })),
    ]);
    merged++;
  }
  return merged;
}
