/** The Library screen's state: the document list and the import actions that add to it (deleting, with its Undo, is the organise state's). */
import type { DocumentSummary, ImportDocumentInput, LectioApi } from '@contract';
import { errorMessage } from '../api-client.svelte';

export class LibraryState {
  // Raw (replaced whole, never changed in place): the Library filters and sorts thousands of these on each change of
  // view, and reading them through deep proxies made that several times slower.
  documents = $state.raw<DocumentSummary[]>([]);
  loading = $state(true);
  error = $state<string | null>(null);

  constructor(private readonly api: LectioApi) {}

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.documents = await this.api.listDocuments({});
      this.error = null;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  /**
   * Reads the list again without showing it loading (documents arrived from another device): the rows stay on screen
   * and change in place. `hidden` are documents whose delete is still undoable here: they stay out of the list.
   */
  async reload(hidden: ReadonlySet<string> = new Set()): Promise<void> {
    try {
      const documents = await this.api.listDocuments({});
      this.documents = documents.filter((doc) => !hidden.has(doc.id));
      this.error = null;
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Imports and returns the new document; throws the API's error so the form can show it beside the input. */
  async importDocument(input: ImportDocumentInput): Promise<DocumentSummary> {
    const created = await this.api.importDocument(input);
    this.documents = [...this.documents, created];
    return created;
  }

  /** Saves the article at a web address (the main process fetches it); throws the API's error for the form to show. */
  async importFromUrl(url: string, wholePage = false): Promise<DocumentSummary> {
    const created = await this.api.importFromUrl(wholePage ? { url, wholePage } : { url });
    this.documents = [...this.documents, created];
    return created;
  }

  /** Imports an EPUB book (its bytes as base64); throws the API's error for the form to show. */
  async importEpub(fileName: string, data: string): Promise<DocumentSummary> {
    const created = await this.api.importEpub({ fileName, data });
    this.documents = [...this.documents, created];
    return created;
  }
}
