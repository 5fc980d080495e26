/** What every area of the contract shares. */

/** The input of a method that takes nothing. */
export type Empty = Record<string, never>;

/** A file a method hands back for the reader to save (an export): its name, type and text. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
  /** 'base64' when `content` holds a binary file's bytes (an .apkg) in base64; text otherwise. */
  encoding?: 'base64';
}
