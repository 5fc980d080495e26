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
  siteName: string;
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
  const isArticle = (item: { [key: string]: Json }) => ARTICLE_TYPES.test(text(item['@type']) || String(item['@type'] ?? ''));
  return [...found.filter(isArticle), ...found.filter((item) => !isArticle(item))];
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
  const dates = [fromLd('datePublished'), meta(page, 'article:published_time'), meta(page, 'citation_publication_date'), ...times];
  const author = fromLd('author') || meta(page, 'author', 'citation_author', 'parsely-author');
  const articleAuthor = meta(page, 'article:author');
  return {
    publishedDate: dates.map(calendarDay).find((day) => day !== null) ?? null,
    title: fromLd('headline') || meta(page, 'og:title', 'twitter:title', 'citation_title'),
    // article:author is often the author's profile address, which is no name to show.
    author: author || (/^https?:/i.test(articleAuthor) ? '' : articleAuthor),
    siteName: text(first(ld, (item) => Boolean(text(item.publisher)))?.publisher) || meta(page, 'og:site_name', 'application-name', 'citation_journal_title'),
  };
}
