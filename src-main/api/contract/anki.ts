/** Anki, properly: an .apkg with Lectio's own note types, and cards sent straight to a running Anki (AnkiConnect). */
import type { Empty, ExportedFile } from './common';

/** Whether Anki with AnkiConnect answers on this machine, and if not, what to do about it. */
export interface AnkiStatus {
  available: boolean;
  /** AnkiConnect's API version when it answered. */
  version: number | null;
  /** Where Lectio looks for AnkiConnect (http://127.0.0.1:8765 unless the host was told otherwise). */
  address: string;
  /** Why it is not available, in words for the reader; empty when it is. */
  message: string;
}

export interface AnkiSendReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Pictures stored in Anki's media folder. */
  pictures: number;
  failed: string[];
}

export interface AnkiMethods {
  /**
   * Cards (one document's, or all) as an Anki package (.apkg, base64 in `content`): Lectio's note types, GUIDs from the
   * card ids (importing a newer export updates the notes), the source passage, a link back and the passage's pictures,
   * and each card's schedule and review history. One export runs at a time, with exportProgress and cancelExport.
   */
  exportApkg: { input: { documentId?: string }; output: ExportedFile };
  getAnkiStatus: { input: Empty; output: AnkiStatus };
  /** Adds the cards to Anki through AnkiConnect, or updates the notes sent before; fails when Anki does not answer. */
  sendToAnki: { input: { documentId?: string }; output: AnkiSendReport };
}
