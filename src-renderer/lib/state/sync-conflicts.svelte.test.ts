import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { SyncConflictsState, joinVersions } from './sync-conflicts.svelte';

afterEach(closeSampleLibraries);

const version = (text: string) => ({ text, editedAt: '2026-12-07T10:00:00.000Z', device: 'd' });

describe('joinVersions (Keep both)', () => {
  it('keeps every side, newest first, a blank line between, each distinct text once', () => {
    expect(
      joinVersions({ versions: [version('Newer thought.'), version('  Older thought. '), version('Newer thought.')] }),
    ).toBe('Newer thought.\n\nOlder thought.');
  });

  it('skips an empty side rather than leaving a blank paragraph', () => {
    expect(joinVersions({ versions: [version(''), version('Only text.')] })).toBe('Only text.');
  });
});

describe('SyncConflictsState', () => {
  it('loads an empty list on a device with nothing in conflict', async () => {
    const opened = await openSampleLibrary();
    const state = new SyncConflictsState(createApiClient(opened.transport));
    await state.load();
    expect(state.loaded).toBe(true);
    expect(state.conflicts).toEqual([]);
  });

  it('says why a conflict that is not there cannot be resolved, and keeps the list as it was', async () => {
    const opened = await openSampleLibrary();
    const state = new SyncConflictsState(createApiClient(opened.transport));
    await state.load();
    expect(await state.resolve('no-such-conflict', 'text')).toBe(false);
    expect(state.error).toMatch(/no sync conflict/i);
    expect(state.conflicts).toEqual([]);
  });
});
