/**
 * The Library's current filter, shared with the search dialog so that a search can keep to what the Library shows.
 * Null until the Library has loaded its remembered view.
 */
import type { LibraryFilter } from '@contract';

export const libraryFilter = $state<{ current: LibraryFilter | null; label: string }>({ current: null, label: '' });

/** True when the filter leaves anything out (the default view hides only the archive). */
export function filters(filter: LibraryFilter | null): filter is LibraryFilter {
  return (
    filter !== null &&
    Boolean(filter.collection || filter.tag || filter.source || filter.progress || filter.due || filter.archived)
  );
}
