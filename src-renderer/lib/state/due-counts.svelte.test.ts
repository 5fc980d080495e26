import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { DueCountsState } from './due-counts.svelte';

afterEach(closeSampleLibraries);

describe('DueCountsState', () => {
  it('refreshes from the service’s review queue: a new card counts as new today', async () => {
    const client = createApiClient((await openSampleLibrary()).transport);
    const due = new DueCountsState(client);
    expect(due.counts).toBeNull();
    await due.refresh();
    expect(due.counts).toEqual({ due: 0, fresh: 0, dueIds: [] });
    await client.createCard({ kind: 'basic', front: 'Who met in Lisbon?', back: 'The ministers' });
    await due.refresh();
    expect(due.counts).toMatchObject({ due: 0, fresh: 1 });
  });

  it('takes counts that came with another answer, and its due ids follow them', async () => {
    const due = new DueCountsState(createApiClient((await openSampleLibrary()).transport));
    expect(due.dueIds.size).toBe(0);
    due.set({ due: 2, fresh: 0, dueIds: ['a', 'b'] });
    expect([...due.dueIds]).toEqual(['a', 'b']);
    due.set({ due: 1, fresh: 0, dueIds: ['b'] });
    expect(due.dueIds.has('a')).toBe(false);
    expect(due.dueIds.has('b')).toBe(true);
  });

  it('is reactive: what shows the due ids (the Cards filter) follows a refresh', async () => {
    const client = createApiClient((await openSampleLibrary()).transport);
    const due = new DueCountsState(client);
    const seen: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(due.counts?.fresh ?? -1);
      });
    });
    flushSync();
    await client.createCard({ kind: 'basic', front: 'Who met in Lisbon?', back: 'The ministers' });
    await due.refresh();
    flushSync();
    stop();
    expect(seen).toEqual([-1, 1]);
  });

  it('keeps the last counts when a refresh fails', async () => {
    const due = new DueCountsState(createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })));
    due.set({ due: 3, fresh: 1, dueIds: ['a', 'b', 'c'] });
    await due.refresh();
    expect(due.counts).toEqual({ due: 3, fresh: 1, dueIds: ['a', 'b', 'c'] });
  });
});
