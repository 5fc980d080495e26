/**
 * Anki, properly: cards as an .apkg with Lectio's note types (export), and cards sent to a running Anki through
 * AnkiConnect (send). Both build the same notes: the card's text, its passage re-anchored where it is now with the
 * document's title and page, a link back to the passage in Lectio (and to the original article, for a page saved from
 * the web), and the pictures beside the passage, read from the library's image store.
 */
import type { StoredCard, ReviewRecord } from '../../core/cards/card';
import { ankiNote, type AnkiNote } from '../../core/cards/anki-note-type';
import { apkgCollection } from '../../core/cards/apkg-collection';
import { picturesNear } from '../../core/cards/card-pictures';
import { startOfReaderDay } from '../../core/cards/reader-day';
import { anchor } from '../../core/anchoring/anchor';
import type { LectioDocument } from '../../core/model';
import { pageAt } from '../../core/page-at';
import { isLectioError } from '../../core/errors';
import { fileStem } from '../../core/file-stem';
import { AnkiConnect, ANKI_CONNECT_URL } from '../../anki/anki-connect';
import { pushNotes } from '../../anki/anki-push';
import { writeApkg } from '../../anki/apkg-write';
import type { LectioApi } from '../contract';
import type { CardContext } from './card-views';

type AnkiMethods = Pick<LectioApi, 'exportApkg' | 'getAnkiStatus' | 'sendToAnki'>;

/** Each document read once per export, however many cards come from it; null for one deleted since. */
class DocumentCache {
  readonly #docs = new Map<string, Promise<LectioDocument | null>>();
  constructor(private readonly context: CardContext) {}

  get(id: string): Promise<LectioDocument | null> {
    let doc = this.#docs.get(id);
    if (!doc) {
      doc = this.context.deps.storage.documents.get(id).catch((error: unknown) => {
        if (isLectioError(error, 'not-found')) return null;
        throw error;
      });
      this.#docs.set(id, doc);
    }
    return doc;
  }
}

async function noteOf(card: StoredCard, docs: DocumentCache): Promise<AnkiNote> {
  if (!card.source) return ankiNote({ card, documentTitle: null, passage: null, pictures: [] });
  const doc = await docs.get(card.source.documentId);
  const found = doc ? anchor(doc.body.text, card.source.selectors) : null;
  const page = doc && found ? pageAt(doc.body.blocks, found.start) : undefined;
  return ankiNote({
    card,
    documentTitle: doc?.title ?? null,
    passage: {
      text: found && doc ? doc.body.text.slice(found.start, found.end) : card.source.selectors[1].exact,
      start: found?.start ?? null,
      end: found?.end ?? null,
      ...(page !== undefined ? { page } : {}),
    },
    ...(doc?.url ? { url: doc.url } : {}),
    pictures: doc && found ? picturesNear(doc.body.blocks, found.start, found.end) : [],
  });
}

export function ankiMethods(context: CardContext): AnkiMethods {
  const { deps } = context;
  const anki = new AnkiConnect(deps.options.ankiConnectUrl ?? ANKI_CONNECT_URL);

  function cardsOf(documentId: string | undefined): StoredCard[] {
    return context.cards.all().filter((card) => documentId === undefined || card.source?.documentId === documentId);
  }

  async function readPicture(imageId: string): Promise<Uint8Array | null> {
    return (await deps.storage.images.read(imageId))?.bytes ?? null;
  }

  function reviewsByCard(): Map<string, ReviewRecord[]> {
    const byCard = new Map<string, ReviewRecord[]>();
    for (const record of context.reviews.all()) {
      const list = byCard.get(record.cardId) ?? [];
      list.push(record);
      byCard.set(record.cardId, list);
    }
    for (const list of byCard.values()) list.sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt));
    return byCard;
  }

  return {
    async exportApkg({ documentId }) {
      const cards = cardsOf(documentId);
      const title = documentId === undefined ? null : deps.storage.documents.meta(documentId).title;
      const fileName = `${title ? fileStem(title, 'cards') : 'lectio'}.apkg`;
      return deps.exports.run({ items: cards.length }, async (run) => {
        const docs = new DocumentCache(context);
        const scheduler = context.scheduler();
        await context.reviews.ready();
        const reviews = reviewsByCard();
        const items = await run.map(cards, async (card) => ({
          card,
          note: await noteOf(card, docs),
          schedule: context.schedule(card, scheduler),
          reviews: reviews.get(card.id) ?? [],
        }));
        const now = deps.now();
        const day = context.readerDay();
        const today = context.dayOf()(now);
        const collection = apkgCollection(items, {
          now,
          dayOf: context.dayOf(),
          today,
          dayStart: startOfReaderDay(today, day),
          rolloverHour: day.rolloverHour,
          desiredRetention: context.reviewSettings().desiredRetention,
        });
        const media = new Map<string, Uint8Array>();
        for (const { imageId } of collection.media) {
          run.check();
          const bytes = await readPicture(imageId);
          if (bytes) media.set(imageId, bytes);
        }
        const bytes = await writeApkg(collection, media);
        run.check();
        return {
          fileName,
          mimeType: 'application/apkg',
          content: Buffer.from(bytes).toString('base64'),
          encoding: 'base64' as const,
        };
      });
    },

    async getAnkiStatus() {
      try {
        const version = await anki.version();
        return { available: true, version, address: anki.url, message: '' };
      } catch (error) {
        if (!isLectioError(error, 'anki-unavailable')) throw error;
        return { available: false, version: null, address: anki.url, message: error.message };
      }
    },

    async sendToAnki({ documentId }) {
      const docs = new DocumentCache(context);
      const notes = await Promise.all(cardsOf(documentId).map((card) => noteOf(card, docs)));
      return pushNotes(anki, notes, readPicture);
    },
  };
}
