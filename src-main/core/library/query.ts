/**
 * The Library's filter and sort over the index (no document file is read): which documents a view shows, in which
 * order. Built to stay well under a frame for thousands of documents: one pass to filter, the sort keys computed once
 * per document rather than in every comparison, and the organisation looked up by id in a map.
 */
import {
  EMPTY_ORGANISATION,
  progressBucket,
  type DocumentOrganisation,
  type LibraryFilter,
  type LibraryView,
} from './organisation';

/** What the query needs of a document: the index's fields (DocumentMeta has them all). */
export interface QueryableDocument {
  id: string;
  title: string;
  source: string;
  publishedDate: string | null;
  addedAt: string;
}

export interface LibraryQueryInput<D extends QueryableDocument> {
  documents: readonly D[];
  /** Each organised document's record, by id; others read as unorganised. */
  organisation: Readonly<Record<string, DocumentOrganisation>>;
  /** Due flashcards per document id; null when not loaded (then `due` neither filters nor sorts). */
  due: Readonly<Record<string, number>> | null;
  view: LibraryView;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** True when a document passes every part of `filter` that is set. */
export function matchesFilter(
  doc: QueryableDocument,
  org: DocumentOrganisation,
  due: Readonly<Record<string, number>> | null,
  filter: LibraryFilter,
): boolean {
  if (org.archived !== (filter.archived === true)) return false;
  if (filter.collection && !org.collections.includes(filter.collection)) return false;
  if (filter.tag && !org.tags.includes(filter.tag)) return false;
  if (filter.source != null && doc.source !== filter.source) return false;
  if (filter.progress && progressBucket(org.progress) !== filter.progress) return false;
  if (filter.due && due && !(due[doc.id] ?? 0)) return false;
  return true;
}

type Keyed<D> = { doc: D; key: string | number };

/** One sort key's order, A to Z (or least first): the documents with the key and their keys, then those without. */
interface Ascending<D> {
  keyed: readonly Keyed<D>[];
  missing: readonly D[];
  textual: boolean;
}

/**
 * The library in each order asked for so far, for the last documents, organisation and due counts given (compared
 * by identity: the screen replaces them whole when they change). Each sort key is sorted once, ascending; the
 * descending order is read from it in one pass. A change of filter is then one pass over a list already sorted, and
 * a change of sort sorts at most once per key until the library changes (`prepareLibraryOrder` lets the screen do
 * that sort while idle, before the reader asks).
 */
let orders: {
  documents: readonly unknown[];
  organisation: unknown;
  due: unknown;
  ascending: Map<string, Ascending<unknown>>;
  sorted: Map<string, readonly unknown[]>;
} | null = null;

function ordersFor<D extends QueryableDocument>({ documents, organisation, due }: Omit<LibraryQueryInput<D>, 'view'>) {
  if (!orders || orders.documents !== documents || orders.organisation !== organisation || orders.due !== due)
    orders = { documents, organisation, due, ascending: new Map(), sorted: new Map() };
  return orders;
}

/** The sort `view` asks for, as the query runs it (due cards sort as date added until they are counted). */
function effectiveSort(view: Pick<LibraryView, 'sort'>, due: unknown): LibraryView['sort'] {
  return view.sort === 'due' && !due ? 'added' : view.sort;
}

/**
 * The documents `view` shows, sorted. Ties (and documents without the key: no published date, no source) keep a
 * stable order: newest added first, and those without the key last whichever the direction.
 */
export function queryLibrary<D extends QueryableDocument>(input: LibraryQueryInput<D>): D[] {
  const { organisation, due, view } = input;
  const kept = ordersFor(input);
  const sort = effectiveSort(view, due);
  const orderKey = `${sort}:${view.direction}`;
  let sorted = kept.sorted.get(orderKey) as readonly D[] | undefined;
  if (!sorted) {
    sorted = inDirection(ascendingOrder(input, sort), view.direction);
    kept.sorted.set(orderKey, sorted);
  }
  const shown: D[] = [];
  for (const doc of sorted)
    if (matchesFilter(doc, organisation[doc.id] ?? EMPTY_ORGANISATION, due, view.filter)) shown.push(doc);
  return shown;
}

/**
 * Sorts the library by `sort` now (if not already), so that a later change to it costs one pass. Returns true if it
 * sorted. The screen calls it in idle time after the library loads or changes, one key per idle slot.
 */
export function prepareLibraryOrder<D extends QueryableDocument>(
  input: Omit<LibraryQueryInput<D>, 'view'>,
  sort: LibraryView['sort'],
): boolean {
  const key = effectiveSort({ sort }, input.due);
  if (ordersFor(input).ascending.has(key)) return false;
  ascendingOrder(input, key);
  return true;
}

function ascendingOrder<D extends QueryableDocument>(
  input: Omit<LibraryQueryInput<D>, 'view'>,
  sort: LibraryView['sort'],
): Ascending<D> {
  const kept = ordersFor(input);
  let order = kept.ascending.get(sort) as Ascending<D> | undefined;
  if (!order) {
    order = sortAscending(input.documents, input.organisation, input.due, sort);
    kept.ascending.set(sort, order);
  }
  return order;
}

const byAdded = (a: QueryableDocument, b: QueryableDocument) =>
  a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0;

function compareKeys(textual: boolean, a: string | number, b: string | number): number {
  return textual ? collator.compare(a as string, b as string) : a < b ? -1 : a > b ? 1 : 0;
}

/** Every document in ascending order of `sort`; the sort keys are worked out once per document. */
function sortAscending<D extends QueryableDocument>(
  documents: readonly D[],
  organisation: LibraryQueryInput<D>['organisation'],
  due: LibraryQueryInput<D>['due'],
  sort: LibraryView['sort'],
): Ascending<D> {
  const keyed: Keyed<D>[] = [];
  const missing: D[] = [];
  for (const doc of documents) {
    const key = sortKey(sort, doc, organisation[doc.id] ?? EMPTY_ORGANISATION, due);
    if (key === null) missing.push(doc);
    else keyed.push({ doc, key });
  }
  const textual = sort === 'title' || sort === 'source';
  keyed.sort((a, b) => compareKeys(textual, a.key, b.key) || byAdded(a.doc, b.doc));
  missing.sort(byAdded);
  return { keyed, missing, textual };
}

/**
 * The order in `direction`: ascending as sorted, or descending read backwards run by run, each run of equal keys
 * kept in its own order (newest added first), so ties and the documents without a key stay as they are.
 */
function inDirection<D>(order: Ascending<D>, direction: LibraryView['direction']): D[] {
  const { keyed, missing, textual } = order;
  if (direction === 'asc') return [...keyed.map((entry) => entry.doc), ...missing];
  const out: D[] = [];
  let end = keyed.length;
  while (end > 0) {
    let start = end - 1;
    const key = (keyed[start] as Keyed<D>).key;
    while (start > 0 && compareKeys(textual, (keyed[start - 1] as Keyed<D>).key, key) === 0) start--;
    for (let i = start; i < end; i++) out.push((keyed[i] as Keyed<D>).doc);
    end = start;
  }
  out.push(...missing);
  return out;
}

/** Forgets the orders kept (for measuring the first sort after a change of the library). */
export function forgetLibraryOrders(): void {
  orders = null;
}

/** The value a document sorts by; null when it has none (it then goes last). ISO dates compare as strings. */
function sortKey(
  sort: LibraryView['sort'],
  doc: QueryableDocument,
  org: DocumentOrganisation,
  due: Readonly<Record<string, number>> | null,
): string | number | null {
  switch (sort) {
    case 'added':
      return doc.addedAt;
    case 'published':
      return doc.publishedDate;
    case 'title':
      return doc.title;
    case 'source':
      return doc.source.trim() ? doc.source : null;
    case 'progress':
      return org.progress;
    case 'due':
      return due?.[doc.id] ?? 0;
  }
}

/** Every tag in use, with how many documents (archived ones included) carry it, most used first. */
export function tagCounts(
  organisation: Readonly<Record<string, DocumentOrganisation>>,
  live: ReadonlySet<string>,
): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const [id, org] of Object.entries(organisation)) {
    if (!live.has(id)) continue;
    for (const tag of org.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
}
