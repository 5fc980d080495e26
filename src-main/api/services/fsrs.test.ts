/**
 * FSRS parameters optimised from the reader's own reviews, through the service: a generated log (a learner unlike
 * FSRS's defaults, deterministic), fitted by fsrs-rs, measured by ts-fsrs, kept, used by the scheduler, and undone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../analysis/extraction-runner';
import { generateReviewLog } from '../../core/cards/test-review-log';
import { LibraryStorage } from '../../storage/library-storage';
import { REVIEWS_SCHEMA_VERSION } from '../../storage/card-file-schemas';
import type { LectioApi } from '../contract';
import { createService } from '../service';
import { isLectioError } from '../../core/errors';

const opened: LibraryStorage[] = [];
const START = new Date('2026-01-05T00:00:00.000Z');

async function setup(days: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-fsrs-'));
  const log = generateReviewLog({ seed: 2026, cards: 120, perDay: 4, days, start: START });
  writeFileSync(
    path.join(dataDir, 'reviews.json'),
    JSON.stringify({ schemaVersion: REVIEWS_SCHEMA_VERSION, reviews: log.reviews }),
  );
  const now = new Date(START.getTime() + days * 86_400_000);
  const storage = await LibraryStorage.open({ dataDir, now: () => now });
  opened.push(storage);
  const api: LectioApi = createService({
    storage,
    host: 'browser',
    version: 't',
    now: () => now,
    extraction: inProcessRunner,
    zone: 'UTC',
    scheduleFuzz: false,
  });
  await api.updateSettings({ review: { desiredRetention: 0.9, newPerDay: 20, dayStartsAt: 0 } });
  return { api, log };
}

afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

describe('optimising FSRS parameters', () => {
  it('fits parameters unlike the defaults that predict the reader’s reviews better, and the scheduler uses them', async () => {
    const { api } = await setup(90);
    const before = await api.getFsrsStatus({});
    expect(before).toMatchObject({ custom: false, parameters: [...default_w], optimisation: null });
    expect(before.reviews).toBeGreaterThanOrEqual(before.needed);
    const easyBefore = (await api.createCard({ kind: 'basic', front: 'Q', back: 'A' })).card.id;
    const first = await api.gradeCard({ id: easyBefore, grade: 4 });

    const result = await api.optimiseFsrs({});
    expect(result.applied).toBe(true);
    expect(result.fit.reviews).toBe(before.reviews);
    expect(result.fit.after.logLoss).toBeLessThan(result.fit.before.logLoss);
    expect(result.fit.after.rmse).toBeLessThan(result.fit.before.rmse);
    const { status } = result;
    expect(status.custom).toBe(true);
    expect(status.parameters).toHaveLength(21);
    // The learner's first memories are a third as strong as the defaults assume: the fit finds them weaker.
    expect(status.parameters[3]).toBeLessThan(default_w[3] ?? 0);
    // And not only the four initial stabilities: the whole model is fitted.
    const moved = status.parameters.filter((value, index) => Math.abs(value - (default_w[index] ?? 0)) > 0.01);
    expect(moved.length).toBeGreaterThan(8);
    expect(status.optimisation).toEqual(result.fit);

    // Kept, and applied: Easy on a new card now gives the fitted initial stability, a shorter first interval.
    expect((await api.getFsrsStatus({})).parameters).toEqual(status.parameters);
    const after = (await api.createCard({ kind: 'basic', front: 'Q2', back: 'A' })).card.id;
    const second = await api.gradeCard({ id: after, grade: 4 });
    expect(second.card.schedule.stability).toBeCloseTo(status.parameters[3] ?? 0, 3);
    expect(second.card.schedule.stability).toBeLessThan(first.card.schedule.stability);

    const reset = await api.resetFsrsParameters({});
    expect(reset).toMatchObject({ custom: false, parameters: [...default_w], optimisation: null });
  });

  it('fits off the main thread: the service answers meanwhile, and a second Optimise is refused until it ends', async () => {
    const { api } = await setup(90);
    let finished = false;
    const running = api.optimiseFsrs({}).then((result) => {
      finished = true;
      return result;
    });
    // fsrs-rs runs on libuv's thread pool: other calls are answered while it works.
    const answered = await api.getDueCounts({});
    expect(answered).toBeDefined();
    const second = await api.optimiseFsrs({}).catch((caught: unknown) => caught);
    expect(isLectioError(second, 'busy')).toBe(true);
    expect(finished).toBe(false);
    expect((await running).applied).toBe(true);
  });

  it('says clearly when the log is too short, and changes nothing', async () => {
    const { api } = await setup(3);
    const status = await api.getFsrsStatus({});
    expect(status.reviews).toBeLessThan(status.needed);
    const error = await api.optimiseFsrs({}).catch((caught: unknown) => caught);
    expect(isLectioError(error, 'invalid-argument')).toBe(true);
    expect((error as Error).message).toMatch(
      new RegExp(`too short to optimise: FSRS needs ${status.needed} reviews .* there are ${status.reviews}\\.`),
    );
    expect((await api.getFsrsStatus({})).custom).toBe(false);
  });
});
