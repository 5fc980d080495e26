// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileBytes } from './read-file';
import { LectioError } from '@core/errors';

describe('readFileBytes', () => {
  it('reads every byte and reports reaching the end', async () => {
    const seen: number[] = [];
    const bytes = await readFileBytes(new Blob(['héllo wörld']), (f) => seen.push(f), new AbortController().signal);
    expect(new TextDecoder().decode(bytes)).toBe('héllo wörld');
    expect(seen.at(-1)).toBe(1);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const reading = readFileBytes(new Blob([new Uint8Array(8_000_000)]), () => undefined, controller.signal);
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(LectioError);
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
  });
});
