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

/**
 * The library in each order asked for so far, for the last documents, organisation and due counts given (compared
 * by identity: the screen replaces them whole when they change). A change of filter is then one pass over a list
 * already sorted, and a change of sort sorts once per order until the library changes.
 */
let orders: {
  documents: readonly unknown[];
  organisation: unknown;
  due: unknown;
  sorted: Map<string, readonly unknown[]>;
} | null = null;

/**
 * The documents `view` shows, sorted. Ties (and documents without the key: no published date, no source) keep a
 * stable order: newest added first, and those without the key last whichever the direction.
 */
export function queryLibrary<D extends QueryableDocument>({
  documents,
  organisation,
  due,
  view,
}: LibraryQueryInput<D>): D[] {
  const sort = view.sort === 'due' && !due ? 'added' : view.sort;
  if (!orders || orders.documents !== documents || orders.organisation !== organisation || orders.due !== due)
    orders = { documents, organisation, due, sorted: new Map() };
  const orderKey = `${sort}:${view.direction}`;
  let sorted = orders.sorted.get(orderKey) as readonly D[] | undefined;
  if (!sorted) {
    sorted = sortDocuments(documents, organisation, due, sort, view.direction);
    orders.sorted.set(orderKey, sorted);
  }
  const shown: D[] = [];
  for (const doc of sorted)
    if (matchesFilter(doc, organisation[doc.id] ?? EMPTY_ORGANISATION, due, view.filter)) shown.push(doc);
  return shown;
}

/** Every document in the order `sort` and `direction` give; the sort keys are worked out once per document. */
function sortDocuments<D extends QueryableDocument>(
  documents: readonly D[],
  organisation: LibraryQueryInput<D>['organisation'],
  due: LibraryQueryInput<D>['due'],
  sort: LibraryView['sort'],
  direction: LibraryView['direction'],
): D[] {
  const keyed: Keyed<D>[] = [];
  const missing: D[] = [];
  for (const doc of documents) {
    const key = sortKey(sort, doc, organisation[doc.id] ?? EMPTY_ORGANISATION, due);
    if (key === null) missing.push(doc);
    else keyed.push({ doc, key });
  }
  const sign = direction === 'asc' ? 1 : -1;
  const byAdded = (a: D, b: D) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0);
  const textual = sort === 'title' || sort === 'source';
  keyed.sort((a, b) => {
    const order = textual
      ? collator.compare(a.key as string, b.key as string)
      : a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : 0;
    return order !== 0 ? sign * order : byAdded(a.doc, b.doc);
  });
  missing.sort(byAdded);
  return [...keyed.map((entry) => entry.doc), ...missing];
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
