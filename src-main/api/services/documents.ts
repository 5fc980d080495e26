/** The documents part of the service: the library's list, importing, opening, editing details and deleting. */
import type { DocumentBody, DocumentMeta } from '../../core/model';
import { checkStructuredBody } from '../../core/import/structured';
import { inProcessMarkdown, type MarkdownRunner } from '../../import/markdown-runner';
import { importPlainText, splitTitleLine } from '../../core/import/plain-text';
import { sameTitle, splitMarkdownTitle } from '../../core/import/markdown-title';
import { countWords, deriveTitle } from '../../core/text-stats';
import type { LibraryStorage } from '../../storage/library-storage';
import type { DocumentSummary, ImportDocumentInput, LectioApi } from '../contract';
import type { ServiceDeps } from './deps';
import { LectioError } from '../../core/errors';

export interface SampleArticle {
  text: string;
  title: string;
  source: string;
  publishedDate: string | null;
}

async function importedBody(input: ImportDocumentInput, markdown: MarkdownRunner): Promise<DocumentBody> {
  if (input.format === 'markdown') {
    // An overrun fails with the 'import-too-complex' error, which the reader sees as a refused argument.
    return markdown.parse(input.text);
  }
  if (input.format === 'text') return importPlainText(input.text);
  if (!input.body) throw new LectioError('invalid-argument', 'A structured import needs its document body.');
  const checked = checkStructuredBody(input.body);
  if ('error' in checked) throw new LectioError('invalid-argument', checked.error);
  return checked.body;
}

/**
 * Plain text sent without a title whose first line is one: that line becomes the title, not the first paragraph. A
 * Markdown file's opening level-1 heading likewise: it becomes the title when none was given, and leaves the text when
 * it repeats the title given (the Reader would show it twice).
 */
function withTitleLine(input: ImportDocumentInput): ImportDocumentInput {
  const given = input.title?.trim();
  if (input.format === 'markdown') {
    const split = splitMarkdownTitle(input.text);
    if (!split || (given && !sameTitle(given, split.title))) return input;
    return { ...input, title: given || split.title, text: split.rest };
  }
  if (input.format !== 'text' || given) return input;
  const split = splitTitleLine(input.text);
  return split ? { ...input, title: split.title, text: split.rest } : input;
}

/** The metadata fields an HTML file gave, those it left empty omitted (absent fields stay absent in the file). */
function importedMetadata(metadata: ImportDocumentInput['metadata']): Partial<DocumentMeta> {
  if (!metadata) return {};
  const fields: Partial<DocumentMeta> = {};
  const authors = (metadata.authors ?? []).map((name) => name.trim()).filter(Boolean);
  if (authors.length > 0) fields.authors = authors;
  if (metadata.siteName?.trim()) fields.siteName = metadata.siteName.trim();
  if (metadata.language) fields.language = metadata.language;
  if (metadata.canonicalUrl) fields.canonicalUrl = metadata.canonicalUrl;
  if (metadata.modifiedDate) fields.modifiedDate = metadata.modifiedDate;
  return fields;
}

type DocumentMethods = Pick<
  LectioApi,
  'appInfo' | 'listDocuments' | 'getDocument' | 'importDocument' | 'updateDocument' | 'deleteDocument' | 'dismissNotice'
>;

export function documentMethods(deps: ServiceDeps): DocumentMethods {
  const { storage, now, newId, options } = deps;
  const summarise = (meta: DocumentMeta): DocumentSummary => ({ ...meta, highlightCount: meta.highlightCount ?? 0 });

  return {
    async appInfo() {
      return {
        version: options.version,
        host: options.host,
        dataDir: storage.dataDir,
        notices: storage.notices.map((notice) => ({ ...notice, level: notice.level ?? 'warning' })),
      };
    },

    async listDocuments() {
      return storage.documents.list().map(summarise);
    },

    async getDocument({ id }) {
      return storage.documents.get(id);
    },

    async importDocument(given) {
      const input = withTitleLine(given);
      const body = await importedBody(input, options.markdown ?? inProcessMarkdown);
      if (body.text.trim().length === 0)
        throw new LectioError('invalid-argument', 'The article is empty: there is no text to import.');
      const meta: DocumentMeta = {
        id: newId(),
        title: input.title?.trim() || deriveTitle(body.text),
        source: input.source?.trim() ?? '',
        publishedDate: input.publishedDate ?? null,
        addedAt: now().toISOString(),
        wordCount: countWords(body.text),
        origin: input.fileName ?? 'paste',
        ...importedMetadata(input.metadata),
      };
      await storage.documents.add(meta, body);
      return summarise(meta);
    },

    async updateDocument({ id, ...change }) {
      const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      return summarise(await storage.documents.updateMeta(id, defined));
    },

    async deleteDocument({ id }) {
      await storage.documents.delete(id);
      // Its tags, collections and reading position go with it (they would otherwise outlive it in organisation.json).
      await storage.organisation.forget([id]);
      return { id };
    },

    async dismissNotice({ id }) {
      storage.dismissNotice(id);
      return { id };
    },
  };
}

/** Puts the bundled sample article into a brand-new library, so the first launch opens on something to read. */
export async function seedNewLibrary(storage: LibraryStorage, sample: SampleArticle, now: () => Date): Promise<void> {
  if (!storage.isNew) return;
  const body = importPlainText(sample.text);
  await storage.documents.add(
    {
      id: 'sample',
      title: sample.title,
      source: sample.source,
      publishedDate: sample.publishedDate,
      addedAt: now().toISOString(),
      wordCount: countWords(body.text),
      origin: 'sample',
    },
    body,
  );
}
