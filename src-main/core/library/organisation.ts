/**
 * How the reader organises the library: collections (a document may be in several), free-text tags, archiving, and
 * where they were in each document. Pure data and rules, shared by the service, the renderer and the benchmark.
 */

export interface Collection {
  id: string;
  name: string;
  createdAt: string;
}

/** Where the reader was in a document: the offset (in its canonical text) of the first passage in view. */
export interface ReadingPosition {
  offset: number;
  /** When it was saved (ISO). */
  at: string;
}

/** One document's organisation. A document the reader never organised has none stored, and reads as EMPTY_ORGANISATION. */
export interface DocumentOrganisation {
  tags: string[];
  /** Ids of the collections it is in. */
  collections: string[];
  archived: boolean;
  position: ReadingPosition | null;
  /** How far into the document the reader has got at most, 0 to 1. */
  progress: number;
}

export const EMPTY_ORGANISATION: Readonly<DocumentOrganisation> = Object.freeze({
  tags: [],
  collections: [],
  archived: false,
  position: null,
  progress: 0,
});

export type LibrarySortKey = 'added' | 'published' | 'title' | 'source' | 'progress' | 'due';

/** Which documents the Library shows. Absent or null parts do not filter. */
export interface LibraryFilter {
  collection?: string | null;
  tag?: string | null;
  source?: string | null;
  progress?: 'unread' | 'reading' | 'finished' | null;
  /** Only documents with flashcards due. */
  due?: boolean;
  /** true: only archived documents; otherwise archived ones are hidden. */
  archived?: boolean;
}

/** The Library's sort and filter, remembered between sessions. */
export interface LibraryView {
  sort: LibrarySortKey;
  direction: 'asc' | 'desc';
  filter: LibraryFilter;
}

export const DEFAULT_LIBRARY_VIEW: LibraryView = { sort: 'added', direction: 'desc', filter: {} };

/** Longest tag, in characters: a tag is a label, not a note. */
export const MAX_TAG_LENGTH = 60;

/**
 * A tag as stored: spaces collapsed and trimmed, a leading # dropped, lower case (so "Korea", "korea" and "#KOREA"
 * are one tag). Returns '' for a tag with nothing left, which callers refuse.
 */
export function normaliseTag(tag: string): string {
  return tag
    .normalize('NFC')
    .replace(/^#+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase()
    .slice(0, MAX_TAG_LENGTH)
    .trim();
}

/** Tags normalised, empty ones dropped, each once, in the order first given. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normaliseTag).filter((tag) => tag.length > 0))];
}

/** Reading progress as the card shows it, and as the progress filter buckets it. */
export function progressBucket(progress: number): 'unread' | 'reading' | 'finished' {
  if (progress >= 0.95) return 'finished';
  return progress > 0 ? 'reading' : 'unread';
}
