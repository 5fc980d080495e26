/**
 * Applies what arrived in the replica to the library (issue #21), through the repositories, in as few writes as it
 * can: one per document's annotations, one for the cards, one for the review logs. Each write is reported on the
 * change feed like any other; the mirror (mirror.ts) then finds the library equal to the replica and sends nothing
 * back. A record that cannot be placed yet (a highlight whose document has not arrived) stays in the replica and is
 * applied when its document comes.
 */
import type { Corrections } from '../core/analysis/corrections';
import type { Collection } from '../core/library/organisation';
import { organisationOf } from '../core/sync/organisation-fields';
import type { Highlight } from '../core/annotations/highlight';
import type { StoredCard } from '../core/cards/card';
import { replayReviews, type ReviewFact } from '../core/cards/replay';
import type { DocumentBody, DocumentMeta } from '../core/model';
import type { QuizSessionRecord } from '../core/quiz/session';
import { canonical } from '../core/sync/merge';
import type { LibraryStorage } from '../storage/library-storage';
import type { SettingsUpdate } from '../storage/settings-repository';
import { eventAnswerSchema } from '../storage/event-answer-repository';
import { parseReplicaId, readLocal, replicaId } from './library-records';
import { picturesOf, receiveArrivedPictures, receivePictures } from './pictures';
import type { Replica, ReplicaDoc } from './replica';

export interface ApplyOptions {
  fuzz: boolean;
  zone: string;
}

/** The replica's current records under `prefix` (a document's highlights, a card's reviews), deleted ones left out. */
async function underPrefix(replica: Replica, prefix: string): Promise<ReplicaDoc[]> {
  const { rows } = await replica.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\uffff` });
  return rows.flatMap((row) => (row.doc && !row.doc._deleted ? [row.doc as ReplicaDoc] : []));
}

async function differs(storage: LibraryStorage, doc: ReplicaDoc): Promise<boolean> {
  return canonical(await readLocal(storage, doc._id)) !== canonical(doc.fields);
}

/**
 * Applies the replica's winning versions of `ids` (already merged) to the library; ids whose replica record is
 * deleted are deleted locally. Returns how many records changed the library.
 */
export async function applyToLibrary(
  storage: LibraryStorage,
  replica: Replica,
  ids: readonly string[],
  options: ApplyOptions,
): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows } = await replica.allDocs({ keys: [...new Set(ids)], include_docs: true });
  const current: ReplicaDoc[] = [];
  const deleted: string[] = [];
  for (const row of rows) {
    if (row.doc && !row.doc._deleted) current.push(row.doc as ReplicaDoc);
    else if (row.value?.deleted) deleted.push(row.id);
  }
  let applied = 0;
  const documentIds = new Set(storage.documents.list().map((d) => d.id));
  for (const doc of storage.documents.trashed()) documentIds.add(doc.id);

  // Documents first: their annotations can only be placed once they are in the library.
  const arrived = new Set<string>();
  for (const doc of current.filter((d) => d.kind === 'doc' || d.kind === 'text')) {
    const id = parseReplicaId(doc._id).recordId;
    if (doc.kind === 'doc' && documentIds.has(id)) {
      if (await differs(storage, doc)) {
        await updateDocument(storage, id, doc.fields as unknown as DocumentMeta & { deletedAt?: string });
        applied++;
      }
      continue;
    }
    if (documentIds.has(id) || arrived.has(id)) continue;
    const [meta, text] = await Promise.all([
      doc.kind === 'doc' ? doc : replica.get(replicaId.doc(id)).catch(() => null),
      doc.kind === 'text' ? doc : replica.get(replicaId.text(id)).catch(() => null),
    ]);
    if (!meta || !text || meta._deleted || text._deleted) continue;
    const fields = meta.fields as unknown as DocumentMeta & { deletedAt?: string };
    const { deletedAt, ...listed } = fields;
    // Its pictures first, so the document never shows one missing when they have arrived with it.
    applied += (await receivePictures(storage, replica, picturesOf(text.fields.body as DocumentBody, fields.leadImage)))
      .length;
    await storage.documents.add({ ...listed, highlightCount: 0 }, text.fields.body as DocumentBody);
    if (deletedAt) await storage.documents.trash([id], deletedAt);
    arrived.add(id);
    documentIds.add(id);
    applied++;
  }
  applied += (await receiveArrivedPictures(storage, replica, ids)).length;
  for (const id of deleted) {
    const key = parseReplicaId(id);
    if (key.kind === 'doc' && storage.documents.list().some((d) => d.id === key.recordId)) {
      await storage.documents.delete(key.recordId);
      await storage.organisation.forget([key.recordId]);
      documentIds.delete(key.recordId);
      applied++;
    }
  }
  // A document that just arrived brings its annotations, which may have arrived before it.
  const listed = new Set(current.map((doc) => doc._id));
  for (const id of arrived) {
    const children = [
      ...(await underPrefix(replica, `hl:${id}:`)),
      ...(await underPrefix(replica, replicaId.dnote(id))),
      ...(await underPrefix(replica, replicaId.corr(id))),
      ...(await underPrefix(replica, replicaId.org(id))).filter((doc) => doc._id === replicaId.org(id)),
    ];
    current.push(...children.filter((doc) => !listed.has(doc._id)));
  }

  applied += await applyOrganisation(storage, current, deleted, documentIds);
  applied += await applyAnnotations(storage, current, deleted, documentIds);
  applied += await applyCards(storage, current, deleted);
  applied += await applyReviews(storage, replica, current, deleted, options);
  for (const doc of current) {
    if (doc.kind === 'quiz' && (await differs(storage, doc))) {
      await storage.quiz.putSession(doc.fields as unknown as QuizSessionRecord);
      applied++;
    } else if (doc.kind === 'settings' && (await differs(storage, doc))) {
      await storage.settings.update(doc.fields as SettingsUpdate);
      applied++;
    } else if (doc.kind === 'ans' && (await differs(storage, doc))) {
      // Checked as the file checks it: a record from another version or a damaged one is left in the replica.
      const answer = eventAnswerSchema.safeParse(doc.fields);
      if (!answer.success) continue;
      await storage.eventAnswers.answer(parseReplicaId(doc._id).recordId, answer.data);
      applied++;
    }
  }
  return applied;
}

async function updateDocument(
  storage: LibraryStorage,
  id: string,
  fields: DocumentMeta & { deletedAt?: string },
): Promise<void> {
  const { deletedAt, id: _id, highlightCount: _count, ...change } = fields;
  const trashed = storage.documents.trashed().some((d) => d.id === id);
  if (trashed && !deletedAt) await storage.documents.untrash([id]);
  if (!storage.documents.trashed().some((d) => d.id === id)) await storage.documents.updateMeta(id, change);
  if (deletedAt && !storage.documents.trashed().some((d) => d.id === id))
    await storage.documents.trash([id], deletedAt);
}

/** Collections first, so the memberships that arrive with them name collections this library holds. */
async function applyOrganisation(
  storage: LibraryStorage,
  current: readonly ReplicaDoc[],
  deleted: readonly string[],
  documentIds: ReadonlySet<string>,
): Promise<number> {
  let applied = 0;
  for (const doc of current) {
    if (doc.kind !== 'coll' || !(await differs(storage, doc))) continue;
    await storage.organisation.putCollection(doc.fields as unknown as Collection);
    applied++;
  }
  for (const id of deleted) {
    const key = parseReplicaId(id);
    if (key.kind !== 'coll' || !storage.organisation.collections().some((c) => c.id === key.recordId)) continue;
    await storage.organisation.deleteCollection(key.recordId);
    applied++;
  }
  const changed = new Map<string, Record<string, unknown>>();
  for (const doc of current) {
    const documentId = doc.kind === 'org' ? parseReplicaId(doc._id).recordId : null;
    if (documentId && documentIds.has(documentId) && (await differs(storage, doc))) changed.set(documentId, doc.fields);
  }
  for (const [documentId, fields] of changed)
    await storage.organisation.update([documentId], (local) => organisationOf(fields, local));
  return applied + changed.size;
}

async function applyAnnotations(
  storage: LibraryStorage,
  current: readonly ReplicaDoc[],
  deleted: readonly string[],
  documentIds: ReadonlySet<string>,
): Promise<number> {
  type Batch = { put: Highlight[]; remove: string[]; documentNote?: string; corrections?: Corrections };
  const batches = new Map<string, Batch>();
  const batchOf = (documentId: string) => {
    let batch = batches.get(documentId);
    if (!batch) batches.set(documentId, (batch = { put: [], remove: [] }));
    return batch;
  };
  let applied = 0;
  for (const doc of current) {
    if (!['hl', 'dnote', 'corr'].includes(doc.kind)) continue;
    const key = parseReplicaId(doc._id);
    if (!key.documentId || !documentIds.has(key.documentId) || !(await differs(storage, doc))) continue;
    const batch = batchOf(key.documentId);
    if (doc.kind === 'hl') batch.put.push(doc.fields as unknown as Highlight);
    else if (doc.kind === 'dnote') batch.documentNote = String(doc.fields.note ?? '');
    else batch.corrections = doc.fields.corrections as Corrections;
    applied++;
  }
  for (const id of deleted) {
    const key = parseReplicaId(id);
    if (!key.documentId || !documentIds.has(key.documentId)) continue;
    if ((await readLocal(storage, id)) === null) continue;
    if (key.kind === 'hl') batchOf(key.documentId).remove.push(key.recordId);
    else if (key.kind === 'dnote') batchOf(key.documentId).documentNote = '';
    else continue;
    applied++;
  }
  for (const [documentId, batch] of batches) await storage.annotations.applySynced(documentId, batch);
  return applied;
}

async function applyCards(
  storage: LibraryStorage,
  current: readonly ReplicaDoc[],
  deleted: readonly string[],
): Promise<number> {
  await storage.cards.ready();
  const updated: StoredCard[] = [];
  const created: StoredCard[] = [];
  for (const doc of current) {
    if (doc.kind !== 'card' || !(await differs(storage, doc))) continue;
    const card = doc.fields as unknown as StoredCard;
    (storage.cards.find(card.id) ? updated : created).push(card);
  }
  await storage.cards.importCards(updated, created);
  let applied = updated.length + created.length;
  for (const id of deleted) {
    const key = parseReplicaId(id);
    const card = key.kind === 'card' ? storage.cards.find(key.recordId) : undefined;
    if (card) {
      await storage.cards.delete(card);
      applied++;
    }
  }
  return applied;
}

/**
 * The cards whose logs changed get their whole merged log from the replica, replayed from the card's first state:
 * the schedule is derived from the union of every device's reviews, never taken from one device.
 */
async function applyReviews(
  storage: LibraryStorage,
  replica: Replica,
  current: readonly ReplicaDoc[],
  deleted: readonly string[],
  options: ApplyOptions,
): Promise<number> {
  const cardIds = new Set<string>();
  for (const doc of current) {
    if (doc.kind === 'rev') cardIds.add(String(doc.fields.cardId));
    if (doc.kind === 'card') cardIds.add(parseReplicaId(doc._id).recordId);
  }
  for (const id of deleted) if (id.startsWith('rev:')) cardIds.add(id.split(':')[1] ?? '');
  const settings = storage.settings.review();
  const logs = new Map<string, ReturnType<typeof replayReviews>>();
  let applied = 0;
  for (const cardId of cardIds) {
    const card = storage.cards.find(cardId);
    if (!card) continue;
    const facts = (await underPrefix(replica, `rev:${cardId}:`)).map((doc) => doc.fields as unknown as ReviewFact);
    const local = storage.reviews.all().filter((review) => review.cardId === cardId);
    const sameSet = canonical(facts.map((f) => f.id).sort()) === canonical(local.map((r) => r.id).sort());
    if (sameSet) continue;
    logs.set(
      cardId,
      replayReviews(card, facts, {
        desiredRetention: settings.desiredRetention,
        fuzz: options.fuzz,
        rolloverHour: settings.dayStartsAt,
        zone: options.zone,
      }),
    );
    applied += Math.abs(facts.length - local.length);
  }
  if (logs.size > 0) await storage.reviews.replaceLogs(logs);
  return applied;
}
