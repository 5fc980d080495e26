/**
 * The PDF part of the service: a PDF file (sent as base64, the one form both transports carry) or a PDF fetched from
 * a web address is read in its own worker thread, page by page, with progress the import panel polls and a Cancel.
 * Nothing is stored until the whole file has been read and laid out, so a failure or a cancel leaves the library as
 * it was.
 */
import type { DocumentMeta } from '../../core/model';
import { pdfInfoFields } from '../../core/import/pdf-metadata';
import { isPdfBytes } from '../../core/import/sniff';
import { countWords, deriveTitle } from '../../core/text-stats';
import type { FetchedPage } from '../../import/fetch-page';
import { inProcessPdf, pdfImportCancelled } from '../../import/pdf-runner';
import { LectioError } from '../../core/errors';
import { MAX_PDF_BYTES, type DocumentSummary, type LectioApi } from '../contract';
import type { ServiceDeps } from './deps';
import { SingleJob } from './single-job';

/** Where the PDF came from: a file's name, or the address it was fetched from (after redirects). */
export type PdfOrigin = { fileName: string } | { url: string };

/** One PDF import at a time per service: reading one takes seconds and the memory of a whole file. */
const jobs = new WeakMap<ServiceDeps, SingleJob>();
function pdfJob(deps: ServiceDeps): SingleJob {
  let job = jobs.get(deps);
  if (!job) {
    job = new SingleJob({
      busy: 'A PDF is being imported already: wait for it to finish, or cancel it.',
      cancelled: pdfImportCancelled,
    });
    jobs.set(deps, job);
  }
  return job;
}

function fileTitle(origin: PdfOrigin): string {
  if ('fileName' in origin) return origin.fileName.replace(/\.pdf$/i, '').trim();
  const last = decodeURIComponent(new URL(origin.url).pathname.split('/').filter(Boolean).at(-1) ?? '');
  return last.replace(/\.pdf$/i, '').trim();
}

/** Whether a fetched page is a PDF, by its type or, when the server names none or a wrong one, by its bytes. */
export function isPdfPage(page: FetchedPage): boolean {
  return page.mediaType === 'application/pdf' || isPdfBytes(page.bytes);
}

/** Reads and stores the PDF in `bytes`; throws a LectioError with the reader's message when it cannot be read ('unreadable-file', 'invalid-argument'). */
export async function importPdfBytes(
  deps: ServiceDeps,
  bytes: Uint8Array,
  origin: PdfOrigin,
): Promise<DocumentSummary> {
  const runner = deps.options.pdf ?? inProcessPdf;
  if (bytes.byteLength > MAX_PDF_BYTES)
    throw new LectioError(
      'invalid-argument',
      `This PDF is ${(bytes.byteLength / 1e6).toFixed(1)} MB; Lectio imports PDFs up to ${MAX_PDF_BYTES / 1e6} MB.`,
    );
  if (!isPdfBytes(bytes)) throw new LectioError('unreadable-file', 'This file is not a PDF document.');
  const content = await pdfJob(deps).run({ total: 0 }, async (handle) => {
    return runner.read(bytes, handle.progress, handle.signal);
  });
  const { body, pageCount, info } = content;
  const fields = pdfInfoFields(info, deps.now().toISOString().slice(0, 10));
  const firstHeading = body.blocks.find((block) => block.kind === 'heading');
  const title = fields.title ?? (firstHeading ? body.text.slice(firstHeading.start, firstHeading.end) : '');
  const meta: DocumentMeta = {
    id: deps.newId(),
    title: (title || fileTitle(origin) || deriveTitle(body.text)).slice(0, 300),
    source: (
      fields.authors?.join(', ') ?? ('url' in origin ? new URL(origin.url).hostname.replace(/^www\./, '') : '')
    ).slice(0, 300),
    publishedDate: fields.publishedDate ?? null,
    addedAt: deps.now().toISOString(),
    wordCount: countWords(body.text),
    origin: 'fileName' in origin ? origin.fileName : new URL(origin.url).hostname,
    pageCount,
    ...('url' in origin ? { url: origin.url } : {}),
    ...(fields.authors ? { authors: fields.authors } : {}),
  };
  await deps.storage.documents.add(meta, body);
  return { ...meta, highlightCount: 0 };
}

type PdfMethods = Pick<LectioApi, 'importPdf' | 'pdfImportProgress' | 'cancelPdfImport'>;

export function pdfImportMethods(deps: ServiceDeps): PdfMethods {
  return {
    async importPdf({ data, fileName }) {
      return importPdfBytes(deps, new Uint8Array(Buffer.from(data, 'base64')), { fileName });
    },
    async pdfImportProgress() {
      return pdfJob(deps).progress();
    },
    async cancelPdfImport() {
      return pdfJob(deps).cancel();
    },
  };
}
