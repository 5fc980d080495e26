/**
 * A page's pictures, made plain before the page is sanitised and reduced to its article, for saving from a web address:
 * each `<img>` (and each `<picture>`, and each `<noscript>` copy a lazy-loading script would have swapped in) becomes
 * one `<img>` whose only address is `data-lectio-src`, the best candidate resolved against the page: the widest
 * `srcset`/`data-srcset` entry up to MAX_WIDTH (the smallest above it otherwise), else `data-src` and its kin, else
 * `src`; `data:` placeholders and tracking pixels are dropped. Nothing is loaded here: the main process downloads them.
 * Runs on an inert parsed document (jsdom's in the main process), so it uses node types by number, not DOM globals.
 */

/** Pictures wider than this are more than a reading column needs; a smaller srcset candidate is taken when offered. */
export const MAX_WIDTH = 2000;

export const IMAGE_SOURCE_ATTRIBUTE = 'data-lectio-src';

/** Attributes lazy-loading scripts keep the real address in, most specific first. */
const LAZY_SOURCES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-lazy',
];
const LAZY_SRCSETS = ['data-srcset', 'data-lazy-srcset'];

/** Image types a `<source type>` may name that Lectio can keep (SVG is refused by the store). */
const KEPT_TYPES = /^image\/(?:png|jpe?g|gif|webp|avif)$/i;

interface Candidate {
  url: string;
  /** Width in pixels (from a `w` descriptor), or density times 1000 for `x` descriptors; 0 when unknown. */
  size: number;
  byWidth: boolean;
}

/**
 * The candidates of a srcset value ("a.jpg 480w, b.jpg 960w" or "a.jpg 1x,b.jpg 2x"), tokenised as the HTML standard
 * does: a URL runs to whitespace (commas inside it, as CDNs write them, are kept), its descriptor to the next comma.
 */
export function parseSrcset(value: string): Candidate[] {
  const found: Candidate[] = [];
  let at = 0;
  while (at < value.length) {
    while (at < value.length && /[\s,]/.test(value[at] as string)) at += 1;
    const urlStart = at;
    while (at < value.length && !/\s/.test(value[at] as string)) at += 1;
    let url = value.slice(urlStart, at);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const end = value.indexOf(',', at);
      descriptor = value.slice(at, end < 0 ? value.length : end).trim();
      at = end < 0 ? value.length : end + 1;
    }
    if (!url) continue;
    const width = /^(\d+)w$/.exec(descriptor);
    const density = /^(\d*\.?\d+)x$/.exec(descriptor);
    if (width) found.push({ url, size: Number(width[1]), byWidth: true });
    else found.push({ url, size: density ? Math.round(Number(density[1]) * 1000) : 1000, byWidth: false });
  }
  return found;
}

/** The best candidate: the widest up to MAX_WIDTH, else the narrowest above it; by density, the highest. */
export function bestCandidate(candidates: Candidate[]): string {
  const widths = candidates.filter((c) => c.byWidth);
  if (widths.length > 0) {
    const fitting = widths.filter((c) => c.size <= MAX_WIDTH).sort((a, b) => b.size - a.size);
    const larger = widths.filter((c) => c.size > MAX_WIDTH).sort((a, b) => a.size - b.size);
    return (fitting[0] ?? larger[0])?.url ?? '';
  }
  return [...candidates].sort((a, b) => b.size - a.size)[0]?.url ?? '';
}

/** An http(s) address resolved against the page, or '' for data:, javascript: and anything else. */
function absolute(raw: string, base: string): string {
  const value = raw.trim();
  if (!value || /^data:/i.test(value)) return '';
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

function srcsetOf(element: Element, names: string[]): Candidate[] {
  return names.flatMap((name) => parseSrcset(element.getAttribute(name) ?? ''));
}

/** The best address an `<img>` (with its `<picture>` sources, if any) offers; '' when none is usable. */
function imageAddress(img: Element, base: string): string {
  const sources: Candidate[] = [];
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  for (const source of picture ? [...picture.children].filter((child) => child.tagName === 'SOURCE') : []) {
    const type = source.getAttribute('type');
    if (type && !KEPT_TYPES.test(type)) continue;
    sources.push(...srcsetOf(source, ['srcset', ...LAZY_SRCSETS]));
  }
  sources.push(...srcsetOf(img, [...LAZY_SRCSETS, 'srcset']));
  const usable = sources.map((c) => ({ ...c, url: absolute(c.url, base) })).filter((c) => c.url);
  const fromSet = bestCandidate(usable);
  if (fromSet) return fromSet;
  for (const name of [...LAZY_SOURCES, 'src']) {
    const url = absolute(img.getAttribute(name) ?? '', base);
    if (url) return url;
  }
  return '';
}

/** A 1x1 tracking pixel or a spacer: declared tiny. */
function isTiny(img: Element): boolean {
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  return (width > 0 && width <= 2) || (height > 0 && height <= 2);
}

/** The `<img>` a `<noscript>` holds: parsed as elements when the parser runs no scripts, else from its text. */
function noscriptImage(noscript: Element): Element | null {
  const direct = noscript.querySelector('img');
  if (direct) return direct;
  const markup = noscript.textContent ?? '';
  if (!/<img\b/i.test(markup)) return null;
  // The document is inert (parsed, never shown: no script runs and nothing loads in it), and what is read from the
  // holder is one <img>'s attributes, sanitised afterwards with the rest of the page.
  const holder = noscript.ownerDocument.createElement('div');
  holder.innerHTML = markup.replace(/<script[\s\S]*?<\/script>/gi, '');
  return holder.querySelector('img');
}

/** Swaps each `<noscript>` picture in for the lazy placeholder before it (or puts it where the noscript was). */
function unwrapNoscripts(page: Document): void {
  for (const noscript of [...page.querySelectorAll('noscript')]) {
    const img = noscriptImage(noscript);
    if (!img) continue;
    const previous = noscript.previousElementSibling;
    const placeholder = previous?.tagName === 'IMG' ? previous : previous?.tagName === 'PICTURE' ? previous : null;
    if (placeholder) placeholder.replaceWith(img);
    noscript.replaceWith(...(placeholder ? [] : [img]));
  }
}

/**
 * Rewrites the page's pictures as described above, in place: each kept picture becomes an `<img>` carrying only
 * `data-lectio-src`, `alt`, `width` and `height`; the rest are removed. Returns how many were kept.
 */
export function preparePageImages(page: Document, base: string): number {
  unwrapNoscripts(page);
  let kept = 0;
  for (const img of [...page.querySelectorAll('img')]) {
    const address = isTiny(img) ? '' : imageAddress(img, base);
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    if (!address) {
      (picture ?? img).remove();
      continue;
    }
    const plain = page.createElement('img');
    plain.setAttribute(IMAGE_SOURCE_ATTRIBUTE, address);
    plain.setAttribute('alt', (img.getAttribute('alt') ?? '').trim().slice(0, 500));
    for (const name of ['width', 'height']) {
      const value = img.getAttribute(name);
      if (value && /^\d{1,5}$/.test(value)) plain.setAttribute(name, value);
    }
    (picture ?? img).replaceWith(plain);
    kept += 1;
  }
  return kept;
}
