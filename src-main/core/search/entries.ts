/** Turns one document's stored data into search entries: its title, paragraphs, highlights and note. */
import type { Highlight } from '../annotations/highlight';
import type { StoredCard } from '../cards/card';
import { clozeAnswer } from '../cards/cloze';
import { markdownWords } from '../import/markdown-words';
import type { LectioDocument } from '../model';
import type { SearchEntry } from './library-index';

export function documentEntries(doc: LectioDocument, highlights: readonly Highlight[], documentNote: string): SearchEntry[] {
  const base = { documentId: doc.id, title: doc.title };
  const entries: SearchEntry[] = [{ ...base, id: `t:${doc.id}`, kind: 'title', text: doc.source, start: 0, end: 0 }];
  for (const block of doc.body.blocks) {
    entries.push({ ...base, id: `p:${doc.id}:${block.start}`, kind: 'passage', text: doc.body.text.slice(block.start, block.end), start: block.start, end: block.end });
  }
  for (const h of highlights) {
    const [position, quote] = h.selectors;
    const text = [quote.exact, markdownWords(h.note), h.tags.map((tag) => `#${tag}`).join(' ')].filter(Boolean).join(' — ');
    entries.push({ ...base, id: `h:${doc.id}:${h.id}`, kind: 'highlight', text, start: position.start, end: position.end });
  }
  if (documentNote.trim()) entries.push({ ...base, id: `n:${doc.id}`, kind: 'note', text: markdownWords(documentNote), start: 0, end: 0 });
  return entries;
}

/** Changes whenever anything indexed for the document changes. */
export function documentSignature(doc: Pick<LectioDocument, 'title' | 'source'>, highlights: readonly Highlight[], documentNote: string): string {
  return JSON.stringify([doc.title, doc.source, documentNote, highlights.map((h) => `${h.id}@${h.updatedAt}`)]);
}

/** The search group that holds every card (cards are library-wide, not per document). */
export const CARDS_GROUP = 'cards';

/** One entry per card: both sides (a cloze as its full text), its tags, and the passage it came from. */
export function cardEntries(cards: readonly StoredCard[], titleOf: (documentId: string) => string | null): SearchEntry[] {
  return cards.map((card) => {
    const front = card.kind === 'cloze' ? clozeAnswer(card.front) : card.front;
    const text = [front, markdownWords(card.back), card.tags.map((tag) => `#${tag}`).join(' ')].filter(Boolean).join(' — ');
    const position = card.source?.selectors[0];
    return {
      id: `c:${card.id}`,
      kind: 'card' as const,
      documentId: card.source?.documentId ?? '',
      title: (card.source && titleOf(card.source.documentId)) ?? 'Flashcard',
      text,
      start: position?.start ?? 0,
      end: position?.end ?? 0,
    };
  });
}

export function cardsSignature(cards: readonly StoredCard[]): string {
  return cards.map((card) => `${card.id}@${card.updatedAt}`).join(',');
}
