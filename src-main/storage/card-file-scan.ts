/**
 * `cards.json` read card by card instead of whole: the due counts, the review queue's order and the Library's due sort
 * need of each card only its id, document, creation time and whether it is suspended (a `CardSummary`), and the
 * Review screen shows a page of 20. Parsing the whole file (50 MB for 50,000 cards) held every card's text and
 * passage in the server's heap (+60 MB) for as long as it ran.
 *
 * The file is written as `JSON.stringify(data, null, 1)` (durable-file.ts), so each card is the lines from `  {` to
 * `  }` (a string holds no raw line break, so a line's indent is its depth). `scanCardsFile` streams it, parses and
 * checks each card alone (the same check as a whole load) and keeps its summary with where its text lies; `readCardsAt`
 * reads just those bytes. A file in any other layout (or damaged) gives null, and the caller loads it whole, which
 * recovers a damaged file as before.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { StoredCard } from '../core/cards/card';
import { CARDS_SCHEMA_VERSION, storedCardSchema } from './card-file-schemas';

/** What the schedules, the queue's order and the due counts need of a card; `at` says where its text lies. */
export interface CardSummary {
  id: string;
  documentId: string | null;
  highlightId: string | null;
  suspended: boolean;
  createdAt: string;
  /** Byte offset and length of the card's text in cards.json; absent once the cards were loaded whole and changed. */
  at?: { offset: number; length: number };
}

export function summaryOf(card: StoredCard, at?: CardSummary['at']): CardSummary {
  return {
    id: card.id,
    documentId: card.source?.documentId ?? null,
    highlightId: card.highlightId,
    suspended: card.suspended,
    createdAt: card.createdAt,
    ...(at ? { at } : {}),
  };
}

const HEAD = `{\n "schemaVersion": ${CARDS_SCHEMA_VERSION},\n "cards": [`;
const NO_CARDS = Buffer.from(`${HEAD}]\n}`);
const CARD_OPEN = Buffer.from('\n  {\n');
/** A card's last line: the only line indented two spaces that starts with `}` (deeper lines have more spaces). */
const CARD_CLOSE = Buffer.from('\n  }');
const NEXT = Buffer.from(',');
const END = Buffer.from('\n ]\n}');

/** The file's bytes, a megabyte at a time, each chunk after what is left of the previous one. */
async function* chunksOf(file: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) yield chunk;
}

/**
 * Every card's summary, in file order, read card by card; null when the file is missing, damaged, of another schema
 * version or laid out otherwise (load it whole then: that path recovers, upgrades or refuses it).
 */
export async function scanCardsFile(file: string): Promise<CardSummary[] | null> {
  const summaries: CardSummary[] = [];
  const ids = new Set<string>();
  const head = Buffer.from(HEAD);
  let buffer: Buffer = Buffer.alloc(0);
  /** The file offset of `buffer`'s first byte. */
  let base = 0;
  let at = 0;
  let state: 'head' | 'card' | 'after' | 'end' = 'head';
  /** Takes `bytes` at `at`: true when they are there, false when others are, null when the buffer ends first. */
  const take = (bytes: Buffer): boolean | null => {
    // Byte by byte: a subarray per comparison, three a card, cost more than the parse at 50,000 cards.
    const n = Math.min(bytes.length, buffer.length - at);
    for (let i = 0; i < n; i++) if (buffer[at + i] !== bytes[i]) return false;
    if (n < bytes.length) return null;
    at += bytes.length;
    return true;
  };
  try {
    for await (const chunk of chunksOf(file)) {
      buffer = at < buffer.length ? Buffer.concat([buffer.subarray(at), chunk]) : chunk;
      base += at;
      at = 0;
      for (;;) {
        if (state === 'head') {
          if (buffer.length < NO_CARDS.length) break;
          if (buffer.subarray(0, NO_CARDS.length).equals(NO_CARDS)) {
            at = NO_CARDS.length;
            state = 'end';
            continue;
          }
          const ok = take(head);
          if (!ok) return null;
          state = 'card';
        } else if (state === 'card') {
          const ok = take(CARD_OPEN);
          if (ok === false) return null;
          if (ok === null) break;
          const close = buffer.indexOf(CARD_CLOSE, at);
          if (close < 0) {
            at -= CARD_OPEN.length;
            break;
          }
          const start = at - 4;
          const end = close + CARD_CLOSE.length;
          const parsed = storedCardSchema.safeParse(JSON.parse(buffer.toString('utf8', start, end)));
          if (!parsed.success || ids.has(parsed.data.id)) return null;
          ids.add(parsed.data.id);
          summaries.push(summaryOf(parsed.data as StoredCard, { offset: base + start, length: end - start }));
          at = end;
          state = 'after';
        } else if (state === 'after') {
          const more = take(NEXT);
          if (more) {
            state = 'card';
            continue;
          }
          const ended = take(END);
          if (ended === false) return null;
          if (ended === null) break;
          state = 'end';
        } else {
          // Nothing may follow but a line break.
          const rest = buffer.subarray(at);
          if (rest.length > 1 || (rest.length === 1 && rest[0] !== 10)) return null;
          at = buffer.length;
          break;
        }
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null;
    throw error;
  }
  return state === 'end' ? summaries : null;
}

/** The cards whose text lies where `summaries` say, checked; null when any is not there as scanned (load them whole). */
export async function readCardsAt(file: string, summaries: readonly CardSummary[]): Promise<StoredCard[] | null> {
  if (summaries.length === 0) return [];
  if (summaries.some((summary) => !summary.at)) return null;
  const handle = await open(file, 'r');
  try {
    const cards: StoredCard[] = [];
    for (const summary of summaries) {
      const { offset, length } = summary.at as { offset: number; length: number };
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      if (bytesRead !== length) return null;
      let raw: unknown;
      try {
        raw = JSON.parse(buffer.toString('utf8'));
      } catch {
        return null;
      }
      const parsed = storedCardSchema.safeParse(raw);
      if (!parsed.success || parsed.data.id !== summary.id) return null;
      cards.push(raw as StoredCard);
    }
    return cards;
  } finally {
    await handle.close();
  }
}
