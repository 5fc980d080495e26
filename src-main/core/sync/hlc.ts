/**
 * A hybrid logical clock (Kulkarni et al.): stamps that follow the wall clock when it moves forward, never go back,
 * and always sort after every stamp this device has seen from others. So an edit made after seeing another device's
 * edit sorts after it even when this machine's clock is an hour behind; stamps of concurrent edits still sort the same
 * way on every device (ties broken by the device id). Pure: the wall clock is passed in.
 */

/** `wall(base36, 11 chars)-counter(base36, 5 chars)-device`: compares as plain strings. */
export type Stamp = string;

const WALL_WIDTH = 11;
const COUNTER_WIDTH = 5;

export function formatStamp(wallMs: number, counter: number, device: string): Stamp {
  return `${wallMs.toString(36).padStart(WALL_WIDTH, '0')}-${counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${device}`;
}

/** The stamp's wall time and counter; null for a string that is not a stamp. */
export function parseStamp(stamp: string): { wallMs: number; counter: number; device: string } | null {
  const match = /^([0-9a-z]{11})-([0-9a-z]{5})-(.+)$/.exec(stamp);
  if (!match) return null;
  return { wallMs: parseInt(match[1]!, 36), counter: parseInt(match[2]!, 36), device: match[3]! };
}

export class HybridClock {
  #wallMs = 0;
  #counter = 0;

  constructor(
    readonly device: string,
    private readonly wallClock: () => number,
  ) {}

  /** A new stamp, after every stamp made or seen so far. */
  next(): Stamp {
    const wall = this.wallClock();
    if (wall > this.#wallMs) {
      this.#wallMs = wall;
      this.#counter = 0;
    } else {
      this.#counter++;
    }
    return formatStamp(this.#wallMs, this.#counter, this.device);
  }

  /** Takes in another device's stamp, so the next stamp made here sorts after it. */
  observe(stamp: string): void {
    const seen = parseStamp(stamp);
    if (!seen) return;
    if (seen.wallMs > this.#wallMs || (seen.wallMs === this.#wallMs && seen.counter > this.#counter)) {
      this.#wallMs = seen.wallMs;
      this.#counter = seen.counter;
    }
  }
}
