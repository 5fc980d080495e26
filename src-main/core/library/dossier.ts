/**
 * An actor's dossier across the library, from the actor index (no document file is read): their roles over time with
 * the date and source of each, every mention with its sentence, the actors most often seen with them, and what they
 * were quoted saying. Pure.
 */
import type { ActorType } from '../extract/types';
import { memberKey, type ActorIdentity } from './actor-identity';
import type { IndexedDocument } from './actor-index';

export interface DossierRole {
  role: string;
  /** YYYY[-MM[-DD]]: the document's published date, else the date its sentence gives; null when neither is known. */
  date: string | null;
  source: string;
  documentId: string;
  title: string;
  /** The sentence naming the role, when found: where the Reader opens. */
  at: { start: number; end: number } | null;
}

export interface DossierMention {
  start: number;
  end: number;
  /** The mention's sentence, and where it starts in the document. */
  sentence: string;
  sentenceStart: number;
}

export interface DossierDocument {
  documentId: string;
  title: string;
  source: string;
  /** The document's published date, else its reference date. */
  date: string | null;
  /** The actor as this document names it (its member of the identity). */
  actorId: string;
  actorName: string;
  mentions: DossierMention[];
}

export interface DossierCompanion {
  key: string;
  name: string;
  kind: ActorType;
  /** Sentences naming both; documents naming both. */
  sentences: number;
  documents: number;
}

export interface DossierQuote {
  quote: string;
  documentId: string;
  title: string;
  source: string;
  date: string | null;
  start: number;
  end: number;
}

export interface Dossier {
  key: string;
  name: string;
  kind: ActorType;
  aliases: string[];
  mentionCount: number;
  /** Oldest first; undated roles last. */
  roles: DossierRole[];
  /** Newest first; undated last. */
  documents: DossierDocument[];
  /** Most often seen with them first. */
  companions: DossierCompanion[];
  quotes: DossierQuote[];
}

const MAX_COMPANIONS = 12;

/** Newest first, undated last; ties by title so the order is stable. */
function byDateDesc(a: { date: string | null; title: string }, b: { date: string | null; title: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title);
}

/**
 * The dossier of `identity`. `documents` maps document ids to their index entries (documents no longer in the
 * library are absent); `byMember` gives each document actor's identity (for the companions).
 */
export function buildDossier(
  identity: ActorIdentity,
  documents: ReadonlyMap<string, IndexedDocument>,
  byMember: ReadonlyMap<string, ActorIdentity>,
): Dossier {
  const docs: DossierDocument[] = [];
  const roles: DossierRole[] = [];
  const quotes: DossierQuote[] = [];
  const companions = new Map<string, DossierCompanion>();
  let mentionCount = 0;
  for (const member of identity.members) {
    const doc = documents.get(member.docId);
    const actor = doc?.actors.find((a) => a.id === member.actorId);
    if (!doc || !actor) continue;
    const date = doc.publishedDate ?? doc.referenceDate;
    const mentions = actor.mentions.map((m) => {
      const sentence = doc.sentences[m.s];
      return {
        start: m.start,
        end: m.end,
        sentence: sentence?.text ?? '',
        sentenceStart: sentence?.start ?? m.start,
      };
    });
    mentionCount += mentions.length;
    docs.push({
      documentId: doc.documentId,
      title: doc.title,
      source: doc.source,
      date,
      actorId: actor.id,
      actorName: actor.name,
      mentions,
    });
    for (const { role, s } of actor.roles) {
      const sentence = s === null ? undefined : doc.sentences[s];
      roles.push({
        role,
        date: doc.publishedDate ?? sentence?.date ?? doc.referenceDate,
        source: doc.source,
        documentId: doc.documentId,
        title: doc.title,
        at: sentence ? { start: sentence.start, end: sentence.start + sentence.text.length } : null,
      });
    }
    for (const q of actor.quotes)
      quotes.push({ ...q, documentId: doc.documentId, title: doc.title, source: doc.source, date });
    // Companions: every other actor of the document counts once for the document and once per shared sentence.
    const own = new Set(actor.mentions.map((m) => m.s));
    for (const other of doc.actors) {
      if (other.id === actor.id) continue;
      const otherIdentity = byMember.get(memberKey({ docId: doc.documentId, actorId: other.id }));
      if (!otherIdentity || otherIdentity.key === identity.key) continue;
      const shared = new Set(other.mentions.filter((m) => own.has(m.s)).map((m) => m.s)).size;
      const seen = companions.get(otherIdentity.key) ?? {
        key: otherIdentity.key,
        name: otherIdentity.name,
        kind: otherIdentity.kind,
        sentences: 0,
        documents: 0,
      };
      seen.sentences += shared;
      seen.documents += 1;
      companions.set(otherIdentity.key, seen);
    }
  }
  docs.sort(byDateDesc);
  quotes.sort(byDateDesc);
  roles.sort((a, b) => -byDateDesc(a, b) || 0);
  // Undated roles go last (the reversed comparison put them first).
  roles.sort((a, b) => Number(a.date === null) - Number(b.date === null));
  return {
    key: identity.key,
    name: identity.name,
    kind: identity.kind,
    aliases: identity.aliases,
    mentionCount,
    roles,
    documents: docs,
    companions: [...companions.values()]
      .sort((a, b) => b.sentences - a.sentences || b.documents - a.documents || a.name.localeCompare(b.name))
      .slice(0, MAX_COMPANIONS),
    quotes,
  };
}
