/**
 * The library timeline the plain way, as it was built before the prepared form (timeline-prepared.ts): one pass over
 * every merged event per call, each report's actor names looked up and counted with maps. Kept as the reference the
 * prepared timeline must equal, for the tests and the benchmark's naive path; not used by the app.
 */
import type { EventStatus } from '../extract/types';
import type { DocumentMeta } from '../model';
import type { DocumentOrganisation } from './organisation';
import { foldName, type DateIndexEntry } from './date-index';
import { hasPassed } from './timex-period';
import type { LibraryTimeline, MergedEvent, TimelineEvent, TimelineInput, TimelineSource } from './timeline-types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function referenceMerge(entries: Iterable<DateIndexEntry>): MergedEvent[] {
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

function inCollection(org: Readonly<DocumentOrganisation> | undefined, collection: string | null | undefined): boolean {
  return !collection || (org?.collections.includes(collection) ?? false);
}

/** Builds the timeline; the events come in date order (first day, then last day, then value and wording). */
export function referenceTimeline(input: TimelineInput): LibraryTimeline {
  const { query, today } = input;
  const folded = new Map<string, string>();
  const actorKey =
    input.actorKey ??
    ((_id: string, name: string) => {
      let key = folded.get(name);
      if (key === undefined) folded.set(name, (key = foldName(name)));
      return key;
    });
  const metas = new Map(
    input.documents
      .filter((meta) => inCollection(input.organisation[meta.id], query.collection))
      .map((meta) => [meta.id, meta]),
  );
  const indexed = new Set<string>();
  const entries = [...input.entries];
  for (const entry of entries) if (entry.current && metas.has(entry.documentId)) indexed.add(entry.documentId);
  const merged = referenceMerge(entries);

  const actorCounts = new Map<string, { spellings: Map<string, number>; events: number }>();
  const events: TimelineEvent[] = [];
  let total = 0;
  let unanswered = 0;
  for (const candidate of merged) {
    if (query.from && candidate.last < query.from) continue;
    if (query.to && candidate.first > query.to) continue;
    // Most events have one report, in scope: the common case allocates nothing (this loop runs 150,000 times).
    const reports = candidate.reports.every((report) => indexed.has(report.documentId))
      ? candidate.reports
      : candidate.reports.filter((report) => indexed.has(report.documentId));
    if (reports.length === 0) continue;
    const keys: string[] = [];
    let past = false;
    let expected = false;
    for (const { documentId, item } of reports) {
      past ||= item.status === 'past';
      expected ||= item.status === 'expected';
      const akeys = item.actors.map((name) => actorKey(documentId, name));
      for (const [i, name] of item.actors.entries()) {
        const akey = akeys[i]!;
        let counted = actorCounts.get(akey);
        if (!counted) actorCounts.set(akey, (counted = { spellings: new Map<string, number>(), events: 0 }));
        counted.spellings.set(name, (counted.spellings.get(name) ?? 0) + 1);
        if (!keys.includes(akey)) {
          keys.push(akey);
          counted.events++;
        }
      }
    }
    if (query.actor && !keys.includes(query.actor)) continue;
    const status: EventStatus = past ? 'past' : expected ? 'expected' : 'unknown';
    const toCheck = status === 'expected' && hasPassed(candidate, today);
    if (query.toCheck && !toCheck) continue;
    const answer = toCheck ? (input.answers[candidate.key] ?? null) : null;
    total++;
    if (toCheck && !answer) unanswered++;
    // Only the events shown are written out in full.
    if (events.length >= input.limit) continue;
    const spellings = new Map<string, Map<string, number>>();
    for (const { documentId, item } of reports)
      for (const name of item.actors) {
        const akey = actorKey(documentId, name);
        const counted = spellings.get(akey) ?? new Map<string, number>();
        counted.set(name, (counted.get(name) ?? 0) + 1);
        spellings.set(akey, counted);
      }
    const sources = reports.map(({ documentId, item }): TimelineSource => {
      const meta = metas.get(documentId) as DocumentMeta;
      return {
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
      };
    });
    sources.sort((a, b) => byString(a.publishedDate ?? '9999', b.publishedDate ?? '9999') || a.start - b.start);
    events.push({
      key: candidate.key,
      value: candidate.value,
      precision: candidate.precision,
      first: candidate.first,
      last: candidate.last,
      event: candidate.event,
      actors: [...spellings].map(([akey, names]) => input.actorName?.(akey) ?? mostUsed(names)),
      status,
      toCheck,
      answer,
      sources,
    });
  }
  const actors = [...actorCounts].map(([key, counted]) => ({
    key,
    name: input.actorName?.(key) ?? mostUsed(counted.spellings),
    events: counted.events,
  }));
  actors.sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  return {
    events,
    total,
    unanswered,
    actors,
    analysed: indexed.size,
    unanalysed: [...metas.keys()].filter((id) => !indexed.has(id)),
    today,
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
