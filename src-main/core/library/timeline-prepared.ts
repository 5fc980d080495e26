/**
 * The library timeline in two steps, so a reader changing a filter does not pay for what no filter changes. Prepared
 * once per state of the date index (and of the actor identities): every event merged and sorted, each report's
 * documents, statuses and actor keys turned into small integers, and each event's actors over all its reports worked
 * out. Queried on each filter change: one pass over those arrays, counting in typed arrays, and only the events shown
 * written out in full. The answer is the same as the plain way's (test-reference-timeline.ts, checked by the tests and
 * the benchmark).
 */
import type { EventStatus } from '../extract/types';
import type { DocumentMeta } from '../model';
import type { DocumentOrganisation } from './organisation';
import { foldName, type DateIndexEntry } from './date-index';
import type {
  LibraryTimeline,
  MergedEvent,
  TimelineActor,
  TimelineEvent,
  TimelineRequest,
  TimelineSource,
} from './timeline-types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const PAST = 1;
const EXPECTED = 2;

/** What does not depend on the query; keep it while the entries and the actor keys stay the same. */
export interface PreparedTimeline {
  merged: readonly MergedEvent[];
  /** Documents by number, and whether each has a current entry. */
  docIds: string[];
  docOf: Map<string, number>;
  current: Uint8Array;
  /** Event i's reports are reportStart[i] … reportStart[i+1]-1: their document and status (PAST, EXPECTED bits). */
  reportStart: Int32Array;
  reportDoc: Int32Array;
  reportStatus: Uint8Array;
  /** Report r's actor names, as (actor key, spelling) pairs: pairs[pairStart[r] … pairStart[r+1]-1]. */
  pairStart: Int32Array;
  pairs: Int32Array;
  pairKey: Int32Array;
  pairName: string[];
  /** Actor keys by number. */
  keyIds: Map<string, number>;
  keys: string[];
  /** Event i's distinct actor keys over all its reports, in order of first naming, and its statuses' bits. */
  eventKeyStart: Int32Array;
  eventKeys: Int32Array;
  eventStatus: Uint8Array;
}

/**
 * Every current entry's events, the same event of several documents as one, in date order (first day, last day, then
 * key). The slow part of preparing (a Map of 150,000 keys and their sort), so the service keeps it per generation.
 */
export function mergeEvents(entries: Iterable<DateIndexEntry>): MergedEvent[] {
  const merged = new Map<string, MergedEvent>();
  for (const entry of entries) {
    if (!entry.current) continue;
    for (const item of entry.events) {
      // A key made from a place (an event with no words of its own) is the document's alone.
      const key = item.key.includes('|@') ? `${item.key}:${entry.documentId}` : item.key;
      let found = merged.get(key);
      if (!found) {
        found = {
          key,
          value: item.value,
          precision: item.precision,
          first: item.first,
          last: item.last,
          event: item.event,
          reports: [],
        };
        merged.set(key, found);
      }
      // One report per document: an article that says it twice is one source.
      if (found.reports.at(-1)?.documentId !== entry.documentId)
        found.reports.push({ documentId: entry.documentId, item });
    }
  }
  return [...merged.values()].sort(
    (a, b) => byString(a.first, b.first) || byString(a.last, b.last) || byString(a.key, b.key),
  );
}

/** The default actor key: the name with case and accents folded (each distinct spelling folded once). */
function foldedKeys(): (documentId: string, name: string) => string {
  const folded = new Map<string, string>();
  return (_id, name) => {
    let key = folded.get(name);
    if (key === undefined) folded.set(name, (key = foldName(name)));
    return key;
  };
}

/** Prepares the entries' timeline; `merged` is mergeEvents(entries) when the caller kept it. */
export function prepareTimeline(
  entries: Iterable<DateIndexEntry>,
  actorKey: (documentId: string, name: string) => string = foldedKeys(),
  merged: readonly MergedEvent[] = mergeEvents(entries),
): PreparedTimeline {
  const docIds: string[] = [];
  const docOf = new Map<string, number>();
  const currentList: number[] = [];
  for (const entry of entries) {
    let d = docOf.get(entry.documentId);
    if (d === undefined) {
      docOf.set(entry.documentId, (d = docIds.length));
      docIds.push(entry.documentId);
      currentList.push(0);
    }
    if (entry.current) currentList[d] = 1;
  }
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  /** Per actor key, its spellings' pair numbers. */
  const pairOf: Map<string, number>[] = [];
  const pairKey: number[] = [];
  const pairName: string[] = [];
  // Sized first and filled in place: 150,000 reports pushed onto arrays and copied would only feed the collector.
  let reportCount = 0;
  let pairCount = 0;
  for (const event of merged)
    for (const report of event.reports) {
      reportCount++;
      pairCount += report.item.actors.length;
    }
  const reportStart = new Int32Array(merged.length + 1);
  const reportDoc = new Int32Array(reportCount);
  const reportStatus = new Uint8Array(reportCount);
  const pairStart = new Int32Array(reportCount + 1);
  const pairs = new Int32Array(pairCount);
  const eventKeyStart = new Int32Array(merged.length + 1);
  const eventKeys = new Int32Array(pairCount);
  const eventStatus = new Uint8Array(merged.length);
  let r = 0;
  let q = 0;
  let e = 0;
  for (let i = 0; i < merged.length; i++) {
    reportStart[i] = r;
    eventKeyStart[i] = e;
    let status = 0;
    for (const { documentId, item } of merged[i]!.reports) {
      const bits = item.status === 'past' ? PAST : item.status === 'expected' ? EXPECTED : 0;
      reportDoc[r] = docOf.get(documentId)!;
      reportStatus[r] = bits;
      status |= bits;
      for (const name of item.actors) {
        const key = actorKey(documentId, name);
        let k = keyIds.get(key);
        if (k === undefined) {
          keyIds.set(key, (k = keys.length));
          keys.push(key);
          pairOf.push(new Map());
        }
        const spellings = pairOf[k]!;
        let p = spellings.get(name);
        if (p === undefined) {
          spellings.set(name, (p = pairKey.length));
          pairKey.push(k);
          pairName.push(name);
        }
        pairs[q++] = p;
        if (!includes(eventKeys, eventKeyStart[i]!, e, k)) eventKeys[e++] = k;
      }
      pairStart[++r] = q;
    }
    eventStatus[i] = status;
  }
  reportStart[merged.length] = r;
  eventKeyStart[merged.length] = e;
  return {
    merged,
    docIds,
    docOf,
    current: Uint8Array.from(currentList),
    reportStart,
    reportDoc,
    reportStatus,
    pairStart,
    pairs,
    pairKey: Int32Array.from(pairKey),
    pairName,
    keyIds,
    keys,
    eventKeyStart,
    eventKeys: eventKeys.subarray(0, e),
    eventStatus,
  };
}

function includes(list: ArrayLike<number>, from: number, to: number, value: number): boolean {
  for (let i = from; i < to; i++) if (list[i] === value) return true;
  return false;
}

function inCollection(org: Readonly<DocumentOrganisation> | undefined, collection: string | null | undefined): boolean {
  return !collection || (org?.collections.includes(collection) ?? false);
}

/** The timeline of one query over a prepared library; events in date order (first day, last day, key). */
export function queryTimeline(prepared: PreparedTimeline, request: TimelineRequest): LibraryTimeline {
  const { query, today } = request;
  const p = prepared;
  const metas = new Map(
    request.documents
      .filter((meta) => inCollection(request.organisation[meta.id], query.collection))
      .map((meta) => [meta.id, meta]),
  );
  // The documents in scope: listed, in the collection, with a current entry.
  const inScope = new Uint8Array(p.docIds.length);
  let analysed = 0;
  const unanalysed: string[] = [];
  for (const id of metas.keys()) {
    const d = p.docOf.get(id);
    if (d !== undefined && p.current[d]) {
      inScope[d] = 1;
      analysed++;
    } else unanalysed.push(id);
  }
  // An actor the library does not name matches no event (its key has no number).
  const actor = query.actor ? (p.keyIds.get(query.actor) ?? -1) : null;
  const keyEvents = new Int32Array(p.keys.length);
  const pairCount = new Int32Array(p.pairName.length);
  /** Actor keys and spellings in the order they are first counted: the order the plain way's maps keep. */
  const keyOrder: number[] = [];
  const pairOrder: number[] = [];
  const local: number[] = [];
  const events: TimelineEvent[] = [];
  let total = 0;
  let unanswered = 0;
  const { merged, reportStart, reportDoc, reportStatus, pairStart, pairs, eventKeyStart, eventKeys } = p;
  for (let i = 0; i < merged.length; i++) {
    const candidate = merged[i]!;
    // In date order: once an event starts after the range, every later one does.
    if (query.to && candidate.first > query.to) break;
    if (query.from && candidate.last < query.from) continue;
    const r0 = reportStart[i]!;
    const r1 = reportStart[i + 1]!;
    let shown = 0;
    for (let r = r0; r < r1; r++) shown += inScope[reportDoc[r]!]!;
    if (shown === 0) continue;
    let keys: ArrayLike<number> = eventKeys;
    let k0 = eventKeyStart[i]!;
    let k1 = eventKeyStart[i + 1]!;
    let status = p.eventStatus[i]!;
    if (shown === r1 - r0) {
      for (let q = pairStart[r0]!; q < pairStart[r1]!; q++)
        if (pairCount[pairs[q]!]!++ === 0) pairOrder.push(pairs[q]!);
    } else {
      // Some of its reports are out of scope (another collection): its actors and status from the others alone.
      local.length = 0;
      status = 0;
      for (let r = r0; r < r1; r++) {
        if (!inScope[reportDoc[r]!]) continue;
        status |= reportStatus[r]!;
        for (let q = pairStart[r]!; q < pairStart[r + 1]!; q++) {
          const pair = pairs[q]!;
          if (pairCount[pair]!++ === 0) pairOrder.push(pair);
          const k = p.pairKey[pair]!;
          if (!includes(local, 0, local.length, k)) local.push(k);
        }
      }
      keys = local;
      k0 = 0;
      k1 = local.length;
    }
    let named = false;
    for (let q = k0; q < k1; q++) {
      const k = keys[q]!;
      if (keyEvents[k]!++ === 0) keyOrder.push(k);
      if (k === actor) named = true;
    }
    if (actor !== null && !named) continue;
    const eventStatus: EventStatus = status & PAST ? 'past' : status & EXPECTED ? 'expected' : 'unknown';
    // Its dates have all passed by the reader's today (timex-period's hasPassed).
    const toCheck = eventStatus === 'expected' && candidate.last < today;
    if (query.toCheck && !toCheck) continue;
    const answer = toCheck ? (request.answers[candidate.key] ?? null) : null;
    total++;
    if (toCheck && !answer) unanswered++;
    // Only the events shown are written out in full.
    if (events.length < request.limit)
      events.push(fullEvent(p, i, inScope, metas, eventStatus, toCheck, answer, request));
  }
  // Each key's spellings, in the order first counted, for the names not given by actorName.
  const spellings = new Map<number, Map<string, number>>();
  for (const pair of pairOrder) {
    const k = p.pairKey[pair]!;
    let names = spellings.get(k);
    if (!names) spellings.set(k, (names = new Map()));
    names.set(p.pairName[pair]!, pairCount[pair]!);
  }
  const actors: TimelineActor[] = keyOrder.map((k) => ({
    key: p.keys[k]!,
    name: request.actorName?.(p.keys[k]!) ?? mostUsed(spellings.get(k)!),
    events: keyEvents[k]!,
  }));
  actors.sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  return { events, total, unanswered, actors, analysed, unanalysed, today };
}

/** Event i as the screen shows it, from its reports in scope. */
function fullEvent(
  p: PreparedTimeline,
  i: number,
  inScope: Uint8Array,
  metas: Map<string, DocumentMeta>,
  status: EventStatus,
  toCheck: boolean,
  answer: TimelineEvent['answer'],
  request: TimelineRequest,
): TimelineEvent {
  const candidate = p.merged[i]!;
  const spellings = new Map<number, Map<string, number>>();
  const sources: TimelineSource[] = [];
  for (let r = p.reportStart[i]!; r < p.reportStart[i + 1]!; r++) {
    if (!inScope[p.reportDoc[r]!]) continue;
    for (let q = p.pairStart[r]!; q < p.pairStart[r + 1]!; q++) {
      const pair = p.pairs[q]!;
      const k = p.pairKey[pair]!;
      const name = p.pairName[pair]!;
      let counted = spellings.get(k);
      if (!counted) spellings.set(k, (counted = new Map()));
      counted.set(name, (counted.get(name) ?? 0) + 1);
    }
    const { documentId, item } = candidate.reports[r - p.reportStart[i]!]!;
    const meta = metas.get(documentId)!;
    sources.push({
      documentId,
      title: meta.title,
      source: meta.siteName || meta.source,
      publishedDate: meta.publishedDate,
      text: item.text,
      status: item.status,
      event: item.event,
      start: item.start,
      end: item.end,
      eventStart: item.eventStart,
      eventEnd: item.eventEnd,
    });
  }
  sources.sort((a, b) => byString(a.publishedDate ?? '9999', b.publishedDate ?? '9999') || a.start - b.start);
  return {
    key: candidate.key,
    value: candidate.value,
    precision: candidate.precision,
    first: candidate.first,
    last: candidate.last,
    event: candidate.event,
    actors: [...spellings].map(([k, names]) => request.actorName?.(p.keys[k]!) ?? mostUsed(names)),
    status,
    toCheck,
    answer,
    sources,
  };
}

function mostUsed(spellings: Map<string, number>): string {
  let best = '';
  let count = -1;
  // On a tie, the spelling that sorts first in the reader's collation ("France" before "FRANCE").
  for (const [name, n] of spellings)
    if (n > count || (n === count && name.localeCompare(best) < 0)) [best, count] = [name, n];
  return best;
}
