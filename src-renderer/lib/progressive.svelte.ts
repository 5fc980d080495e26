/**
 * Long lists render a first page and grow as the reader scrolls to their end (or asks for more), so a library of
 * 1,000 articles or an article with 5,000 highlights opens at once instead of building every row up front.
 */

export class ProgressiveList {
  limit = $state(0);

  constructor(readonly step: number) {
    this.limit = step;
  }

  /** The first `limit` items. */
  visible<T>(items: readonly T[]): readonly T[] {
    return items.length > this.limit ? items.slice(0, this.limit) : items;
  }

  more(): void {
    this.limit += this.step;
  }

  reset(): void {
    this.limit = this.step;
  }
}

/**
 * How many Library cards a first page holds: the rows a window this tall shows (a card is at least ~110 px), and a
 * few more, so a change of sort or filter builds what is seen and not several screens of rows below the fold (each
 * change replaces every rendered row; the rest come as the reader scrolls).
 */
export function rowsForWindow(height: number, rowHeight = 110, min = 8, max = 30): number {
  if (!Number.isFinite(height) || height <= 0) return min;
  return Math.min(max, Math.max(min, Math.ceil(height / rowHeight) + 2));
}

/** Svelte action: calls `onVisible` whenever `node` scrolls into view (put it after the last rendered row). */
export function whenVisible(node: Element, onVisible: () => void): { destroy(): void } {
  if (typeof IntersectionObserver === 'undefined') return { destroy() {} };
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onVisible();
    },
    { rootMargin: '400px' },
  );
  observer.observe(node);
  return { destroy: () => observer.disconnect() };
}
