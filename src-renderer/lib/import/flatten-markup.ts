/**
 * Caps how deeply an HTML page nests before any parser sees it. DOMPurify and Readability slow down far faster than
 * their input on deep trees (100,000 nested `<div>`s took 89 s, 30,000 unclosed `<b><i><a>` over two minutes, all
 * on the renderer's one thread), and no article needs hundreds of levels. One linear pass over the markup drops every
 * tag that would open deeper than MAX_DEPTH, with its end tag; the text inside is kept, so nothing readable is lost.
 * The pass only removes whole tags, and its output still goes through DOMPurify like any page.
 */

/** Deeper than any real article's markup (news pages nest 20 to 40 levels), far shallower than the attacks. */
export const MAX_DEPTH = 128;

/** HTML's void elements: they never have a closing tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'frame',
  'basefont',
  'bgsound',
]);
/** Elements whose content is not markup: skipped whole, up to their end tag. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);
/** Start tags that close an open element of the same name (`<p>a<p>b`, `<li>a<li>b`), as HTML's parser does. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'rt', 'rp']);
/** Containers an implied close does not look past (a `<li>` in a nested list does not close its parent's `<li>`). */
const SCOPE = new Set([
  'html',
  'body',
  'ul',
  'ol',
  'dl',
  'table',
  'select',
  'div',
  'section',
  'article',
  'blockquote',
  'td',
  'th',
]);
/** Block start tags that close an open paragraph. */
const CLOSES_P = new Set([
  'div',
  'p',
  'ul',
  'ol',
  'dl',
  'table',
  'blockquote',
  'pre',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'nav',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'form',
]);

const NAME_END = /[\s/>]/;

/** Where the tag opened at `at` ends (just past its `>`), honouring quoted attribute values; -1 when it never does. */
function tagEnd(html: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  return -1;
}

function tagName(html: string, from: number): string {
  let end = from;
  while (end < html.length && !NAME_END.test(html[end] as string)) end++;
  return html.slice(from, end).toLowerCase();
}

/** Pops the open element `name` when an implied end applies to it; never looks past a scope boundary. */
function closeImplied(stack: string[], name: string): void {
  if (CLOSES_P.has(name) && stack.at(-1) === 'p') stack.pop();
  if (!SELF_CLOSING_SIBLINGS.has(name)) return;
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i] === name) {
      stack.length = i;
      return;
    }
    if (SCOPE.has(stack[i] as string)) return;
  }
}

/** The markup with every tag deeper than `maxDepth` removed (text kept); markup within the cap comes back unchanged. */
export function flattenMarkup(html: string, maxDepth = MAX_DEPTH): string {
  const out: string[] = [];
  const stack: string[] = [];
  /** End tags still to drop, by name: one for each start tag dropped for being too deep. */
  const dropped = new Map<string, number>();
  let copied = 0;
  let at = html.indexOf('<');
  const skip = (from: number, to: number) => {
    out.push(html.slice(copied, from));
    copied = to;
  };
  while (at !== -1 && at < html.length - 1) {
    const next = html[at + 1] as string;
    let resume = at + 1;
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end === -1) break;
      resume = end + 3;
    } else if (next === '!' || next === '?') {
      const end = html.indexOf('>', at);
      if (end === -1) break;
      resume = end + 1;
    } else if (next === '/' && /[a-z]/i.test(html[at + 2] ?? '')) {
      const end = html.indexOf('>', at);
      if (end === -1) break;
      resume = end + 1;
      const name = tagName(html, at + 2);
      const owed = dropped.get(name) ?? 0;
      if (owed > 0) {
        dropped.set(name, owed - 1);
        skip(at, resume);
      } else {
        const open = stack.lastIndexOf(name);
        if (open !== -1) stack.length = open;
      }
    } else if (/[a-z]/i.test(next)) {
      const end = tagEnd(html, at);
      if (end === -1) break;
      resume = end;
      const name = tagName(html, at + 1);
      if (RAW_TEXT.has(name)) {
        // Keep the element whole: its content is text to the parser, never tags to count.
        const close = new RegExp(`</${name}`, 'gi');
        close.lastIndex = end;
        const found = close.exec(html);
        if (!found) break;
        resume = html.indexOf('>', found.index) + 1 || html.length;
      } else if (!VOID_ELEMENTS.has(name) && html[end - 2] !== '/') {
        closeImplied(stack, name);
        if (stack.length >= maxDepth) {
          dropped.set(name, (dropped.get(name) ?? 0) + 1);
          skip(at, resume);
        } else {
          stack.push(name);
        }
      }
    }
    at = html.indexOf('<', resume);
  }
  out.push(html.slice(copied));
  return out.join('');
}
