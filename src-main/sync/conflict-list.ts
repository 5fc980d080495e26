/**
 * The conflicts left for the reader (issue #21): notes edited on two devices apart, whose texts the merged record
 * keeps side by side until the reader picks one (or writes their own merge of both). Nothing is dropped before that.
 */
import type { SyncConflict } from '../api/contract';
import { LectioError } from '../core/errors';
import { parseStamp, type HybridClock } from '../core/sync/hlc';
import { resolveText } from '../core/sync/merge';
import type { LibraryStorage } from '../storage/library-storage';
import { parseReplicaId } from './library-records';
import type { Replica, ReplicaDoc } from './replica';

const NOTE = 'note';

async function withVersions(replica: Replica, ids: readonly string[]): Promise<ReplicaDoc[]> {
  if (ids.length === 0) return [];
  const { rows } = await replica.allDocs({ include_docs: true, keys: [...ids] });
  return rows.flatMap((row) => {
    const doc = row.doc as ReplicaDoc | null | undefined;
    return doc && !doc._deleted && (doc.versions?.[NOTE]?.length ?? 0) > 1 ? [doc] : [];
  });
}

/**
 * The unresolved note conflicts among `ids` (the records the engine knows hold open versions: scanning every highlight
 * of a large library for them would take seconds), with each side's text, newest first.
 */
export async function listConflicts(
  storage: LibraryStorage,
  replica: Replica,
  ids: readonly string[],
): Promise<SyncConflict[]> {
  const docs = await withVersions(replica, ids);
  const titles = new Map(storage.documents.list().map((d) => [d.id, d.title]));
  return docs.flatMap((doc): SyncConflict[] => {
    const documentId = parseReplicaId(doc._id).documentId ?? '';
    const title = titles.get(documentId);
    if (title === undefined) return [];
    const selectors = doc.fields.selectors as [unknown, { exact?: string }] | undefined;
    return [
      {
        id: doc._id,
        kind: doc.kind === 'hl' ? 'highlight-note' : 'document-note',
        documentId,
        documentTitle: title,
        quote: doc.kind === 'hl' ? (selectors?.[1]?.exact ?? '') : null,
        versions: (doc.versions[NOTE] ?? []).map((version) => {
          const stamp = parseStamp(version.stamp);
          return {
            text: version.text,
            editedAt: stamp ? new Date(stamp.wallMs).toISOString() : '',
            device: stamp?.device ?? '',
          };
        }),
      },
    ];
  });
}

/** Settles conflict `id` with the reader's `text`; throws a 'not-found' LectioError when there is no such conflict. */
export async function resolveConflict(replica: Replica, id: string, text: string, clock: HybridClock): Promise<void> {
  const doc = (await replica.get(id).catch(() => null)) as ReplicaDoc | null;
  if (!doc || (doc.versions?.[NOTE]?.length ?? 0) < 2)
    throw new LectioError('not-found', 'This conflict was already resolved, here or on another device.');
  const resolved = resolveText(
    { fields: doc.fields, stamps: doc.stamps, seen: doc.seen ?? {}, versions: doc.versions ?? {} },
    NOTE,
    text,
    clock.next(),
  );
  await replica.put({ ...doc, ...resolved, device: clock.device });
}
