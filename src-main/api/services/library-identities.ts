/**
 * Who is who across the library, as the dossiers see it (core/library/actor-identity.ts over the actor index, with the
 * reader's library merges and splits replayed), for the actor quiz and the role-change questions. Grouped again only
 * when the index or the corrections change.
 */
import { memberKey, type ActorIdentity } from '../../core/library/actor-identity';
import { identitiesOfIndex, type IndexedIdentities } from '../../core/library/actor-index';
import type { ServiceDeps } from './deps';

export type LibraryIdentities = IndexedIdentities;

export function libraryIdentities(deps: ServiceDeps): () => Promise<LibraryIdentities> {
  const { storage } = deps;
  let cached: (LibraryIdentities & { generation: number }) | null = null;
  return async () => {
    const generation = storage.actors.generation;
    if (cached && cached.generation === generation) return cached;
    const documents = await storage.actors.documents();
    const corrections = await storage.actors.corrections();
    const grouped = { generation, ...identitiesOfIndex(documents.values(), corrections) };
    cached = grouped;
    return grouped;
  };
}

/** The identity a document's actor belongs to, or undefined when its document is not in the index yet. */
export function identityOf(ids: LibraryIdentities, docId: string, actorId: string): ActorIdentity | undefined {
  return ids.byMember.get(memberKey({ docId, actorId }));
}
