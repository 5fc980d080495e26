import { afterEach, describe, expect, it } from 'vitest';
import type { LectioApi } from '@contract';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { TaskState } from './task-state.svelte';

afterEach(closeSampleLibraries);

/** A screen state with one action, opening a document, as the screens' actions go through `run`. */
class Opener extends TaskState {
  constructor(private readonly api: LectioApi) {
    super();
  }

  open(id: string) {
    return this.run(async () => (await this.api.getDocument({ id })).title);
  }
}

describe('TaskState', () => {
  it('is busy while an action runs, returns its result and clears an earlier error', async () => {
    const state = new Opener(createApiClient((await openSampleLibrary()).transport));
    await state.open('nowhere');
    expect(state.error).not.toBeNull();
    const opening = state.open('sample');
    expect(state.busy).toBe(true);
    expect(await opening).toBe('Sample');
    expect(state.busy).toBe(false);
    expect(state.error).toBeNull();
  });

  it('returns null with the service’s message when the action fails, and is no longer busy', async () => {
    const { transport } = await openSampleLibrary();
    const state = new Opener(createApiClient(transport));
    expect(await state.open('nowhere')).toBeNull();
    const answer = await transport('getDocument', { id: 'nowhere' });
    expect(answer.ok).toBe(false);
    expect(state.error).toBe(answer.ok ? null : answer.error.message);
    expect(state.busy).toBe(false);
  });
});
