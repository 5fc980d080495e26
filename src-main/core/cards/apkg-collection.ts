/**
 * The rows of the Anki collection inside a legacy .apkg (collection.anki2, schema 11, which every Anki since 2.1
 * imports): the `col` row with its note types, decks and deck options as JSON, one note per card, one Anki card per
 * cloze number (Anki makes a card per cN; Lectio shows them together), and the review log. Pure data: the file itself
 * is written by src-main/anki/apkg-write.ts.
 *
 * Updating rather than duplicating: the note's GUID is the card's (`lectio-<id>`, or the one it came from Anki with),
 * the note types have fixed ids and names (anki-note-type.ts), and a note's `mod` is when the card was last changed,
 * so Anki's importer replaces the note it imported last time exactly when the card changed since.
 */
import type { ReviewRecord, ScheduleState, StoredCard } from './card';
import { parseCloze } from './cloze';
import { DECK_ROOT } from './anki-export';
import { LECTIO_CSS, LECTIO_NOTE_TYPES, type AnkiNote, type AnkiNoteType } from './anki-note-type';
import { ankiSchedule, revlogRow, type AnkiCardSchedule, type AnkiRevlogRow, type AnkiTiming } from './anki-schedule';

/** When the note types were last changed (seconds): Anki keeps the newer of two same-named types on import. */
export const NOTE_TYPES_MOD = 1733529600;
/** Anki's own default deck and deck options, which every collection has. */
const DEFAULT_DECK_ID = 1;
const DEFAULT_CONF_ID = 1;

export interface ApkgItem {
  card: StoredCard;
  note: AnkiNote;
  schedule: ScheduleState;
  /** The card's reviews, oldest first. */
  reviews: readonly ReviewRecord[];
}

export interface ApkgNoteRow {
  id: number;
  guid: string;
  mid: number;
  /** Seconds. */
  mod: number;
  tags: string;
  /** Fields joined by Anki's separator, U+001F. */
  flds: string;
  /** The sort field (the first, for both note types) as plain text; the writer derives `csum` from it, as Anki does. */
  sfld: string;
}

export interface ApkgCardRow extends AnkiCardSchedule {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
}

export interface ApkgRevlogRow extends AnkiRevlogRow {
  cid: number;
}

export interface ApkgCollection {
  col: { crt: number; mod: number; scm: number; conf: string; models: string; decks: string; dconf: string };
  notes: ApkgNoteRow[];
  cards: ApkgCardRow[];
  revlog: ApkgRevlogRow[];
  /** Each media file once: the name the fields use and the stored picture it is. */
  media: { fileName: string; imageId: string }[];
}

export interface ApkgOptions extends AnkiTiming {
  now: Date;
  /** When the reader's day (the collection's day 0) began. */
  dayStart: Date;
  /** The hour the reader's day starts (Anki's `rollover`). */
  rolloverHour: number;
}

/** Ids that are epoch milliseconds, as Anki's are, made unique by stepping past ones taken (as Anki's importer does). */
class IdMaker {
  #taken = new Set<number>();
  take(wanted: number): number {
    let id = Math.max(1, Math.floor(wanted));
    while (this.#taken.has(id)) id += 1;
    this.#taken.add(id);
    return id;
  }
}

/** A stable id for a deck name: Anki matches decks by name on import, and a fixed id keeps two exports alike. */
export function deckId(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Above any id Anki's own decks get from a clock in ms before 2033, and well inside a safe integer.
  return 2_000_000_000_000 + hash;
}

/** A field's text without HTML, as Anki sorts and checksums it (its media file names kept, as Anki keeps them). */
export function plainText(html: string): string {
  return html
    .replace(/<img[^>]*?src="([^"]*)"[^>]*>/gi, ' $1 ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

function modelJson(type: AnkiNoteType) {
  return {
    id: type.id,
    name: type.name,
    type: type.cloze ? 1 : 0,
    mod: NOTE_TYPES_MOD,
    usn: 0,
    sortf: 0,
    did: null,
    tmpls: [
      {
        name: type.template.name,
        ord: 0,
        qfmt: type.template.front,
        afmt: type.template.back,
        bqfmt: '',
        bafmt: '',
        did: null,
        bfont: '',
        bsize: 0,
      },
    ],
    flds: type.fields.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    css: LECTIO_CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req: type.cloze ? [] : [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

function deckJson(id: number, name: string, mod: number, desc = '') {
  const today = [0, 0];
  return {
    id,
    mod,
    name,
    usn: 0,
    lrnToday: today,
    revToday: today,
    newToday: today,
    timeToday: today,
    collapsed: false,
    browserCollapsed: false,
    desc,
    dyn: 0,
    conf: DEFAULT_CONF_ID,
    extendNew: 0,
    extendRev: 0,
  };
}

/** Anki's default deck options (deckconfig/schema11.rs), with the reader's desired retention. */
function deckOptionsJson(mod: number, desiredRetention: number) {
  return {
    id: DEFAULT_CONF_ID,
    mod,
    name: 'Default',
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    desiredRetention,
  };
}

/** The cloze numbers of a cloze text as Anki card ordinals (c1 is ord 0); [0] when it has none. */
export function clozeOrds(text: string): number[] {
  const numbers = new Set<number>();
  for (const segment of parseCloze(text)) if ('deletion' in segment) numbers.add(segment.deletion.n);
  const ords = [...numbers].filter((n) => n >= 1).map((n) => n - 1);
  return ords.length ? ords.sort((a, b) => a - b) : [0];
}

export function apkgCollection(items: readonly ApkgItem[], options: ApkgOptions): ApkgCollection {
  const nowMs = options.now.getTime();
  const nowSecs = Math.floor(nowMs / 1000);
  const noteIds = new IdMaker();
  const cardIds = new IdMaker();
  const revlogIds = new IdMaker();
  const decks = new Map<string, number>([[DECK_ROOT, deckId(DECK_ROOT)]]);
  const media = new Map<string, string>();
  const notes: ApkgNoteRow[] = [];
  const cards: ApkgCardRow[] = [];
  const revlog: ApkgRevlogRow[] = [];

  items.forEach((item, index) => {
    const { card, note } = item;
    const created = Date.parse(card.createdAt);
    const mod = Math.floor(Date.parse(card.updatedAt) / 1000);
    const did = decks.get(note.deck) ?? deckId(note.deck);
    decks.set(note.deck, did);
    for (const file of note.media) media.set(file.fileName, file.imageId);
    const nid = noteIds.take(created);
    notes.push({
      id: nid,
      guid: note.guid,
      mid: note.noteType.id,
      mod,
      // Anki keeps tags space-separated with a space at each end, so a search for " tag " finds whole tags.
      tags: note.tags.length ? ` ${note.tags.join(' ')} ` : '',
      flds: note.fields.join('\u001f'),
      sfld: plainText(note.fields[0] ?? ''),
    });
    const schedule = ankiSchedule(item.schedule, card.suspended, index + 1, options);
    const ords = note.noteType.cloze ? clozeOrds(card.front) : [0];
    for (const ord of ords) {
      // Every card of a note shares its schedule: Lectio reviews the note's deletions together.
      const cid = cardIds.take(created + ord);
      cards.push({ id: cid, nid, did, ord, mod, ...schedule });
      if (ord === ords[0])
        for (const record of item.reviews) {
          const row = revlogRow(record);
          revlog.push({ ...row, id: revlogIds.take(row.id), cid });
        }
    }
  });

  const deckRows: Record<string, unknown> = {
    [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, 'Default', nowSecs),
  };
  for (const [name, id] of decks)
    deckRows[id] = deckJson(id, name, nowSecs, name === DECK_ROOT ? 'Cards made in Lectio.' : '');
  const conf = {
    schedVer: 2,
    rollover: options.rolloverHour,
    nextPos: items.length + 1,
    curModel: LECTIO_NOTE_TYPES[0]?.id,
    curDeck: DEFAULT_DECK_ID,
    activeDecks: [DEFAULT_DECK_ID],
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
  };
  return {
    col: {
      crt: Math.floor(options.dayStart.getTime() / 1000),
      mod: nowMs,
      scm: nowMs,
      conf: JSON.stringify(conf),
      models: JSON.stringify(Object.fromEntries(LECTIO_NOTE_TYPES.map((type) => [type.id, modelJson(type)]))),
      decks: JSON.stringify(deckRows),
      dconf: JSON.stringify({ [DEFAULT_CONF_ID]: deckOptionsJson(nowSecs, options.desiredRetention) }),
    },
    notes,
    cards,
    revlog,
    media: [...media].map(([fileName, imageId]) => ({ fileName, imageId })),
  };
}
