/**
 * Exports a document's highlights as Markdown in the shape people paste into Obsidian: title, source, then each
 * highlight in reading order as a blockquote with its colour label, note and #tags.
 */
import { inReadingOrder, type ColorLabels, type Highlight } from './highlight';

export interface MarkdownExport {
  title: string;
  source: string;
  /** The web address the document was saved from, when it was. */
  url?: string;
  /** Capture metadata, written as YAML front matter when the document has any (see frontMatter). */
  authors?: string[];
  siteName?: string;
  language?: string;
  canonicalUrl?: string;
  publishedDate?: string | null;
  modifiedDate?: string | null;
  highlights: readonly Highlight[];
  labels: ColorLabels;
  /** Where each highlight anchors now, by id (reading order); stored positions are used for the rest. */
  positions?: ReadonlyMap<string, number>;
}

/** Collapses line breaks, which would end a heading or a list line. */
function oneLine(text: string): string {
  return noHtml(text.replace(/\s*\r?\n\s*/g, ' ').trim());
}

/**
 * Makes raw HTML show as text: Markdown passes tags through, so `<script>` or `<img onerror=…>` in a highlight or a
 * note would be live markup in whatever renders the file (Obsidian, a static site). `&lt;` reads as `<` everywhere.
 * Code spans and fenced code are left alone: Markdown shows their text as it is already.
 */
export function noHtml(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;')))
    .join('');
}

/**
 * Escapes what would turn a quoted line into a heading, a nested quote or a list inside the blockquote,
 * so the quote reads as the text the reader highlighted.
 */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)(#|>|[-+*](?=\s)|\d+[.)](?=\s))/, '$1\\$2');
}

function blockquote(text: string): string {
  return noHtml(text)
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLineStart(line)}`))
    .join('\n');
}

/**
 * An Obsidian tag: no spaces (they become hyphens) and only letters, digits, _, - and /.
 * Returns null when nothing usable is left.
 */
export function toTag(tag: string): string | null {
  const cleaned = tag
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_\-/]/gu, '');
  return cleaned === '' ? null : `#${cleaned}`;
}

/** One highlight's section: its quote, colour label, note and tags. */
export function highlightSection(highlight: Highlight, labels: ColorLabels): string {
  const parts = [blockquote(highlight.selectors[1].exact), `*${oneLine(labels[highlight.color])}*`];
  const note = noHtml(highlight.note.trim());
  if (note !== '') parts.push(note);
  const tags = [...new Set(highlight.tags.map(toTag).filter((t): t is string => t !== null))];
  if (tags.length > 0) parts.push(tags.join(' '));
  return parts.join('\n\n');
}

type FileHeader = Pick<
  MarkdownExport,
  'title' | 'source' | 'url' | 'authors' | 'siteName' | 'language' | 'canonicalUrl' | 'publishedDate' | 'modifiedDate'
>;

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML, escapes and all. */
function yamlString(value: string): string {
  return JSON.stringify(value.replace(/\s*\r?\n\s*/g, ' ').trim());
}

/**
 * YAML front matter (Obsidian's properties, Jekyll's and Hugo's metadata) with what the document's source said about
 * it: title, authors, site, addresses, dates, language. Empty ('') for a document without any of those, so a pasted
 * note exports as plain Markdown.
 */
export function frontMatter(input: FileHeader): string {
  const isDate = (value: string | null | undefined): value is string =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const web = (value: string | undefined): value is string => typeof value === 'string' && /^https?:\/\//i.test(value);
  const lines: string[] = [];
  if (input.authors && input.authors.length > 0)
    lines.push('authors:', ...input.authors.map((name) => `  - ${yamlString(name)}`));
  if (input.siteName?.trim()) lines.push(`site: ${yamlString(input.siteName)}`);
  if (isDate(input.publishedDate)) lines.push(`published: ${input.publishedDate}`);
  if (isDate(input.modifiedDate)) lines.push(`modified: ${input.modifiedDate}`);
  if (input.language && /^[A-Za-z0-9-]{2,20}$/.test(input.language)) lines.push(`language: ${input.language}`);
  if (web(input.canonicalUrl)) lines.push(`canonical: ${yamlString(input.canonicalUrl)}`);
  if (lines.length === 0) return '';
  const head = [
    `title: ${yamlString(input.title || 'Untitled')}`,
    ...(web(input.url) ? [`url: ${yamlString(input.url)}`] : []),
  ];
  return `---\n${[...head, ...lines].join('\n')}\n---\n\n`;
}

/** The Markdown text around sections made by highlightSection (in reading order), ending in a newline. */
export function markdownFile(input: FileHeader, sections: readonly string[]): string {
  const header = [`# ${oneLine(input.title) || 'Untitled'}`];
  if (input.source.trim() !== '') header.push(`Source: ${oneLine(input.source)}`);
  // Angle brackets keep an address with parentheses or spaces one link in every Markdown reader.
  if (input.url && /^https?:\/\//i.test(input.url))
    header.push(`Address: <${input.url.replace(/[\s<>]/g, encodeURIComponent)}>`);
  const body = sections.length > 0 ? ['## Highlights', sections.join('\n\n---\n\n')] : [];
  return `${frontMatter(input)}${[...header, ...body].join('\n\n')}\n`;
}

/** The Markdown text (ending in a newline); a document without highlights still gets its title and source. */
export function exportMarkdown(input: MarkdownExport): string {
  return markdownFile(
    input,
    inReadingOrder(input.highlights, input.positions).map((h) => highlightSection(h, input.labels)),
  );
}
