/**
 * The article's DOM, built once per document: one element per block, carrying the block's start offset as
 * `data-start` and holding exactly the block's text (inline elements only where there are marks), so the text nodes
 * under a block concatenate to its slice of the canonical text (see anchoring/text-map.ts).
 *
 * Built here rather than by a Svelte template because the article never changes in place: the template's {#each} and
 * {#if} blocks left three comments and two empty text nodes in every block and kept a dozen reactive objects per block
 * alive, for 2,000 blocks in a long article. Text goes in as text nodes, never as HTML.
 */
import { imageUrl } from '@contract';
import type { Block, DocumentBody } from '@core/model';
import { LONG_TEXT } from './paint-window';
import { blockSegments, type Segment } from './segments';

function blockElement(doc: Document, block: Block): HTMLElement {
  let element: HTMLElement;
  if (block.kind === 'heading') {
    element = doc.createElement('h2');
    element.className = `block heading level-${block.level ?? 2}`;
  } else if (block.kind === 'list-item') {
    element = doc.createElement('p');
    element.className = 'block list-item';
    element.style.setProperty('--depth', String(block.level ?? 1));
  } else if (block.kind === 'caption') {
    element = doc.createElement('figcaption');
    element.className = 'block caption';
  } else if (block.kind === 'quote') {
    element = doc.createElement('blockquote');
    element.className = 'block';
  } else {
    element = doc.createElement('p');
    element.className = 'block';
  }
  element.dataset['start'] = String(block.start);
  return element;
}

function inline(doc: Document, segment: Segment): Node {
  const text = doc.createTextNode(segment.text);
  if (!segment.href && !segment.emphasis && !segment.strong && !segment.code) return text;
  let element: HTMLElement;
  if (segment.href) {
    const link = doc.createElement('a');
    link.href = segment.href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    element = link;
  } else {
    element = doc.createElement('span');
    element.classList.toggle('code', segment.code);
  }
  element.classList.toggle('em', segment.emphasis);
  element.classList.toggle('strong', segment.strong);
  element.append(text);
  return element;
}

/**
 * A picture: a figure holding the stored image (its alt text read in its place), with no `data-start` and no text, so
 * the text map skips it. A caption block right after it goes inside the figure.
 */
function figureElement(doc: Document, block: Block): HTMLElement {
  const figure = doc.createElement('figure');
  figure.className = 'figure';
  const img = doc.createElement('img');
  img.src = imageUrl(block.image?.id ?? '', doc.location?.protocol ?? 'http:');
  img.alt = block.image?.alt ?? '';
  img.loading = 'lazy';
  img.decoding = 'async';
  if (block.image?.width && block.image.height) {
    img.width = block.image.width;
    img.height = block.image.height;
  }
  figure.append(img);
  return figure;
}

/**
 * Replaces the children of `root` with the blocks of `body`. A long text (the size from which highlights are drawn by
 * window) is marked `long`: its blocks out of view are skipped by the browser until the reader nears them (app.css).
 */
export function renderArticle(root: HTMLElement, body: DocumentBody): void {
  root.classList.toggle('long', body.text.length > LONG_TEXT);
  const doc = root.ownerDocument;
  const fragment = doc.createDocumentFragment();
  let figure: HTMLElement | null = null;
  for (const block of body.blocks) {
    if (block.kind === 'image') {
      figure = figureElement(doc, block);
      fragment.append(figure);
      continue;
    }
    const element = blockElement(doc, block);
    for (const segment of blockSegments(body.text, block, body.marks)) {
      if (segment.text.length > 0) element.append(inline(doc, segment));
    }
    if (block.kind === 'caption' && figure) figure.append(element);
    else fragment.append(element);
    figure = null;
  }
  root.replaceChildren(fragment);
}
