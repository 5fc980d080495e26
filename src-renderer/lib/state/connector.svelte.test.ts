import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { ConnectorState } from './connector.svelte';

afterEach(closeSampleLibraries);

async function connector() {
  const opened = await openSampleLibrary();
  return new ConnectorState(createApiClient(opened.transport));
}

describe('ConnectorState', () => {
  it('loads the status: not paired in a new library, and no token shown', async () => {
    const state = await connector();
    await state.load();
    expect(state.status).toMatchObject({ paired: false, tokenCreatedAt: null });
    expect(state.token).toBeNull();
    expect(state.error).toBeNull();
  });

  it('makes a token, shows it once, and the status says paired; a new one replaces it', async () => {
    const state = await connector();
    await state.load();
    await state.makeToken();
    const first = state.token;
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(state.status).toMatchObject({ paired: true });
    await state.load();
    expect(JSON.stringify(state.status)).not.toContain(first);
    await state.makeToken();
    expect(state.token).not.toBe(first);
  });

  it('says why the status could not be read', async () => {
    const state = new ConnectorState(
      createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })),
    );
    await state.load();
    expect(state.status).toBeNull();
    expect(state.error).toMatch(/not answering/);
  });
});
