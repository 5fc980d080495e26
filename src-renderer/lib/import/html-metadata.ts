/**
 * What a page says about itself: its published date, title, author and site, read from JSON-LD, Open Graph and
 * citation meta tags and `<time datetime>`. It is read from the page as parsed (an inert DOMParser document: nothing
 * runs), before sanitising removes `<meta>` and `<script>`. Dates take the order news sites are most careful with:
 * JSON-LD datePublished, article:published_time, citation_publication_date, then the first `<time datetime>`.
 */

export interface PageMetadata {
  /** YYYY-MM-DD as the page writes it (the publisher's own calendar day), or null. */
  publishedDate: string | null;
  title: string;
  author: string;
  /** Each author named, in the page's order (JSON-LD author, then the author and citation_author meta tags). */
  authors: string[];
  siteName: string;
  /** BCP 47 tag ("en", "en-GB") from `<html lang>`, JSON-LD inLanguage or og:locale; '' when none. */
  language: string;
  /** `<link rel="canonical">` or og:url as written (resolve it against the page); '' when none. */
  canonicalUrl: string;
  /** YYYY-MM-DD from JSON-LD dateModified, article:modified_time or og:updated_time; null when none. */
  modifiedDate: string | null;
  /** The page's own lead picture (og:image, JSON-LD image) as written; '' when none. */
  image: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const ARTICLE_TYPES = /article|posting|report|webpage|newsarticle|blogposting/i;

/** The calendar day a date string names, as written; null for anything without a full year, month and day. */
export function calendarDay(raw: string | null | undefined): string | null {
  const value = (raw ?? '').trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(value);
  let year: number;
  let month: number;
  let day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    if (!/\b\d{4}\b/.test(value) || !/[a-z]/i.test(value)) return null;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) return null;
    [year, month, day] = [parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate()];
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function text(value: Json | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  if (value && typeof value === 'object') return text(value.name);
  return '';
}

/** Every object in the JSON-LD blocks (top level, arrays, @graph), articles first; bounded against huge blocks. */
function jsonLdObjects(page: Document): { [key: string]: Json }[] {
  const found: { [key: string]: Json }[] = [];
  const visit = (value: Json, depth: number) => {
    if (found.length > 200 || depth > 4 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    found.push(value);
    if (value['@graph']) visit(value['@graph'], depth + 1);
  };
  for (const script of page.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json, 0);
    } catch {
      // A malformed block says nothing; the page's other metadata still counts.
    }
  }
  const isArticle = (item: { [key: string]: Json }) =>
    ARTICLE_TYPES.test(text(item['@type']) || String(item['@type'] ?? ''));
  return [...found.filter(isArticle), ...found.filter((item) => !isArticle(item))];
}

/** Every value of the named meta tags, in order (a paper lists one citation_author tag per author). */
function metas(page: Document, key: string): string[] {
  return [...page.querySelectorAll(`meta[name="${key}"], meta[property="${key}"]`)]
    .map((element) => element.getAttribute('content')?.trim() ?? '')
    .filter(Boolean);
}

/** The names in a JSON-LD author value: a string, a Person, or a list of either. */
function names(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object') return names(value.name);
  return [];
}

/** A URL from a JSON-LD image value: a string, an ImageObject, or a list of either. */
function imageUrlOf(value: Json | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(imageUrlOf).find(Boolean) ?? '';
  if (value && typeof value === 'object') return imageUrlOf(value.url ?? value.contentUrl);
  return '';
}

/** A language tag as BCP 47 writes it: "en_gb" and "EN-gb" become "en-GB"; '' for anything that is not one. */
export function languageTag(raw: string): string {
  const match = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}|[a-z]{4}))?$/i.exec(raw.trim());
  if (!match) return '';
  const region = match[2] ?? '';
  const rest = region.length === 4 ? region[0]?.toUpperCase() + region.slice(1).toLowerCase() : region.toUpperCase();
  return region ? `${match[1]?.toLowerCase()}-${rest}` : (match[1]?.toLowerCase() ?? '');
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function meta(page: Document, ...keys: string[]): string {
  for (const key of keys) {
    const element = page.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return '';
}

function first<T>(values: T[], keep: (value: T) => boolean): T | undefined {
  return values.find(keep);
}

/** The page's own metadata; fields it does not give are empty (null for the date). */
export function readPageMetadata(page: Document): PageMetadata {
  const ld = jsonLdObjects(page);
  const fromLd = (key: string) => text(first(ld, (item) => Boolean(text(item[key])))?.[key]);
  const times = [...page.querySelectorAll('time[datetime]')].map((element) => element.getAttribute('datetime'));
  const dates = [
    fromLd('datePublished'),
    meta(page, 'article:published_time'),
    meta(page, 'citation_publication_date'),
    ...times,
  ];
  const author = fromLd('author') || meta(page, 'author', 'citation_author', 'parsely-author');
  const articleAuthor = meta(page, 'article:author');
  const ldAuthors = names(first(ld, (item) => names(item.author).length > 0)?.author);
  const authorMetas = [
    ...metas(page, 'author'),
    ...metas(page, 'citation_author'),
    ...metas(page, 'parsely-author'),
    ...(/^https?:/i.test(articleAuthor) ? [] : [articleAuthor]),
  ];
  const modified = [
    fromLd('dateModified'),
    meta(page, 'article:modified_time'),
    meta(page, 'og:updated_time'),
    ...[...page.querySelectorAll('time[itemprop="dateModified"][datetime]')].map((element) =>
      element.getAttribute('datetime'),
    ),
  ];
  const languages = [
    page.documentElement?.getAttribute('lang') ?? '',
    fromLd('inLanguage'),
    meta(page, 'og:locale', 'language', 'content-language', 'citation_language', 'dc.language'),
  ];
  return {
    authors: unique(
      (ldAuthors.length > 0 ? ldAuthors : authorMetas)
        .map((name) => name.replace(/^by\s+/i, '').trim())
        .filter((name) => name && name.length <= 200),
    ).slice(0, 20),
    language: languages.map(languageTag).find(Boolean) ?? '',
    canonicalUrl: page.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim() || meta(page, 'og:url'),
    modifiedDate: modified.map(calendarDay).find((day) => day !== null) ?? null,
    image:
      imageUrlOf(first(ld, (item) => Boolean(imageUrlOf(item.image)))?.image) ||
      meta(page, 'og:image', 'og:image:url', 'twitter:image'),
    publishedDate: dates.map(calendarDay).find((day) => day !== null) ?? null,
    title: fromLd('headline') || meta(page, 'og:title', 'twitter:title', 'citation_title'),
    // article:author is often the author's profile address, which is no name to show.
    author: author || (/^https?:/i.test(articleAuthor) ? '' : articleAuthor),
    siteName:
      text(first(ld, (item) => Boolean(text(item.publisher)))?.publisher) ||
      meta(page, 'og:site_name', 'application-name', 'citation_journal_title'),
  };
}
