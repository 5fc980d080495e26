/**
 * The search part of the service, over the library's on-disk full-text index (storage/search-index.ts).
 *
 * Kept current in two ways. What changed in this process is heard on the change feed, and a query first re-indexes
 * only those documents and cards, each write one transaction. What the feed cannot tell (changes made before a launch
 * that the index missed, a restore from a backup, a damaged index replaced by an empty one, and the very first launch
 * with no index) is found by a pass over the library in the background: documents not in the index are indexed, and
 * every other document's file stamps (stat, no read) are compared with those it was indexed with. The pass works in
 * slices of a few tens of milliseconds, so requests are answered while it runs: from what is indexed so far, saying
 * how far it has got. A small library (the first search of a new one, tests) waits for the pass instead.
 *
 * A hit is never served stale: the stamps of the documents a query found are checked before it answers, and one that
 * changed is indexed again and the query asked again.
 */
import { cardEntries, documentEntries } from '../../core/search/entries';
import { searchWords } from '../../core/search/fts-query';
import { snippet, type SearchHit, type SearchResult } from '../../core/search/library-index';
import { EMPTY_ORGANISATION } from '../../core/library/organisation';
import { matchesFilter } from '../../core/library/query';
import type { DocumentMeta } from '../../core/model';
import { LectioError } from '../../core/errors';
import type { LectioApi } from '../contract';
import { CARDS_STAMP_GROUP, cardGroup, type GroupWrite, type SearchIndex } from '../../storage/search-index';
import type { RecordKind } from '../../storage/change-feed';
import { inProcessSearchEntries } from '../../storage/search-entry-reader';
import type { ServiceDeps } from './deps';

type SearchMethods = Pick<LectioApi, 'search'>;

/** A library with at most this many documents left to index is indexed before the query answers. */
export const INDEX_BEFORE_ANSWERING = 200;
/** How long a large library's check of its indexed documents' stamps waits after the first search of a launch. */
const VERIFY_DELAY_MS = 2000;
/** How long the background pass works before letting requests in. */
const SLICE_MS = 40;
/** How long after a change to an open index it is indexed (a burst of grades or highlights is indexed together). */
const FEED_DELAY_MS = 3000;

/**
 * The records whose changes change what is indexed (a document's text, title and credits; its highlights and note).
 * A document's tags, reading position, analysis or anchors do not: re-indexing it for them would make the search
 * after a bulk change of tags read hundreds of documents.
 */
const INDEXED_KINDS: ReadonlySet<RecordKind> = new Set(['document', 'highlight', 'document-note']);

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `peers`: the part of the API a filter on due cards asks (absent: that filter part is ignored). */
export function searchMethods(deps: ServiceDeps, peers?: () => Pick<LectioApi, 'getDueByDocument'>): SearchMethods {
  const { storage } = deps;
  const entryReader = deps.options.searchEntries ?? inProcessSearchEntries;
  // Heard on the feed since the last query: documents and cards to index again.
  const dirtyDocuments = new Set<string>();
  const dirtyCards = new Set<string>();
  // The index once this service has opened it: changes heard after that are indexed a moment later, not only at the
  // next search, so the cards' stamp stays current and the next launch need not index every card again (which loads
  // the whole card store) because of cards made or edited in a session without a search.
  let opened: SearchIndex | null = null;
  let feedTimer: NodeJS.Timeout | null = null;
  const applySoon = () => {
    if (!opened || feedTimer) return;
    feedTimer = setTimeout(() => {
      feedTimer = null;
      if (opened?.isOpen)
        applyFeed(opened).catch((error: unknown) => console.error('The search index could not be updated:', error));
    }, FEED_DELAY_MS);
    feedTimer.unref();
  };
  storage.changes.onWrite((change) => {
    if (change.kind === 'card') dirtyCards.add(change.id);
    else if (!INDEXED_KINDS.has(change.kind)) return;
    else if (change.documentId) dirtyDocuments.add(change.documentId);
    else if (change.kind === 'document') dirtyDocuments.add(change.id);
    applySoon();
  });
  const openIndex = async () => {
    const index = await storage.searchIndex();
    if (opened !== index) {
      opened = index;
      applySoon();
    }
    return index;
  };

  let pass: Promise<void> | null = null;
  let progress: { done: number; total: number } | null = null;
  // Set when the library was replaced or the index emptied while a pass ran: another pass follows it.
  let passAgain = false;
  let checked = { restores: -1, generation: -1 };

  async function documentWrite(index: SearchIndex, meta: DocumentMeta, stamp: string): Promise<GroupWrite> {
    const [doc, annotations] = await Promise.all([storage.documents.peek(meta.id), storage.annotations.peek(meta.id)]);
    return { group: meta.id, stamp, entries: documentEntries(doc, annotations.highlights, annotations.documentNote) };
  }

  /** Indexes the documents, a slice at a time, counting them into `progress` when given. */
  async function indexDocuments(index: SearchIndex, metas: readonly DocumentMeta[], counted: boolean): Promise<void> {
    let at = 0;
    while (at < metas.length) {
      const started = performance.now();
      const writes: GroupWrite[] = [];
      while (at < metas.length && performance.now() - started < SLICE_MS) {
        const batch = metas.slice(at, at + 8);
        at += batch.length;
        // Stamps are taken before the files are read: a write after that leaves the entry stale, never wrongly current.
        const stamps = await index.documentStamps(batch);
        // Read and made into entries by the reader (a worker thread in the hosts: see storage/search-entry-reader.ts);
        // a document it could not read as it is goes through the storage below.
        const read = await entryReader.read(index.dataDir, batch);
        for (const meta of batch) {
          const entries = read.get(meta.id);
          if (entries) {
            writes.push({ group: meta.id, stamp: stamps.get(meta.id) ?? '-', entries });
            continue;
          }
          try {
            writes.push(await documentWrite(index, meta, stamps.get(meta.id) ?? '-'));
          } catch (error) {
            // Deleted meanwhile: nothing to index (the feed has it, and its entries go with the next query).
            if (!(error instanceof LectioError && error.code === 'not-found')) throw error;
          }
        }
      }
      if (!index.isOpen) return;
      index.replaceGroups(writes);
      if (counted && progress) progress.done += writes.length;
      await yieldToRequests();
    }
  }

  /** The background pass: see the file's comment. */
  async function catchUp(index: SearchIndex): Promise<void> {
    do {
      passAgain = false;
      checked = { restores: storage.restores, generation: index.generation };
      const listed = storage.documents.list();
      const listedIds = new Set(listed.map((meta) => meta.id));
      const groups = index.groups();
      const gone = [...groups.keys()].filter((group) => group !== CARDS_STAMP_GROUP && !listedIds.has(group));
      index.replaceGroups(gone.map((group) => ({ group, stamp: null, entries: [] })));
      const missing = listed.filter((meta) => !groups.has(meta.id));
      progress = { done: listed.length - missing.length, total: listed.length };
      // Cards first: a few seconds at most, and the count the reader is shown is of articles.
      await indexAllCards(index);
      await indexDocuments(index, missing, true);
      // Those indexed before: stale when their files changed since (a launch after a crash, a restore). In a large
      // library this waits a moment, so the first searches after a launch are not queued behind thousands of stats
      // (each hit is checked by stamp anyway), and then goes 50 documents at a time.
      const known = listed.filter((meta) => groups.has(meta.id));
      if (known.length > INDEX_BEFORE_ANSWERING)
        await new Promise((resolve) => setTimeout(resolve, VERIFY_DELAY_MS).unref());
      for (let at = 0; at < known.length && index.isOpen; at += 50) {
        const slice = known.slice(at, at + 50);
        const stamps = await index.documentStamps(slice);
        const stale = slice.filter((meta) => index.stamp(meta.id) !== stamps.get(meta.id));
        progress.done -= stale.length;
        await indexDocuments(index, stale, true);
        await yieldToRequests();
      }
    } while (passAgain && index.isOpen);
    progress = null;
  }

  /** Every card, again, when the cards' file is not the one indexed (the first pass; a restore). */
  async function indexAllCards(index: SearchIndex): Promise<void> {
    const stamp = await index.cardsStamp();
    if (index.stamp(CARDS_STAMP_GROUP) === stamp) return;
    // Read 500 cards at a time by where each lies in cards.json, not the whole store loaded: every card's text held at
    // once (and the garbage of parsing 50 MB) took the server past 500 MB on a large library's first search.
    await storage.cards.schedulesReady();
    const cardIds = [...storage.cards.summaries()].map((summary) => summary.id);
    const titles = titleLookup();
    const ids = new Set(cardIds.map((id) => cardGroup(id)));
    const gone = index.cardGroups().filter((group) => !ids.has(group));
    index.replaceGroups(gone.map((group) => ({ group, stamp: null, entries: [] })));
    for (let at = 0; at < cardIds.length && index.isOpen; at += 500) {
      const cards = await storage.cards.read(cardIds.slice(at, at + 500));
      index.replaceGroups(
        cards.map((card) => ({
          group: cardGroup(card.id),
          stamp: card.updatedAt,
          entries: cardEntries([card], titles),
        })),
      );
      await yieldToRequests();
    }
    if (index.isOpen) index.setStamp(CARDS_STAMP_GROUP, stamp);
  }

  function titleLookup(): (id: string) => string | null {
    const titles = new Map(storage.documents.list().map((meta) => [meta.id, meta.title]));
    return (id) => titles.get(id) ?? null;
  }

  /** Starts the background pass when the library or the index changed under it; waits for it in a small library. */
  async function ensureCaughtUp(index: SearchIndex, listed: number): Promise<void> {
    if (checked.restores !== storage.restores || checked.generation !== index.generation) {
      if (pass) passAgain = true;
      else {
        pass = catchUp(index).finally(() => {
          pass = null;
        });
        // A failure (a file unreadable for a moment) is retried by the next query's pass.
        pass.catch((error: unknown) => {
          checked = { restores: -1, generation: -1 };
          progress = null;
          console.error('The search index could not be brought up to date:', error);
        });
      }
    }
    // A small library is indexed before the answer (deterministic for a new library's first search); a large one
    // answers from what is indexed so far.
    if (pass && listed <= INDEX_BEFORE_ANSWERING) await pass;
  }

  /** Indexes what the feed named since the last query. */
  async function applyFeed(index: SearchIndex): Promise<void> {
    if (dirtyDocuments.size) {
      const ids = [...dirtyDocuments];
      dirtyDocuments.clear();
      try {
        await reindexDocuments(index, ids);
      } catch (error) {
        for (const id of ids) dirtyDocuments.add(id);
        throw error;
      }
    }
    if (dirtyCards.size && index.stamp(CARDS_STAMP_GROUP) !== undefined) {
      const stamp = await index.cardsStamp();
      const ids = [...dirtyCards];
      dirtyCards.clear();
      await storage.cards.schedulesReady();
      const read = new Map((await storage.cards.read(ids)).map((card) => [card.id, card]));
      const titles = titleLookup();
      index.replaceGroups(
        ids.map((id) => {
          const card = read.get(id);
          return card
            ? { group: cardGroup(id), stamp: card.updatedAt, entries: cardEntries([card], titles) }
            : { group: cardGroup(id), stamp: null, entries: [] };
        }),
      );
      if (!dirtyCards.size) index.setStamp(CARDS_STAMP_GROUP, stamp);
    }
  }

  /** Indexes these documents again now (or removes them when they are no longer listed), in one transaction. */
  async function reindexDocuments(index: SearchIndex, ids: readonly string[]): Promise<void> {
    const metas = new Map(storage.documents.list().map((meta) => [meta.id, meta]));
    const present = ids.map((id) => metas.get(id)).filter((meta): meta is DocumentMeta => meta !== undefined);
    const stamps = await index.documentStamps(present);
    const writes: GroupWrite[] = ids
      .filter((id) => !metas.has(id) && index.stamp(id) !== undefined)
      .map((id) => ({ group: id, stamp: null, entries: [] }));
    for (const meta of present) writes.push(await documentWrite(index, meta, stamps.get(meta.id) ?? '-'));
    index.replaceGroups(writes);
  }

  return {
    async search({ query, limit, filter }): Promise<SearchResult> {
      if (!searchWords(query).length) {
        // Nothing to find yet (the dialog has just opened): SQLite is loaded and the index opened meanwhile, so the
        // first words typed do not wait for them.
        void openIndex().then(
          (index) => ensureCaughtUp(index, Infinity),
          () => undefined,
        );
        return { hits: [], indexing: null };
      }
      const index = await openIndex();
      await ensureCaughtUp(index, storage.documents.list().length);
      await applyFeed(index);
      const listed = storage.documents.list();
      const metas = new Map(listed.map((meta) => [meta.id, meta]));
      let shown: string[] | undefined;
      if (filter) {
        // The Library's filter, over the same index fields and organisation (due cards are counted only if asked for).
        const due = filter.due && peers ? await peers().getDueByDocument({}) : null;
        const organised = storage.organisation.documents();
        shown = listed
          .filter((meta) => matchesFilter(meta, organised[meta.id] ?? EMPTY_ORGANISATION, due, filter))
          .map((meta) => meta.id);
      }
      const wanted = limit ?? 30;
      let rows = index.search(query, wanted, shown);
      // Never a stale hit: documents whose files changed since they were indexed are indexed again, and asked again.
      const found = [...new Set(rows.filter((row) => !row.group.startsWith('card:')).map((row) => row.documentId))];
      const current = await index.documentStamps(found.flatMap((id) => metas.get(id) ?? []));
      const stale = found.filter((id) => !metas.has(id) || index.stamp(id) !== current.get(id));
      if (stale.length) {
        await reindexDocuments(index, stale);
        rows = index.search(query, wanted, shown);
      }
      const words = searchWords(query);
      const hits: SearchHit[] = rows
        .filter((row) => row.kind === 'card' || metas.has(row.documentId))
        .map((row) => ({
          kind: row.kind,
          documentId: row.documentId,
          title: metas.get(row.documentId)?.title ?? (row.kind === 'card' ? 'Flashcard' : row.title),
          snippet: row.kind === 'title' ? (metas.get(row.documentId)?.title ?? row.title) : snippet(row.text, words),
          start: row.start,
          end: row.end,
          score: -row.rank,
        }));
      const indexing = pass && progress && progress.done < progress.total ? { ...progress } : null;
      return { hits, indexing };
    },
  };
}
