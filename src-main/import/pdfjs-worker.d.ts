/** pdf.js's parser module ships no types; the PDF import only registers it as `globalThis.pdfjsWorker` (pdf-read.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
