/**
 * The metadata an HTML file's page gives, in the shape importDocument takes: empty fields left out, and only what the
 * service accepts (a BCP 47 language tag, an absolute http(s) canonical address).
 */
import type { ImportedMetadata } from '@contract';
import type { PageMetadata } from './html-metadata';

export function htmlFileMetadata(metadata: PageMetadata): ImportedMetadata | undefined {
  const fields: ImportedMetadata = {};
  if (metadata.authors.length > 0) fields.authors = metadata.authors.map((name) => name.slice(0, 200));
  if (metadata.siteName) fields.siteName = metadata.siteName.slice(0, 300);
  if (metadata.language) fields.language = metadata.language;
  if (/^https?:\/\//i.test(metadata.canonicalUrl)) fields.canonicalUrl = metadata.canonicalUrl.slice(0, 4000);
  if (metadata.modifiedDate) fields.modifiedDate = metadata.modifiedDate;
  return Object.keys(fields).length > 0 ? fields : undefined;
}
