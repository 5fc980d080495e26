/**
 * Answers "which highlights cover this offset?" (click-to-highlight through the caret offset) in O(log n + k), with
 * overlapping highlights allowed. A static centred interval tree is rebuilt lazily; the few changes since the last
 * build sit in a small pending list and a removed set, so add and remove stay O(1).
 */

export interface IndexedRange {
  id: string;
  /** [start, end) in canonical-text offsets. */
  start: number;
  end: number;
}

interface TreeNode {
  center: number;
  /** Ranges containing `center`, by start ascending and by end descending. */
  byStart: IndexedRange[];
  byEnd: IndexedRange[];
  left: TreeNode | null;
  right: TreeNode | null;
}

/** Changes absorbed before the tree is rebuilt: keeps the linear scan of pending ranges negligible. */
const MAX_UNBUILT_CHANGES = 32;

/** Builds a centred tree from ranges sorted by start; the median start always lands in its own node, so depth is log n. */
function build(sorted: IndexedRange[]): TreeNode | null {
  const middle = sorted[sorted.length >> 1];
  if (!middle) return null;
  const center = middle.start;
  const left: IndexedRange[] = [];
  const right: IndexedRange[] = [];
  const here: IndexedRange[] = [];
  for (const range of sorted) {
    if (range.end <= center) left.push(range);
    else if (range.start > center) right.push(range);
    else here.push(range);
  }
  const byEnd = [...here].sort((a, b) => b.end - a.end);
  return { center, byStart: here, byEnd, left: build(left), right: build(right) };
}

function collect(node: TreeNode | null, offset: number, out: IndexedRange[]): void {
  for (let current = node; current;) {
    if (offset < current.center) {
      // Every range here ends after center > offset, so it contains offset iff it starts at or before it.
      for (const range of current.byStart) {
        if (range.start > offset) break;
        out.push(range);
      }
      current = current.left;
    } else {
      // Every range here starts at or before center <= offset, so it contains offset iff it ends after it.
      for (const range of current.byEnd) {
        if (range.end <= offset) break;
        out.push(range);
      }
      current = current.right;
    }
  }
}

/** Innermost first (shortest, then earliest, then by id): a click on nested highlights means the innermost. */
function innermostFirst(a: IndexedRange, b: IndexedRange): number {
  return a.end - a.start - (b.end - b.start) || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class IntervalIndex {
  readonly #ranges = new Map<string, IndexedRange>();
  #tree: TreeNode | null = null;
  /** Ids in the tree that were removed or replaced since it was built. */
  #stale = new Set<string>();
  /** Ranges added since the tree was built. */
  #pending = new Map<string, IndexedRange>();

  get size(): number {
    return this.#ranges.size;
  }

  /** Adds or replaces `id`. Returns false (and stores nothing) unless 0 <= start < end are integers. */
  add(id: string, start: number, end: number): boolean {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start >= end) return false;
    this.remove(id);
    const range = { id, start, end };
    this.#ranges.set(id, range);
    this.#pending.set(id, range);
    return true;
  }

  /** Removes `id`; returns false when it was not indexed. */
  remove(id: string): boolean {
    if (!this.#ranges.delete(id)) return false;
    if (!this.#pending.delete(id)) this.#stale.add(id);
    return true;
  }

  /** Replaces the whole contents and builds the tree at once (the usual path when a document opens). */
  reset(ranges: Iterable<IndexedRange>): void {
    this.#ranges.clear();
    for (const range of ranges) this.add(range.id, range.start, range.end);
    this.#rebuild();
  }

  /** The ranges with start <= offset < end, innermost first; [] when none. */
  containing(offset: number): IndexedRange[] {
    if (this.#pending.size + this.#stale.size > MAX_UNBUILT_CHANGES) this.#rebuild();
    const found: IndexedRange[] = [];
    collect(this.#tree, offset, found);
    const live = this.#stale.size === 0 ? found : found.filter((r) => this.#ranges.get(r.id) === r);
    if (this.#pending.size > 0) {
      for (const range of this.#pending.values()) {
        if (range.start <= offset && offset < range.end) live.push(range);
      }
    }
    // A click usually lands in one highlight or none: no sort to run then.
    return live.length > 1 ? live.sort(innermostFirst) : live;
  }

  #rebuild(): void {
    const sorted = [...this.#ranges.values()].sort((a, b) => a.start - b.start);
    this.#tree = build(sorted);
    this.#pending.clear();
    this.#stale.clear();
  }
}
