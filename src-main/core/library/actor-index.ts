/**
 * One document's entry in the library actor index: its actors (as the reader corrected them) with each mention's
 * sentence, the date of that sentence, and the quotations attributed to each. Built once when a document's analysis
 * or corrections are written, so a dossier reads this small summary rather than every document's text and analysis.
 * Pure.
 */
import type { ActorType, DateMention, ExtractionResult } from '../extract/types';
import { splitSentences } from '../extract/sentences';
import { spanIndexAt } from '../passages';
import { buildContext } from '../quiz/context';
import { findQuotes } from '../quiz/quote-detect';
import {
  groupActorIdentities,
  identitiesByMember,
  memberKey,
  type ActorIdentity,
  type ActorMemberRef,
  type LibraryActorCorrection,
} from './actor-identity';

/** Longest sentence kept in the index: longer ones are cut around the mention, so the index stays small. */
export const MAX_SENTENCE_CHARS = 320;

export interface IndexedMention {
  start: number;
  end: number;
  /** Index of the sentence in the document; mentions of two actors with the same index share a sentence. */
  s: number;
}

export interface IndexedSentence {
  /** Offset of `text` in the document (the sentence's start, or where a long one was cut). */
  start: number;
  text: string;
  /** The date the sentence gives (the first day, month or year in it), YYYY[-MM[-DD]]; absent when none. */
  date?: string;
}

export interface IndexedQuote {
  quote: string;
  /** Offset of the opening quotation mark and end of the quotation. */
  start: number;
  end: number;
}

export interface IndexedActor {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorType;
  roles: { role: string; s: number | null }[];
  mentions: IndexedMention[];
  quotes: IndexedQuote[];
}

export interface IndexedDocument {
  documentId: string;
  title: string;
  /** The site or source the document names ("Donga"), else its title stands for it. */
  source: string;
  publishedDate: string | null;
  /** The date the engine resolved the document against when no published date is given. */
  referenceDate: string | null;
  actors: IndexedActor[];
  /** Only the sentences some actor is mentioned or holds a role in, by sentence index. */
  sentences: Record<number, IndexedSentence>;
}

export interface IndexedDocumentMeta {
  id: string;
  title: string;
  source: string;
  siteName?: string;
  publishedDate: string | null;
}

/** A date value that names a calendar day, month or year (not a duration or a relative reference). */
function calendarDate(date: DateMention): string | undefined {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date.value) ? date.value : undefined;
}

/** Cuts a long sentence to MAX_SENTENCE_CHARS around `at`, at word boundaries, marking the cuts with "…". */
function clip(text: string, start: number, end: number, at: number): { start: number; text: string } {
  if (end - start <= MAX_SENTENCE_CHARS) return { start, text: text.slice(start, end) };
  let from = Math.max(start, Math.min(at - MAX_SENTENCE_CHARS / 3, end - MAX_SENTENCE_CHARS));
  let to = Math.min(end, from + MAX_SENTENCE_CHARS);
  const space = text.indexOf(' ', from);
  if (from > start && space > 0 && space < at) from = space + 1;
  const lastSpace = text.lastIndexOf(' ', to);
  if (to < end && lastSpace > at) to = lastSpace;
  return { start: from, text: `${from > start ? '…' : ''}${text.slice(from, to)}${to < end ? '…' : ''}` };
}

/** The index entry of one document, from its text and its corrected analysis. */
export function indexDocumentActors(
  meta: IndexedDocumentMeta,
  text: string,
  analysis: ExtractionResult,
): IndexedDocument {
  const sentences = splitSentences(text);
  const kept: Record<number, IndexedSentence> = {};
  const dateOf = new Map<number, string>();
  for (const date of analysis.dates) {
    const s = spanIndexAt(sentences, date.start);
    const value = calendarDate(date);
    if (s >= 0 && value && !dateOf.has(s)) dateOf.set(s, value);
  }
  const keep = (s: number, at: number) => {
    const sentence = sentences[s];
    if (!sentence || kept[s]) return;
    const cut = clip(text, sentence.start, sentence.end, at);
    const date = dateOf.get(s);
    kept[s] = date ? { ...cut, date } : cut;
  };
  // Quotations, by speaker: only sentences with a quotation mark are looked at.
  const quotes = new Map<string, IndexedQuote[]>();
  if (/[“"]/.test(text)) {
    const ctx = buildContext(text, analysis, { seed: 0 });
    ctx.sentences.forEach((sentence, i) => {
      if (!/[“"]/.test(text.slice(sentence.start, sentence.end))) return;
      for (const found of findQuotes(ctx, i)) {
        const list = quotes.get(found.speaker.id) ?? [];
        list.push({ quote: found.quote, start: found.start, end: found.start + found.quote.length + 1 });
        quotes.set(found.speaker.id, list);
      }
    });
  }
  const lower = text.toLowerCase();
  const actors = analysis.actors.map((actor): IndexedActor => {
    const mentions = actor.mentions
      .map((m) => ({ start: m.start, end: m.end, s: spanIndexAt(sentences, m.start) }))
      .filter((m) => m.s >= 0);
    for (const m of mentions) keep(m.s, m.start);
    // A role's sentence: the first sentence with a mention of the actor that also names the role.
    const roles = actor.roles.map((role) => {
      const needle = role.toLowerCase();
      const found = mentions.find((m) => {
        const sentence = sentences[m.s]!;
        return lower.slice(sentence.start, sentence.end).includes(needle);
      });
      return { role, s: found ? found.s : null };
    });
    return {
      id: actor.id,
      name: actor.name,
      aliases: actor.aliases,
      kind: actor.type,
      roles,
      mentions,
      quotes: quotes.get(actor.id) ?? [],
    };
  });
  return {
    documentId: meta.id,
    title: meta.title,
    source: meta.siteName || meta.source || meta.title,
    publishedDate: meta.publishedDate,
    referenceDate: analysis.referenceDate,
    actors,
    sentences: kept,
  };
}

/** One actor of an indexed document without its mentions' places: what grouping and searching need. */
export interface IndexedActorSummary {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorType;
  roles: string[];
  /** How many times the document mentions them. */
  mentions: number;
}

/**
 * A document's entry without its sentences, mentions and quotations: small enough that the whole library's fit in one
 * file read at once, while the full entries are read one document at a time, only for the dossier that needs them.
 */
export interface IndexedDocumentSummary {
  documentId: string;
  title: string;
  source: string;
  publishedDate: string | null;
  referenceDate: string | null;
  actors: IndexedActorSummary[];
}

export function summariseIndexedDocument(doc: IndexedDocument): IndexedDocumentSummary {
  return {
    documentId: doc.documentId,
    title: doc.title,
    source: doc.source,
    publishedDate: doc.publishedDate,
    referenceDate: doc.referenceDate,
    actors: doc.actors.map((a) => ({
      id: a.id,
      name: a.name,
      aliases: a.aliases,
      kind: a.kind,
      roles: a.roles.map((r) => r.role),
      mentions: a.mentions.length,
    })),
  };
}

/** The library's actor identities over the index, with lookups by member and by key. */
export interface IndexedIdentities {
  identities: ActorIdentity[];
  byMember: Map<string, ActorIdentity>;
  byKey: Map<string, ActorIdentity>;
}

/** Lookups over identities already grouped. */
export function indexIdentities(identities: ActorIdentity[]): IndexedIdentities {
  return {
    identities,
    byMember: identitiesByMember(identities),
    byKey: new Map(identities.map((i) => [i.key, i])),
  };
}

/**
 * Groups the actors of every indexed document into library identities, honouring the reader's library corrections:
 * the one way the dossier, the cross-article quiz and the library timeline agree on who is who.
 */
export function identitiesOfIndex(
  documents: Iterable<IndexedDocumentSummary>,
  corrections: readonly LibraryActorCorrection[],
): IndexedIdentities {
  const actors = [...documents].flatMap((doc) =>
    doc.actors.map((a) => ({
      docId: doc.documentId,
      actorId: a.id,
      name: a.name,
      aliases: a.aliases,
      kind: a.kind,
      roles: a.roles,
    })),
  );
  return indexIdentities(groupActorIdentities(actors, corrections));
}

/** Identities as kept on disk beside the index: each member as its `memberKey`. */
export interface StoredIdentity {
  key: string;
  name: string;
  kind: ActorType;
  aliases: string[];
  roles: string[];
  members: string[];
}

export function storeIdentities(identities: readonly ActorIdentity[]): StoredIdentity[] {
  return identities.map((i) => ({ ...i, members: i.members.map(memberKey) }));
}

/** The identities kept by `storeIdentities`; null when they do not have its shape (a damaged file). */
export function identitiesFromStore(stored: unknown): IndexedIdentities | null {
  if (!Array.isArray(stored)) return null;
  const identities: ActorIdentity[] = [];
  // Each member's identity, filled as the members are read: the stored keys are the lookup's keys.
  const byMember = new Map<string, ActorIdentity>();
  for (const item of stored as Partial<StoredIdentity>[]) {
    if (
      typeof item !== 'object' ||
      item === null ||
      typeof item.key !== 'string' ||
      typeof item.name !== 'string' ||
      typeof item.kind !== 'string' ||
      !Array.isArray(item.aliases) ||
      !Array.isArray(item.roles) ||
      !Array.isArray(item.members)
    )
      return null;
    const members: ActorMemberRef[] = [];
    const identity: ActorIdentity = {
      key: item.key,
      name: item.name,
      kind: item.kind,
      aliases: item.aliases,
      roles: item.roles,
      members,
    };
    for (const key of item.members) {
      // Document ids never hold a slash (they name files); actor ids may.
      const slash = typeof key === 'string' ? key.indexOf('/') : -1;
      if (slash <= 0) return null;
      members.push({ docId: key.slice(0, slash), actorId: key.slice(slash + 1) });
      byMember.set(key, identity);
    }
    identities.push(identity);
  }
  return { identities, byMember, byKey: new Map(identities.map((i) => [i.key, i])) };
}
