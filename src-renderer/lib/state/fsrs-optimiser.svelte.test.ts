import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateReviewLog } from '@core/cards/test-review-log';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { REVIEWS_SCHEMA_VERSION } from '@main/storage/card-file-schemas';
import { createApiClient } from '../api-client.svelte';
import { FsrsOptimiserState } from './fsrs-optimiser.svelte';

afterEach(closeSampleLibraries);

/** A library whose review log is `days` days of a generated learner's reviews (deterministic). */
async function library(days: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-optimiser-'));
  const { reviews } = generateReviewLog({
    seed: 11,
    cards: 120,
    perDay: 4,
    days,
    start: new Date('2026-02-01T00:00:00.000Z'),
  });
  writeFileSync(path.join(dataDir, 'reviews.json'), JSON.stringify({ schemaVersion: REVIEWS_SCHEMA_VERSION, reviews }));
  const opened = await openSampleLibrary(dataDir);
  return new FsrsOptimiserState(createApiClient(opened.transport));
}

describe('FsrsOptimiserState', () => {
  it('optimises from the review log, shows the loss before and after, and goes back to the defaults', async () => {
    const state = await library(90);
    await state.load();
    expect(state.status?.custom).toBe(false);
    expect(state.ready).toBe(true);

    await state.optimise();
    expect(state.error).toBeNull();
    expect(state.result?.applied).toBe(true);
    const fit = state.result?.fit;
    expect(fit && fit.after.logLoss < fit.before.logLoss).toBe(true);
    expect(state.status?.custom).toBe(true);
    expect(state.message).toMatch(/^Optimised/);

    await state.reset();
    expect(state.status?.custom).toBe(false);
    expect(state.result).toBeNull();
    expect(state.message).toMatch(/default parameters/);
  });

  it('says the log is too short, and how many reviews are missing', async () => {
    const state = await library(2);
    await state.load();
    expect(state.ready).toBe(false);
    await state.optimise();
    expect(state.error).toMatch(/too short to optimise/);
    expect(state.status?.custom).toBe(false);
    expect(state.result).toBeNull();
  });
});
