/**
 * The runner behind exports and backups taken by hand: one job at a time, its progress readable while it runs, and a
 * cancel that aborts the job's signal (and, when asked for, always wins over a result).
 */
import { describe, expect, it } from 'vitest';
import { LectioError } from '../../core/errors';
import { type JobHandle, SingleJob } from './single-job';

const IDLE = { running: false, done: 0, total: 0 };

/** A job that waits until the test lets it finish, with its handle kept for the test to drive. */
function held<R>(result: R) {
  let handle: JobHandle | null = null;
  let finish: () => void = () => undefined;
  const job = async (given: JobHandle) => {
    handle = given;
    await new Promise<void>((resolve) => (finish = resolve));
    return result;
  };
  const started = () => {
    if (!handle) throw new Error('The job has not started.');
    return handle;
  };
  return { job, handle: started, finish: () => finish() };
}

describe('SingleJob', () => {
  it('reports the running job as it counts, starting at 0 of the given total, and nothing before or after', async () => {
    const runner = new SingleJob({ busy: 'Busy.' });
    expect(runner.progress()).toEqual(IDLE);
    const { job, handle, finish } = held('made');
    const call = runner.run({ total: 40 }, job);
    expect(runner.progress()).toEqual({ running: true, done: 0, total: 40 });
    handle().progress(12, 50);
    expect(runner.progress()).toEqual({ running: true, done: 12, total: 50 });
    finish();
    expect(await call).toBe('made');
    expect(runner.progress()).toEqual(IDLE);
  });

  it('refuses a second job with the given message while one runs, leaves the first unharmed, and takes the next', async () => {
    const runner = new SingleJob({ busy: 'Another one is under way.' });
    const { job, finish } = held(1);
    const first = runner.run({ total: 1 }, job);
    let started = false;
    const second = runner.run({ total: 1 }, async () => (started = true));
    await expect(second).rejects.toThrow(LectioError);
    await expect(second).rejects.toMatchObject({ code: 'busy' });
    await expect(second).rejects.toThrow('Another one is under way.');
    expect(started).toBe(false);
    expect(runner.progress().running).toBe(true);
    finish();
    expect(await first).toBe(1);
    expect(await runner.run({ total: 0 }, async () => 2)).toBe(2);
  });

  it('cancels by aborting the job signal, and answers whether a job was running', async () => {
    const runner = new SingleJob({ busy: 'Busy.' });
    expect(runner.cancel()).toEqual({ cancelled: false });
    const call = runner.run({ total: 3 }, async ({ signal }) => {
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      throw new Error('stopped by its signal');
    });
    expect(runner.cancel()).toEqual({ cancelled: true });
    await expect(call).rejects.toThrow('stopped by its signal');
    expect(runner.progress()).toEqual(IDLE);
    expect(runner.cancel()).toEqual({ cancelled: false });
  });

  it('fails a cancelled job with the given error even when its work got done, and keeps the result without one', async () => {
    class Cancelled extends Error {}
    const strict = new SingleJob({ busy: 'Busy.', cancelled: () => new Cancelled('cancelled') });
    const late = held('whole file');
    const call = strict.run({ total: 1 }, late.job);
    expect(strict.cancel()).toEqual({ cancelled: true });
    late.finish();
    await expect(call).rejects.toThrow(Cancelled);

    const lenient = new SingleJob({ busy: 'Busy.' });
    const kept = held('finished backup');
    const keptCall = lenient.run({ total: 1 }, kept.job);
    expect(lenient.cancel()).toEqual({ cancelled: true });
    kept.finish();
    expect(await keptCall).toBe('finished backup');
  });

  it('frees itself when a job fails, and a late report from an ended job never shows as the next one’s progress', async () => {
    const runner = new SingleJob({ busy: 'Busy.' });
    await expect(runner.run({ total: 5 }, async () => Promise.reject(new Error('disk full')))).rejects.toThrow(
      'disk full',
    );
    expect(runner.progress()).toEqual(IDLE);
    const ended = held(null);
    const endedCall = runner.run({ total: 5 }, ended.job);
    ended.finish();
    await endedCall;
    const next = held(null);
    const nextCall = runner.run({ total: 9 }, next.job);
    ended.handle().progress(5, 5);
    expect(runner.progress()).toEqual({ running: true, done: 0, total: 9 });
    next.finish();
    await nextCall;
  });
});
