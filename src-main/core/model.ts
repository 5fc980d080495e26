/**
 * Lectio's document model: a document is data, never HTML. Its canonical `text` is one string; blocks and inline
 * marks are [start, end) offset ranges into it, counted in UTF-16 code units. Every stored offset (highlights,
 * mentions, evidence, cards) counts in this same text, so the engine, the anchoring code and the renderer agree.
 */

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1-6 for headings; list nesting depth for list items. */
  level?: number;
}

export type MarkKind = 'emphasis' | 'strong' | 'link' | 'code';

export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  /** For links: an http(s) or mailto URL; anything else is dropped by the importers. */
  href?: string;
}

export interface DocumentBody {
  text: string;
  blocks: Block[];
  marks: Mark[];
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
}

export interface LectioDocument extends DocumentMeta {
  body: DocumentBody;
}
