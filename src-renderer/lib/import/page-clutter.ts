/**
 * Page furniture that is not the article: advertising slots, share bars, newsletter and subscription boxes, and
 * "read more" / related-stories boxes. Found by what the page calls them (class and id words, role, aria-label), the
 * way Readability's unlikely-candidate patterns and Wallabag's site rules do, and removed before Readability scores
 * the page (so a share bar cannot win or split the article) and again from the article it returns, where short
 * blocks made mostly of links ("More on this story" lists) are dropped too. Captions are never furniture: a figure
 * and its figcaption are kept whatever they are called. Node types by number: this runs on jsdom documents too.
 */

/** One word of a class or id ("share" in "article__share-bar") that names furniture. */
const FURNITURE_WORD =
  /^(?:ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|dfp|gpt|sponsor|sponsored|promo|promoted|taboola|outbrain|share|shares|sharing|sharebar|social|addthis|sharethis|newsletter|newsletters|subscribe|subscription|signup|paywall|regwall|related|readmore|recommended|recirculation|recirc|trending|popular|upnext)$/i;

/** Phrases (joined words) that name furniture though no single word does ("read-more", "more-stories"). */
const FURNITURE_PHRASE =
  /(?:^|[-_])(?:read[-_]?more|more[-_]stories|also[-_]read|further[-_]reading|sign[-_]up|mailing[-_]list|most[-_](?:read|popular)|you[-_]may[-_]like|ad[-_](?:slot|unit|wrapper|container|label))(?:$|[-_])/i;

const FURNITURE_LABEL =
  /^(?:advertisement|advertising|sponsored|share(?: this)?(?: article| story)?|share on .*|newsletter.*|sign up.*|subscribe.*|related (?:stories|articles|content)|read more|more (?:stories|from .*))$/i;

const KEEP = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'FIGURE', 'FIGCAPTION', 'IMG', 'H1']);

/** Text longer than this inside an element marks it as holding the article, whatever its class says. */
const ARTICLE_SIZED = 1500;

function words(value: string): string[] {
  return value
    .split(/[\s]+/)
    .flatMap((token) => [token, ...token.split(/[-_]+|(?<=[a-z])(?=[A-Z])/)])
    .filter(Boolean);
}

/** True when the element's class, id, role or aria-label names it as furniture. */
export function looksLikeFurniture(element: Element): boolean {
  if (KEEP.has(element.tagName)) return false;
  const role = (element.getAttribute('role') ?? '').toLowerCase();
  if (role === 'complementary' || role === 'banner' || role === 'contentinfo') return true;
  const label = (element.getAttribute('aria-label') ?? '').trim();
  if (label && FURNITURE_LABEL.test(label)) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.id}`;
  if (!names.trim()) return false;
  return (
    names.split(/\s+/).some((token) => FURNITURE_PHRASE.test(token)) ||
    words(names).some((word) => FURNITURE_WORD.test(word))
  );
}

function holdsCaption(element: Element): boolean {
  return element.querySelector('figcaption, figure') !== null;
}

/** Removes the furniture under `root` (see above); returns how many elements went. */
export function removeFurniture(root: Element): number {
  let removed = 0;
  for (const element of [...root.querySelectorAll('[class], [id], [role], [aria-label]')]) {
    if (!element.isConnected || !root.contains(element)) continue;
    if (!looksLikeFurniture(element) || holdsCaption(element)) continue;
    // A container that holds the article (a page that names its main column "content-with-share-bar") is kept.
    if ((element.textContent ?? '').length > ARTICLE_SIZED && element.querySelectorAll('p').length >= 3) continue;
    element.remove();
    removed += 1;
  }
  return removed;
}

/**
 * Removes short blocks made mostly of links from an extracted article: "Read more" boxes and lists of other
 * headlines that Readability kept. A block of real text with a link or two is far below the share.
 */
export function removeLinkBoxes(root: Element): number {
  let removed = 0;
  const whole = (root.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  for (const element of [...root.querySelectorAll('aside, section, div, nav')]) {
    if (!element.isConnected || holdsCaption(element)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    // A box holding most of what was extracted is the page itself (a page of links): it is judged as a whole, by its
    // link share, and refused as no article or imported anyway; emptied here it would read as a page with no text.
    if (text.length > whole / 2) continue;
    const links = [...element.querySelectorAll('a')];
    if (links.length < 2 || text.length === 0 || text.length > 600) continue;
    const linked = links.reduce((sum, link) => sum + (link.textContent ?? '').replace(/\s+/g, ' ').trim().length, 0);
    if (element.tagName === 'NAV' || linked / text.length > 0.7) {
      element.remove();
      removed += 1;
    }
  }
  return removed;
}
