/**
 * Who the library timeline's actor filter means: each document's actor names mapped to their cross-document
 * identity (core/library/actor-identity, over the actor index, with the reader's library merges and splits), so
 * filtering by "Vladimir Putin" also finds the events that name him "Putin" in another article. A name the actor index
 * does not know (a document analysed since, an actor named only in a clause) falls back to its folded name.
 */
import { memberKey, normaliseName } from '../../core/library/actor-identity';
import { foldName } from '../../core/library/date-index';
import type { ServiceStorage } from './deps';

export interface TimelineActors {
  keyOf: (documentId: string, name: string) => string;
  nameOf: (key: string) => string | undefined;
}

export function timelineActors(storage: Pick<ServiceStorage, 'actors'>): () => Promise<TimelineActors> {
  let cached: { generation: number; actors: TimelineActors } | null = null;

  return async () => {
    const generation = storage.actors.generation;
    if (cached?.generation === generation) return cached.actors;
    const documents = await storage.actors.summaries();
    const { identities, byMember } = await storage.actors.identities();
    const names = new Map(identities.map((identity) => [identity.key, identity.name]));
    // Each document's names and aliases, normalised, to the identity of the actor holding them.
    const byDocument = new Map<string, Map<string, string>>();
    for (const doc of documents.values()) {
      const keys = new Map<string, string>();
      for (const actor of doc.actors) {
        const identity = byMember.get(memberKey({ docId: doc.documentId, actorId: actor.id }));
        if (!identity) continue;
        for (const name of [actor.name, ...actor.aliases]) {
          const normal = normaliseName(name);
          if (normal && !keys.has(normal)) keys.set(normal, identity.key);
        }
      }
      byDocument.set(doc.documentId, keys);
    }
    // The same few names come back in thousands of events: each is normalised once.
    const normal = new Map<string, string>();
    const normalOf = (name: string) => {
      let found = normal.get(name);
      if (found === undefined) normal.set(name, (found = normaliseName(name)));
      return found;
    };
    // A name no identity holds is keyed by its folded spelling, the same in every document: folded once.
    const byName = new Map<string, string>();
    const fallback = (name: string) => {
      let found = byName.get(name);
      if (found === undefined) byName.set(name, (found = `name:${foldName(name)}`));
      return found;
    };
    const actors: TimelineActors = {
      keyOf: (documentId, name) => byDocument.get(documentId)?.get(normalOf(name)) ?? fallback(name),
      nameOf: (key) => names.get(key),
    };
    cached = { generation, actors };
    return actors;
  };
}
