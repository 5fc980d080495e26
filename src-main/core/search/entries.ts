/** Turns one document's stored data into search entries: its title, paragraphs, highlights and note. */
import type { Highlight } from '../annotations/highlight';
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
    const text = [quote.exact, h.note, h.tags.map((tag) => `#${tag}`).join(' ')].filter(Boolean).join(' — ');
    entries.push({ ...base, id: `h:${doc.id}:${h.id}`, kind: 'highlight', text, start: position.start, end: position.end });
  }
  if (documentNote.trim()) entries.push({ ...base, id: `n:${doc.id}`, kind: 'note', text: documentNote, start: 0, end: 0 });
  return entries;
}

/** Changes whenever anything indexed for the document changes. */
export function documentSignature(doc: Pick<LectioDocument, 'title' | 'source'>, highlights: readonly Highlight[], documentNote: string): string {
  return JSON.stringify([doc.title, doc.source, documentNote, highlights.map((h) => `${h.id}@${h.updatedAt}`)]);
}
