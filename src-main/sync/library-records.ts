/**
 * The library's synced records as the replica holds them (issue #21): which records sync, the replica id of each
 * (stable, the same on every device: the record's own id, which the sample shares too), and each record's synced
 * fields read from the library through its repositories. Derived data (anchors, the engine's analysis, a document's
 * highlight count, a card's schedule) is left out: every device recomputes it. The reader's answers to "did it
 * happen?" sync by event key, which is the same on every device (the event's date and wording). Device-local things (the browser
 * connector's token, the Library's view) do not sync.
 */
import type { ReviewFact } from '../core/cards/replay';
import type { ConcurrentRule } from '../core/sync/merge';
import { organisationFields, organisationRule } from '../core/sync/organisation-fields';
import type { LibraryStorage } from '../storage/library-storage';
import type { StorageChange } from '../storage/change-feed';

export type SyncedKind =
  'doc' | 'text' | 'hl' | 'dnote' | 'corr' | 'card' | 'rev' | 'quiz' | 'settings' | 'img' | 'org' | 'coll' | 'ans';

/** A record's place in the replica: its id, kind and the document it belongs to. */
export interface RecordKey {
  id: string;
  kind: SyncedKind;
  documentId: string | null;
}

/** The fields whose concurrent edits are kept side by side for the reader (a note), by kind. */
export const TEXT_FIELDS: Readonly<Partial<Record<SyncedKind, ReadonlySet<string>>>> = {
  hl: new Set(['note']),
  dnote: new Set(['note']),
};
const NO_TEXT_FIELDS: ReadonlySet<string> = new Set();
export const textFieldsOf = (kind: SyncedKind) => TEXT_FIELDS[kind] ?? NO_TEXT_FIELDS;

/** A kind's own rule for fields edited apart on two devices (a document's organisation: add-wins, furthest read). */
export const concurrentRuleOf = (kind: SyncedKind): ConcurrentRule | undefined =>
  kind === 'org' ? organisationRule : undefined;

/** Kinds that never change once written: an article's text, a review, a picture (named by its bytes' hash). */
export const IMMUTABLE_KINDS: ReadonlySet<SyncedKind> = new Set(['text', 'rev', 'img']);

export const replicaId = {
  doc: (id: string) => `doc:${id}`,
  text: (id: string) => `text:${id}`,
  hl: (documentId: string, id: string) => `hl:${documentId}:${id}`,
  dnote: (documentId: string) => `dnote:${documentId}`,
  corr: (documentId: string) => `corr:${documentId}`,
  card: (id: string) => `card:${id}`,
  rev: (cardId: string, id: string) => `rev:${cardId}:${id}`,
  quiz: (id: string) => `quiz:${id}`,
  settings: () => 'settings:roaming',
  /** A picture of the image store, by its id (pictures.ts): its bytes ride along as an attachment. */
  img: (imageId: string) => `img:${imageId}`,
  /** A document's organisation: tags, collections, archive flag, reading position and progress. */
  org: (documentId: string) => `org:${documentId}`,
  coll: (id: string) => `coll:${id}`,
  /** The reader's answer to "did it happen?" for an event of the library timeline, by the event's key. */
  ans: (eventKey: string) => `ans:${eventKey}`,
};

/** The key of a replica id; null for ids this version does not know (left alone, never deleted). */
export function parseReplicaId(id: string): RecordKey & { recordId: string } {
  const [kind, first = '', second] = id.split(':') as [string, string?, string?];
  switch (kind) {
    case 'doc':
    case 'text':
    case 'dnote':
    case 'corr':
    case 'org':
      return { id, kind, documentId: first, recordId: first };
    case 'hl':
      return { id, kind, documentId: first, recordId: second ?? '' };
    case 'rev':
      return { id, kind, documentId: null, recordId: second ?? '' };
    case 'card':
    case 'quiz':
    case 'img':
    case 'coll':
      return { id, kind, documentId: null, recordId: first };
    case 'ans':
      // An event's key is its date's value and wording: it may hold colons of its own.
      return { id, kind, documentId: null, recordId: id.slice('ans:'.length) };
    default:
      return { id, kind: 'settings', documentId: null, recordId: 'roaming' };
  }
}

/** The replica ids a saved change touches (a document's change touches its entry; its text is written once). */
export function keysOfChange(change: StorageChange, storage: LibraryStorage): string[] {
  const { kind, id, documentId } = change;
  switch (kind) {
    case 'document':
      return [replicaId.doc(id), replicaId.text(id)];
    case 'highlight':
      return documentId ? [replicaId.hl(documentId, id)] : [];
    case 'document-note':
      return [replicaId.dnote(id)];
    case 'corrections':
      return [replicaId.corr(id)];
    case 'card':
      return [replicaId.card(id)];
    case 'review': {
      const cardId = storage.reviews.find(id)?.cardId;
      return cardId ? [replicaId.rev(cardId, id)] : [];
    }
    case 'quiz-session':
      return [replicaId.quiz(id)];
    case 'settings':
      return [replicaId.settings()];
    case 'collection':
      return [replicaId.coll(id)];
    case 'document-organisation':
      return [replicaId.org(id)];
    case 'event-answer':
      return [replicaId.ans(id)];
    default:
      return [];
  }
}

/** Drops the keys whose value is undefined, so a record's fields compare the same however they were built. */
function defined(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function reviewFact(record: ReviewFact): Record<string, unknown> {
  return defined({
    id: record.id,
    cardId: record.cardId,
    grade: record.grade,
    reviewedAt: record.reviewedAt,
    zone: record.zone,
  });
}

/**
 * The record's synced fields as the library holds it now; null when the library no longer holds it (deleted).
 * `text` records are read only when the document is in the library (the text never changes after import).
 */
export async function readLocal(storage: LibraryStorage, replicaKey: string): Promise<Record<string, unknown> | null> {
  const key = parseReplicaId(replicaKey);
  const documentMeta = (id: string) =>
    [...storage.documents.list(), ...storage.documents.trashed()].find((doc) => doc.id === id);
  switch (key.kind) {
    case 'doc': {
      const meta = documentMeta(key.recordId);
      if (!meta) return null;
      const { highlightCount: _derived, ...synced } = meta;
      return defined(synced);
    }
    case 'text': {
      const meta = documentMeta(key.recordId);
      if (!meta || 'deletedAt' in meta) return null;
      return { body: (await storage.documents.get(key.recordId)).body };
    }
    case 'hl':
    case 'dnote':
    case 'corr': {
      if (!key.documentId || !documentMeta(key.documentId)) return null;
      const annotations = await storage.annotations.read(key.documentId);
      if (key.kind === 'dnote') return annotations.documentNote ? { note: annotations.documentNote } : null;
      if (key.kind === 'corr')
        return hasCorrections(annotations.corrections) ? { corrections: annotations.corrections } : null;
      const highlight = annotations.highlights.find((h) => h.id === key.recordId);
      return highlight ? defined(highlight) : null;
    }
    case 'card': {
      await storage.cards.ready();
      const card = storage.cards.find(key.recordId);
      return card ? defined(card) : null;
    }
    case 'rev': {
      await storage.cards.ready();
      const review = storage.reviews.find(key.recordId);
      return review ? reviewFact(review) : null;
    }
    case 'quiz': {
      const session = storage.quiz.session(key.recordId);
      return session ? defined(session) : null;
    }
    case 'img':
      // Pictures are mirrored by pictures.ts with their bytes, never as fields; this only says whether it is here.
      return (await storage.images.has(key.recordId)) ? { id: key.recordId } : null;
    case 'org': {
      const stored = storage.organisation.documents()[key.recordId];
      // Kept while stored, even with every field at its default: removals are fields gone with newer stamps.
      return stored && documentMeta(key.recordId) ? organisationFields(stored) : null;
    }
    case 'coll': {
      const found = storage.organisation.collections().find((c) => c.id === key.recordId);
      return found ? defined(found) : null;
    }
    case 'ans': {
      const answer = storage.eventAnswers.all()[key.recordId];
      return answer ? defined(answer) : null;
    }
    case 'settings':
      return {
        colorLabels: storage.settings.colorLabels(),
        review: storage.settings.review(),
        reading: storage.settings.reading(),
        quiz: storage.settings.quiz(),
      };
  }
}

function hasCorrections(corrections: unknown): boolean {
  if (!corrections || typeof corrections !== 'object') return false;
  return Object.values(corrections).some((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value)));
}

/** Every synced record's replica id in the library now: what a full comparison with the replica walks. */
export async function allLocalKeys(storage: LibraryStorage): Promise<string[]> {
  const keys = [replicaId.settings()];
  for (const meta of [...storage.documents.list(), ...storage.documents.trashed()]) {
    keys.push(replicaId.doc(meta.id));
    if (!('deletedAt' in meta && meta.deletedAt)) keys.push(replicaId.text(meta.id));
    const annotations = await storage.annotations.read(meta.id);
    for (const highlight of annotations.highlights) keys.push(replicaId.hl(meta.id, highlight.id));
    if (annotations.documentNote) keys.push(replicaId.dnote(meta.id));
    if (hasCorrections(annotations.corrections)) keys.push(replicaId.corr(meta.id));
    if (meta.id in storage.organisation.documents()) keys.push(replicaId.org(meta.id));
  }
  for (const collection of storage.organisation.collections()) keys.push(replicaId.coll(collection.id));
  for (const eventKey of Object.keys(storage.eventAnswers.all())) keys.push(replicaId.ans(eventKey));
  await storage.cards.ready();
  for (const card of storage.cards.all()) keys.push(replicaId.card(card.id));
  for (const review of storage.reviews.all()) keys.push(replicaId.rev(review.cardId, review.id));
  for (const session of storage.quiz.sessions()) keys.push(replicaId.quiz(session.id));
  return keys;
}
