import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { SettingsState, type ReadingRoot } from './settings.svelte';

afterEach(closeSampleLibraries);

/** The element the reading preferences apply to, as the page's <html> keeps them: data attributes and properties. */
function pageRoot(): ReadingRoot & { properties: Record<string, string> } {
  const properties: Record<string, string> = {};
  return {
    dataset: {},
    style: { setProperty: (name: string, value: string | null) => void (properties[name] = value ?? '') },
    properties,
  };
}

async function settings() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const root = pageRoot();
  return { state: new SettingsState(client, () => root), client, root };
}

describe('SettingsState', () => {
  it('loads the settings and applies the reading ones to the page', async () => {
    const { state, client, root } = await settings();
    await client.updateSettings({ reading: { theme: 'sepia', font: 'sans', size: 20, width: 70 } });
    await state.load();
    expect(state.error).toBeNull();
    expect(state.settings?.reading).toEqual({ theme: 'sepia', font: 'sans', size: 20, width: 70 });
    expect(root.dataset).toEqual({ theme: 'sepia', font: 'sans' });
    expect(root.properties).toEqual({ '--reading-size': '20px', '--measure': '70ch' });
  });

  it('follows the system theme by leaving the page’s theme unset', async () => {
    const { state, root } = await settings();
    root.dataset.theme = 'dark';
    await state.load();
    expect(state.settings?.reading.theme).toBe('system');
    expect(root.dataset.theme).toBeUndefined();
  });

  it('says why the settings could not be read', async () => {
    const root = pageRoot();
    const state = new SettingsState(
      createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })),
      () => root,
    );
    await state.load();
    expect(state.settings).toBeNull();
    expect(state.error).toMatch(/not answering/);
    expect(root.dataset).toEqual({});
  });

  it('saves a change, shows the stored answer and applies it', async () => {
    const { state, client, root } = await settings();
    await state.load();
    const reading = { theme: 'dark' as const, font: 'serif' as const, size: 22, width: 60 };
    expect(await state.save({ reading })).toBe(true);
    expect(state.saved).toBe(true);
    expect(state.settings?.reading).toEqual(reading);
    expect(root.dataset.theme).toBe('dark');
    expect((await client.getSettings({})).reading).toEqual(reading);
  });

  it('sends quick changes one at a time, in order: the last one made is the one stored and shown', async () => {
    const { state, client } = await settings();
    await state.load();
    const base = state.settings?.reading ?? { theme: 'system', font: 'serif', size: 18, width: 66 };
    const sizes = [19, 20, 21, 22, 23];
    const saves = sizes.map((size) => state.save({ reading: { ...base, size } }));
    expect(await Promise.all(saves)).toEqual([true, true, true, true, true]);
    expect(state.settings?.reading.size).toBe(23);
    expect((await client.getSettings({})).reading.size).toBe(23);
  });

  it('a refused change sets the error and puts back what is stored', async () => {
    const { state, client } = await settings();
    await state.load();
    const stored = state.settings?.review;
    if (!state.settings || !stored) throw new Error('not loaded');
    // The screen shows the change before it is saved.
    state.settings.review = { ...stored, desiredRetention: 2 };
    expect(await state.save({ review: { ...stored, desiredRetention: 2 } })).toBe(false);
    expect(state.error).toMatch(/desiredRetention/);
    expect(state.settings.review).toEqual(stored);
    expect((await client.getSettings({})).review).toEqual(stored);
  });
});
