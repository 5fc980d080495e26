/**
 * Who is who across the library, as the dossiers see it (core/library/actor-identity.ts over the actor index, with the
 * reader's library merges and splits replayed), for the actor quiz and the role-change questions. Grouped again only
 * when the names in the index or the corrections change (the index keeps them, on disk too).
 */
import { memberKey, type ActorIdentity } from '../../core/library/actor-identity';
import type { IndexedIdentities } from '../../core/library/actor-index';
import type { ServiceDeps } from './deps';

export type LibraryIdentities = IndexedIdentities;

export function libraryIdentities(deps: ServiceDeps): () => Promise<LibraryIdentities> {
  // The index keeps the grouping until the names or the corrections change.
  return () => deps.storage.actors.identities();
}

/** The identity a document's actor belongs to, or undefined when its document is not in the index yet. */
export function identityOf(ids: LibraryIdentities, docId: string, actorId: string): ActorIdentity | undefined {
  return ids.byMember.get(memberKey({ docId, actorId }));
}
