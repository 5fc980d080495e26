/** Turns one document's stored data into search entries: its title, paragraphs, highlights and note. */
import type { Highlight } from '../annotations/highlight';
import type { StoredCard } from '../cards/card';
import { clozeAnswer } from '../cards/cloze';
import { markdownWords } from '../import/markdown-words';
import type { LectioDocument } from '../model';
import type { SearchEntry } from './library-index';

/** What the title entry finds a document by besides its title: source, authors and site, all searchable. */
function creditsText(doc: Pick<LectioDocument, 'source' | 'authors' | 'siteName'>): string {
  return [doc.source, ...(doc.authors ?? []), doc.siteName ?? '']
    .filter((part, i, all) => part && all.indexOf(part) === i)
    .join(' · ');
}

export function documentEntries(
  doc: LectioDocument,
  highlights: readonly Highlight[],
  documentNote: string,
): SearchEntry[] {
  const base = { documentId: doc.id, title: doc.title };
  const entries: SearchEntry[] = [
    { ...base, id: `t:${doc.id}`, kind: 'title', text: creditsText(doc), start: 0, end: 0 },
  ];
  for (const block of doc.body.blocks) {
    // A picture holds no text; its alt text is what there is to find (its id is keyed apart from the passage after it).
    const text = block.kind === 'image' ? (block.image?.alt ?? '') : doc.body.text.slice(block.start, block.end);
    if (block.kind === 'image' && !text) continue;
    entries.push({
      ...base,
      id: `${block.kind === 'image' ? 'i' : 'p'}:${doc.id}:${block.start}`,
      kind: 'passage',
      text,
      start: block.start,
      end: block.end,
    });
  }
  for (const h of highlights) {
    const [position, quote] = h.selectors;
    const text = [quote.exact, markdownWords(h.note), h.tags.map((tag) => `#${tag}`).join(' ')]
      .filter(Boolean)
      .join(' — ');
    entries.push({
      ...base,
      id: `h:${doc.id}:${h.id}`,
      kind: 'highlight',
      text,
      start: position.start,
      end: position.end,
    });
  }
  if (documentNote.trim())
    entries.push({ ...base, id: `n:${doc.id}`, kind: 'note', text: markdownWords(documentNote), start: 0, end: 0 });
  return entries;
}

/** Changes whenever anything indexed for the document changes. */
export function documentSignature(
  doc: Pick<LectioDocument, 'title' | 'source' | 'authors' | 'siteName'>,
  highlights: readonly Highlight[],
  documentNote: string,
): string {
  return JSON.stringify([doc.title, creditsText(doc), documentNote, highlights.map((h) => `${h.id}@${h.updatedAt}`)]);
}

/** The search group that holds every card (cards are library-wide, not per document). */
export const CARDS_GROUP = 'cards';

/** One entry per card: both sides (a cloze as its full text), its tags, and the passage it came from. */
export function cardEntries(
  cards: readonly StoredCard[],
  titleOf: (documentId: string) => string | null,
): SearchEntry[] {
  return cards.map((card) => {
    const front = card.kind === 'cloze' ? clozeAnswer(card.front) : card.front;
    const text = [front, markdownWords(card.back), card.tags.map((tag) => `#${tag}`).join(' ')]
      .filter(Boolean)
      .join(' — ');
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
