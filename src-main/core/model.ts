/**
 * Lectio's document model: a document is data, never HTML. Its canonical `text` is one string; blocks and inline
 * marks are [start, end) offset ranges into it, counted in UTF-16 code units. Every stored offset (highlights,
 * mentions, evidence, cards) counts in this same text, so the engine, the anchoring code and the renderer agree.
 */

/**
 * An 'image' block is a picture between paragraphs: it holds no text (start === end, at the offset where it stands),
 * so no offset anywhere changes because of it. A 'caption' is the text under a picture, kept as text (searchable,
 * highlightable) but shown as the figure's caption.
 */
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'image' | 'caption';

/** A stored picture (storage/image-store.ts): its id names its bytes; alt is the text read in its place. */
export interface BlockImage {
  id: string;
  alt: string;
  width?: number;
  height?: number;
}

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1-6 for headings; list nesting depth for list items. */
  level?: number;
  /** For documents imported from a PDF: the 1-based page the block starts on, so passages can say "p. 7". */
  page?: number;
  /** For image blocks: the stored picture. */
  image?: BlockImage;
}

export type MarkKind = 'emphasis' | 'strong' | 'link' | 'code';

export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  /** For links: an http(s) or mailto URL; anything else is dropped by the importers. */
  href?: string;
}

/** A part of a long document (an EPUB chapter): a titled [start, end) range of the text, in reading order. */
export interface Section {
  title: string;
  start: number;
  end: number;
  /** Nesting depth in the table of contents, 1 for a top-level entry. */
  level: number;
}

export interface DocumentBody {
  text: string;
  blocks: Block[];
  marks: Mark[];
  /** For books: chapters in spine order (absent for articles). */
  sections?: Section[];
}

export interface DocumentMeta {
  id: string;
  title: string;
  source: string;
  /** Published date as YYYY-MM-DD when known; anchors relative dates. */
  publishedDate: string | null;
  /** ISO timestamp. */
  addedAt: string;
  wordCount: number;
  /** Where the text came from: 'sample', 'paste', or a file name. */
  origin: string;
  /** The web address the document was saved from (after redirects); absent for pasted text and files. */
  url?: string;
  /** Highlights on the document, kept in the index so the library list needs no per-document reads. */
  highlightCount?: number;
  /** Authors as the source names them (web page metadata, PDF or EPUB metadata). */
  authors?: string[];
  /** The publication or site the document comes from ("Wikinews"), when its metadata says. */
  siteName?: string;
  /** BCP 47 language tag from the source's metadata ("en", "en-GB"). */
  language?: string;
  /** The source's canonical address, when it names one that differs from `url`. */
  canonicalUrl?: string;
  /** Last-modified date as YYYY-MM-DD, when the source says. */
  modifiedDate?: string | null;
  /** Stored image id of the lead image, shown on the document's card in the Library. */
  leadImage?: string;
  /** Page count for documents imported from a PDF. */
  pageCount?: number;
}

export interface LectioDocument extends DocumentMeta {
  body: DocumentBody;
}
