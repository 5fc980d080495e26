/**
 * Settles the replica's conflicts (issue #21): when two devices changed one record apart, CouchDB keeps both
 * revisions and picks a winner by revision tree, not by clock. Here every conflicting revision is merged field by
 * field (core/sync/merge.ts) into one written on the winner, and the others are deleted, the standard CouchDB way to
 * resolve; a note edited on both sides keeps both texts in the merged record until the reader chooses. The merge is
 * deterministic, so two devices settling the same conflict write the same revision.
 */
import type { HybridClock } from '../core/sync/hlc';
import { mergeFields, type SyncedFields } from '../core/sync/merge';
import { concurrentRuleOf, IMMUTABLE_KINDS, textFieldsOf } from './library-records';
import type { Replica, ReplicaDoc } from './replica';

function synced(doc: ReplicaDoc): SyncedFields {
  return { fields: doc.fields, stamps: doc.stamps ?? {}, seen: doc.seen ?? {}, versions: doc.versions ?? {} };
}

/** The newest stamp in a record, so the clock moves past every edit received. */
function newestStamp(doc: ReplicaDoc): string {
  return Object.values(doc.stamps ?? {}).reduce((a, b) => (a > b ? a : b), '');
}

/** Whether a record holds texts left for the reader to choose between. */
export function hasOpenVersions(doc: { versions?: Record<string, unknown[]> }): boolean {
  return Object.values(doc.versions ?? {}).some((versions) => versions.length > 1);
}

/**
 * Merges the conflicts among `ids`; returns the records merged, each with whether texts were left for the reader.
 * The records are read a thousand at a time (a first pull brings tens of thousands), and only those with conflicting
 * revisions are read again.
 */
export async function settleConflicts(
  replica: Replica,
  ids: readonly string[],
  clock: HybridClock,
): Promise<{ id: string; open: boolean }[]> {
  const merged: { id: string; open: boolean }[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 1000) {
    const { rows } = await replica.allDocs({ keys: unique.slice(i, i + 1000), include_docs: true, conflicts: true });
    for (const row of rows) {
      const winner = row.doc as ReplicaDoc | null | undefined;
      if (!winner) continue;
      clock.observe(newestStamp(winner));
      if ((winner._conflicts ?? []).length > 0)
        merged.push({ id: winner._id, open: await settle(replica, winner, clock) });
    }
  }
  return merged;
}

/** Writes the merge of the record's revisions; returns whether it left texts for the reader. */
async function settle(replica: Replica, winner: ReplicaDoc, clock: HybridClock): Promise<boolean> {
  const id = winner._id;
  const losingRevs = [...(winner._conflicts ?? [])].sort();
  const losers = await Promise.all(losingRevs.map((rev) => replica.get(id, { rev }) as Promise<ReplicaDoc>));
  for (const loser of losers) clock.observe(newestStamp(loser));
  const { _conflicts: _list, ...winning } = winner;
  let result = synced(winner);
  if (!IMMUTABLE_KINDS.has(winner.kind)) {
    for (const loser of losers)
      result = mergeFields(result, synced(loser), textFieldsOf(winner.kind), concurrentRuleOf(winner.kind));
  }
  await replica.bulkDocs([
    { ...winning, ...result },
    ...losers.map((loser) => ({ _id: id, _rev: loser._rev, _deleted: true })),
  ]);
  return hasOpenVersions(result);
}
