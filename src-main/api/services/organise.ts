/**
 * The organising part of the service: collections, tags, archiving, reading positions, the Library's remembered
 * view, acting on many documents at once, and deleting with Undo. Everything the Library needs comes from the index
 * and the organisation file: no document file is read to list, filter or sort.
 */
import { normaliseTags, type DocumentOrganisation } from '../../core/library/organisation';
import type { DocumentMeta } from '../../core/model';
import type { LectioApi } from '../contract';
import type { ServiceDeps } from './deps';
import { LectioError } from '../../core/errors';

type OrganiseMethods = Pick<
  LectioApi,
  | 'getOrganisation'
  | 'getDueByDocument'
  | 'getDocumentOrganisation'
  | 'createCollection'
  | 'renameCollection'
  | 'deleteCollection'
  | 'organiseDocuments'
  | 'setDocumentTags'
  | 'saveReadingPosition'
  | 'setLibraryView'
  | 'deleteDocuments'
  | 'undoDeleteDocuments'
  | 'purgeDeletedDocuments'
  | 'exportDocuments'
>;

/** The other parts of the API this one builds on: the due cards and each document's Markdown export. */
type Peers = Pick<LectioApi, 'getDueCounts' | 'exportAnnotations'>;

const summarise = (meta: DocumentMeta) => ({ ...meta, highlightCount: meta.highlightCount ?? 0 });

export function organiseMethods(deps: ServiceDeps, peers: () => Peers): OrganiseMethods {
  const { storage, now, newId } = deps;
  const org = storage.organisation;

  /** A collection name as stored: spaces collapsed; refused when empty or already taken (case-insensitively). */
  function collectionName(name: string, except?: string): string {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!clean) throw new LectioError('invalid-argument', 'A collection needs a name.');
    const taken = org
      .collections()
      .find((c) => c.id !== except && c.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
    if (taken) throw new LectioError('invalid-argument', `There is already a collection called “${taken.name}”.`);
    return clean;
  }

  /** Checks every id before anything changes: a change to many documents is made to all or to none. */
  function requireDocuments(ids: readonly string[]): void {
    for (const id of ids) storage.documents.meta(id);
  }

  return {
    async getOrganisation() {
      return {
        collections: org.collections(),
        documents: structuredClone(org.documents()) as Record<string, DocumentOrganisation>,
        view: org.view(),
        deleted: storage.documents.trashed().map(({ id, title, deletedAt }) => ({ id, title, deletedAt })),
      };
    },

    async getDueByDocument() {
      const { dueIds } = await peers().getDueCounts({});
      // The cards' summaries say each one's document: no card's content is read.
      await storage.cards.schedulesReady();
      const due = new Set(dueIds);
      const counts: Record<string, number> = {};
      for (const card of storage.cards.summaries()) {
        const documentId = card.documentId;
        if (documentId && due.has(card.id)) counts[documentId] = (counts[documentId] ?? 0) + 1;
      }
      return counts;
    },

    async getDocumentOrganisation({ id }) {
      requireDocuments([id]);
      return org.of(id);
    },

    async createCollection({ name }) {
      const collection = { id: newId(), name: collectionName(name), createdAt: now().toISOString() };
      await org.addCollection(collection);
      return collection;
    },

    async renameCollection({ id, name }) {
      org.collection(id);
      return org.renameCollection(id, collectionName(name, id));
    },

    async deleteCollection({ id }) {
      await org.deleteCollection(id);
      return { id };
    },

    async organiseDocuments({ ids, addTags, removeTags, addToCollection, removeFromCollection, archived }) {
      requireDocuments(ids);
      for (const collection of [addToCollection, removeFromCollection]) if (collection) org.collection(collection);
      const adding = normaliseTags(addTags ?? []);
      const removing = new Set(normaliseTags(removeTags ?? []));
      return org.update(ids, (record) => ({
        ...record,
        tags: normaliseTags([...record.tags, ...adding]).filter((tag) => !removing.has(tag)),
        collections: [...new Set([...record.collections, ...(addToCollection ? [addToCollection] : [])])].filter(
          (c) => c !== removeFromCollection,
        ),
        archived: archived ?? record.archived,
      }));
    },

    async setDocumentTags({ id, tags }) {
      requireDocuments([id]);
      const saved = await org.update([id], (record) => ({ ...record, tags: normaliseTags(tags) }));
      return saved[id] as DocumentOrganisation;
    },

    async saveReadingPosition({ id, offset, progress }) {
      requireDocuments([id]);
      // Progress only grows: scrolling back up to reread a passage does not make a finished article unread.
      const saved = await org.update([id], (record) => ({
        ...record,
        position: { offset, at: now().toISOString() },
        progress: Math.max(record.progress, Math.min(1, Math.max(0, progress))),
      }));
      return saved[id] as DocumentOrganisation;
    },

    async setLibraryView({ view }) {
      if (view.filter.collection) org.collection(view.filter.collection);
      await org.setView(view);
      return org.view();
    },

    async deleteDocuments({ ids }) {
      const metas = await storage.documents.trash(ids, now().toISOString());
      return {
        deleted: storage.documents
          .trashed()
          .filter((doc) => metas.some((m) => m.id === doc.id))
          .map(({ id, title, deletedAt }) => ({ id, title, deletedAt })),
      };
    },

    async undoDeleteDocuments({ ids }) {
      return { documents: (await storage.documents.untrash(ids)).map(summarise) };
    },

    async purgeDeletedDocuments({ ids }) {
      const purged = await storage.documents.purge(ids);
      await org.forget(purged);
      return { purged: purged.length };
    },

    async exportDocuments({ ids }) {
      requireDocuments(ids);
      const parts: string[] = [];
      // One after another: the export service runs one export at a time.
      for (const id of ids)
        parts.push((await peers().exportAnnotations({ documentId: id, format: 'markdown' })).content.trimEnd());
      const stamp = now().toISOString().slice(0, 10);
      return {
        fileName: `lectio-${ids.length}-articles-${stamp}.md`,
        mimeType: 'text/markdown',
        content: `${parts.join('\n\n---\n\n')}\n`,
      };
    },
  };
}
