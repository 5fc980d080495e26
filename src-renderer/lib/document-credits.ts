/**
 * Who wrote a document and where, as the Library card and the Reader header show it: the authors and the site from
 * the page's metadata when it gave them, else the Source field as the reader left it. Kept in one place so the two
 * screens agree.
 */
import type { DocumentMeta } from '@core/model';

/** "Ana Costa", "Ana Costa and Li Wei", "Ana Costa, Li Wei and Sam Ode". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface Credits {
  /** The authors, or '' when the metadata names none. */
  authors: string;
  /** The site or publication, or the Source field when the metadata gives neither site nor authors. */
  site: string;
}

export function documentCredits(meta: Pick<DocumentMeta, 'authors' | 'siteName' | 'source'>): Credits {
  const authors = joinNames(meta.authors ?? []);
  const site = meta.siteName?.trim() || (authors ? '' : meta.source.trim());
  return { authors, site };
}
