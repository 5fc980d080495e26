/**
 * Sends notes to a running Anki through AnkiConnect: Lectio's note types are created when Anki lacks them, each note
 * is found again by its "Lectio id" field (so sending twice updates, never duplicates, whatever GUID Anki gave the
 * note), a changed note has its fields updated, an unchanged one is left alone, and a new one is added to its deck
 * with its pictures stored in Anki's media folder first.
 */
import {
  fieldsByName,
  LECTIO_CSS,
  LECTIO_ID_FIELD,
  LECTIO_NOTE_TYPES,
  type AnkiNote,
} from '../core/cards/anki-note-type';
import type { AnkiConnect } from './anki-connect';

export interface PushReport {
  added: number;
  updated: number;
  unchanged: number;
  pictures: number;
  /** Notes Anki would not add, each with the reason it gave. */
  failed: string[];
}

interface NoteInfo {
  noteId: number;
  modelName: string;
  fields: Record<string, { value: string; order: number }>;
}

/** Creates Lectio's note types that Anki does not have yet (by name: AnkiConnect knows note types by name). */
async function ensureNoteTypes(anki: AnkiConnect): Promise<void> {
  const names = new Set(await anki.invoke<string[]>('modelNames'));
  for (const type of LECTIO_NOTE_TYPES) {
    if (names.has(type.name)) continue;
    await anki.invoke('createModel', {
      modelName: type.name,
      inOrderFields: type.fields,
      css: LECTIO_CSS,
      isCloze: type.cloze,
      cardTemplates: [{ Name: type.template.name, Front: type.template.front, Back: type.template.back }],
    });
  }
}

/** Anki's notes that came from Lectio, by their Lectio id. */
async function notesFromLectio(anki: AnkiConnect): Promise<Map<string, NoteInfo>> {
  // `_*` matches a field with at least one character: every note that has a Lectio id, in any deck.
  const ids = await anki.invoke<number[]>('findNotes', { query: `"${LECTIO_ID_FIELD}:_*"` });
  const found = new Map<string, NoteInfo>();
  if (ids.length === 0) return found;
  for (const info of await anki.invoke<NoteInfo[]>('notesInfo', { notes: ids })) {
    const lectioId = info.fields[LECTIO_ID_FIELD]?.value;
    if (lectioId) found.set(lectioId, info);
  }
  return found;
}

function sameFields(info: NoteInfo, fields: Record<string, string>): boolean {
  return Object.entries(fields).every(([name, value]) => info.fields[name]?.value === value);
}

/**
 * Sends `notes`; `readPicture` gives a stored picture's bytes (null when its file is gone: the note then shows the
 * picture's alt text). Throws an 'anki-unavailable' LectioError when Anki stops answering or refuses a call.
 */
export async function pushNotes(
  anki: AnkiConnect,
  notes: readonly AnkiNote[],
  readPicture: (imageId: string) => Promise<Uint8Array | null>,
): Promise<PushReport> {
  await anki.version();
  await ensureNoteTypes(anki);
  const existing = await notesFromLectio(anki);
  const toAdd: AnkiNote[] = [];
  const toUpdate: { id: number; fields: Record<string, string>; note: AnkiNote }[] = [];
  let unchanged = 0;
  for (const note of notes) {
    const fields = fieldsByName(note);
    const info = existing.get(fields[LECTIO_ID_FIELD] ?? '');
    if (!info) toAdd.push(note);
    else if (sameFields(info, fields)) unchanged += 1;
    else toUpdate.push({ id: info.noteId, fields, note });
  }

  // Pictures first, so no note refers to a file Anki does not have yet.
  const pictures = new Map<string, string>();
  for (const note of [...toAdd, ...toUpdate.map((update) => update.note)])
    for (const file of note.media) pictures.set(file.fileName, file.imageId);
  let stored = 0;
  for (const [fileName, imageId] of pictures) {
    const bytes = await readPicture(imageId);
    if (!bytes) continue;
    await anki.invoke('storeMediaFile', { filename: fileName, data: Buffer.from(bytes).toString('base64') });
    stored += 1;
  }

  for (const deck of new Set(toAdd.map((note) => note.deck))) await anki.invoke('createDeck', { deck });
  for (const update of toUpdate)
    await anki.invoke('updateNoteFields', { note: { id: update.id, fields: update.fields } });

  const failed: string[] = [];
  let added = 0;
  if (toAdd.length) {
    const ids = await anki.invoke<(number | null)[]>('addNotes', {
      notes: toAdd.map((note) => ({
        deckName: note.deck,
        modelName: note.noteType.name,
        fields: fieldsByName(note),
        tags: note.tags,
        // Two Lectio cards may share a front (two questions on one passage): they are still two notes.
        options: { allowDuplicate: true },
      })),
    });
    ids.forEach((id, index) => {
      if (typeof id === 'number') added += 1;
      else failed.push(`Anki did not add the card "${fieldsByName(toAdd[index] as AnkiNote)[LECTIO_ID_FIELD]}".`);
    });
  }
  return { added, updated: toUpdate.length, unchanged, pictures: stored, failed };
}
