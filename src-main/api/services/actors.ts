/**
 * Actors across the library: dossiers, finding actors by name, and the reader's merges and splits across documents.
 * Reads only the actor index (storage.actors), never each document's files: a dossier reads the identities (kept by
 * the index until the names or the corrections change) and the full entries (mentions, sentences, quotations) of
 * only its own documents; finding actors reads every document's summary (who it names, how often).
 */
import { memberKey, normaliseName, type ActorIdentity, type ActorMemberRef } from '../../core/library/actor-identity';
import type { IndexedDocument } from '../../core/library/actor-index';
import { buildDossier } from '../../core/library/dossier';
import { LectioError } from '../../core/errors';
import type { StoredActorCorrection } from '../../storage/library-actors-store';
import type { ActorCorrectionView, ActorDossier, ActorMethods, ActorRef, ActorSummary, LectioApi } from '../contract';
import type { ServiceDeps } from './deps';

type Methods = Pick<LectioApi, keyof ActorMethods>;

interface Library {
  generation: number;
  identities: ActorIdentity[];
  byMember: Map<string, ActorIdentity>;
  byKey: Map<string, ActorIdentity>;
  corrections: StoredActorCorrection[];
  /** Mentions per identity key, counted when first asked for (finding actors), not for a dossier. */
  mentions?: Map<string, number>;
}

const toMember = (ref: ActorRef): ActorMemberRef => ({ docId: ref.documentId, actorId: ref.actorId });

export function actorMethods(deps: ServiceDeps): Methods {
  const { storage } = deps;
  let cached: Library | null = null;

  async function library(): Promise<Library> {
    const generation = storage.actors.generation;
    if (cached && cached.generation === generation) return cached;
    const corrections = await storage.actors.corrections();
    const grouped = await storage.actors.identities();
    cached = { ...grouped, generation, corrections };
    return cached;
  }

  async function mentionsOf(lib: Library): Promise<Map<string, number>> {
    if (lib.mentions) return lib.mentions;
    const mentions = new Map<string, number>();
    for (const doc of (await storage.actors.summaries()).values())
      for (const a of doc.actors) {
        const key = lib.byMember.get(memberKey({ docId: doc.documentId, actorId: a.id }))?.key;
        if (key) mentions.set(key, (mentions.get(key) ?? 0) + a.mentions);
      }
    lib.mentions = mentions;
    return mentions;
  }

  function identityOf(lib: Library, input: { key: string } | ActorRef): ActorIdentity {
    const found = 'key' in input ? lib.byKey.get(input.key) : lib.byMember.get(memberKey(toMember(input)));
    if (!found)
      throw new LectioError(
        'not-found',
        'key' in input
          ? `No actor ${input.key} in the analysed documents.`
          : `Actor ${input.actorId} is not in the analysed documents (open the article once to analyse it).`,
      );
    return found;
  }

  function describe(
    docs: ReadonlyMap<string, IndexedDocument>,
    correction: StoredActorCorrection,
  ): ActorCorrectionView {
    const nameOf = (ref: ActorMemberRef) =>
      docs.get(ref.docId)?.actors.find((a) => a.id === ref.actorId)?.name ?? ref.actorId;
    const titleOf = (ref: ActorMemberRef) => docs.get(ref.docId)?.title ?? 'a deleted document';
    const label =
      correction.type === 'merge'
        ? `Merged “${nameOf(correction.a)}” and “${nameOf(correction.b)}” (${titleOf(correction.b)})`
        : `Split “${nameOf(correction.members[0]!)}” out of ${correction.members.length} document${
            correction.members.length === 1 ? '' : 's'
          } (${titleOf(correction.members[0]!)}${correction.members.length > 1 ? ', …' : ''})`;
    return { id: correction.id, type: correction.type, at: correction.at, label };
  }

  async function dossierOf(lib: Library, identity: ActorIdentity): Promise<ActorDossier> {
    const members = new Set(identity.members.map(memberKey));
    // A split also concerns the dossier it was taken out of: one naming the split actors by any of its names.
    const names = new Set([identity.name, ...identity.aliases].map(normaliseName));
    // The documents the corrections name, for their actors' names and titles: a few, read from the index.
    const named = await storage.actors.documentsOf(
      lib.corrections.flatMap((c) => (c.type === 'merge' ? [c.a.docId, c.b.docId] : c.members.map((m) => m.docId))),
    );
    const nameOf = (ref: ActorMemberRef) => named.get(ref.docId)?.actors.find((a) => a.id === ref.actorId)?.name ?? '';
    const concerns = (c: StoredActorCorrection) =>
      c.type === 'merge'
        ? members.has(memberKey(c.a)) || members.has(memberKey(c.b))
        : c.members.some((m) => members.has(memberKey(m)) || names.has(normaliseName(nameOf(m))));
    const total = storage.documents.list().length;
    const analysed = await storage.actors.analysedCount();
    return {
      ...buildDossier(identity, await storage.actors.documentsOf(identity.members.map((m) => m.docId)), lib.byMember),
      analysedDocuments: analysed,
      unanalysedDocuments: Math.max(0, total - analysed),
      corrections: lib.corrections.filter(concerns).map((c) => describe(named, c)),
    };
  }

  return {
    async getDossier(input) {
      const lib = await library();
      return dossierOf(lib, identityOf(lib, input));
    },

    async findActors({ query, limit = 8 }) {
      const q = normaliseName(query);
      if (!q) return [];
      const lib = await library();
      const rank = (identity: ActorIdentity): number => {
        const name = normaliseName(identity.name);
        if (name === q) return 0;
        if (name.startsWith(q)) return 1;
        if (` ${name}`.includes(` ${q}`)) return 2;
        return identity.aliases.some((alias) => ` ${normaliseName(alias)}`.includes(` ${q}`)) ? 3 : -1;
      };
      const found: { identity: ActorIdentity; rank: number; mentions: number }[] = [];
      const mentions = await mentionsOf(lib);
      for (const identity of lib.identities) {
        const r = rank(identity);
        if (r >= 0) found.push({ identity, rank: r, mentions: mentions.get(identity.key) ?? 0 });
      }
      found.sort(
        (a, b) => a.rank - b.rank || b.mentions - a.mentions || a.identity.name.localeCompare(b.identity.name),
      );
      return found.slice(0, limit).map(({ identity, mentions }): ActorSummary => ({
        key: identity.key,
        name: identity.name,
        kind: identity.kind,
        aliases: identity.aliases.slice(0, 5),
        documents: new Set(identity.members.map((m) => m.docId)).size,
        mentions,
      }));
    },

    async mergeActors({ key, into }) {
      const before = await library();
      const from = identityOf(before, { key });
      const target = identityOf(before, { key: into });
      if (from.key === target.key) throw new LectioError('invalid-argument', 'An actor cannot be merged with itself.');
      if (from.kind !== target.kind)
        throw new LectioError(
          'invalid-argument',
          `${from.name} is a ${from.kind} and ${target.name} a ${target.kind}: only actors of one kind can be merged.`,
        );
      const keep = target.members[0]!;
      await storage.actors.addCorrection({ type: 'merge', a: keep, b: from.members[0]! });
      const after = await library();
      return dossierOf(after, identityOf(after, { documentId: keep.docId, actorId: keep.actorId }));
    },

    async splitActor({ key, members }) {
      const before = await library();
      const identity = identityOf(before, { key });
      const held = new Set(identity.members.map(memberKey));
      const refs = members.map(toMember);
      const outside = refs.find((ref) => !held.has(memberKey(ref)));
      if (outside)
        throw new LectioError(
          'invalid-argument',
          `${outside.actorId} in ${outside.docId} is not part of ${identity.name}.`,
        );
      if (new Set(refs.map(memberKey)).size >= held.size)
        throw new LectioError(
          'invalid-argument',
          'Leave at least one document with the actor: choose fewer to split off.',
        );
      await storage.actors.addCorrection({ type: 'split', members: refs });
      const after = await library();
      return dossierOf(after, identityOf(after, { documentId: refs[0]!.docId, actorId: refs[0]!.actorId }));
    },

    async undoActorCorrection({ id, ref }) {
      await storage.actors.removeCorrection(id);
      const after = await library();
      return dossierOf(after, identityOf(after, ref));
    },
  };
}
