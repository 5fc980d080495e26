/** Saves a file the API produced (an export) through the browser's download, which Electron routes to a save dialog. */
import type { ExportedFile } from '@contract';

/** The file's bytes: its text as is, or decoded from base64 for a binary file (an .apkg). */
export function fileBlob(file: ExportedFile): Blob {
  if (file.encoding !== 'base64') return new Blob([file.content], { type: file.mimeType });
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: file.mimeType });
}

export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(fileBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
