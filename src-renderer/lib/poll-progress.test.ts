import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollProgress } from './poll-progress';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pollProgress', () => {
  it('asks one call at a time, the next only after an answer and a pause, until stopped', async () => {
    let inFlight = 0;
    let most = 0;
    let calls = 0;
    const seen: number[] = [];
    const answers: (() => void)[] = [];
    const read = () =>
      new Promise<number>((resolve) => {
        calls += 1;
        inFlight += 1;
        most = Math.max(most, inFlight);
        const n = calls;
        answers.push(() => {
          inFlight -= 1;
          resolve(n);
        });
      });
    const stop = pollProgress(read, (n) => seen.push(n), 100);
    await vi.advanceTimersByTimeAsync(1000); // A slow answer: no second call piles up behind it.
    expect(calls).toBe(1);
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([1]);
    expect(calls).toBe(2);
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(most).toBe(1);
  });

  it('skips a failed read and tries again; an answer arriving after stop is not reported', async () => {
    let calls = 0;
    const seen: string[] = [];
    let late: ((value: string) => void) | null = null;
    const read = () => {
      calls += 1;
      if (calls === 1) return Promise.reject(new Error('busy'));
      return new Promise<string>((resolve) => {
        late = resolve;
      });
    };
    const stop = pollProgress(read, (value) => seen.push(value), 50);
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toBe(2);
    stop();
    (late as ((value: string) => void) | null)?.('after stop');
    await vi.advanceTimersByTimeAsync(200);
    expect(seen).toEqual([]);
    expect(calls).toBe(2);
  });
});
