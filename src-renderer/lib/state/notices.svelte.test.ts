import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closeSampleLibraries,
  closeSampleLibrary,
  openSampleLibrary,
  stoppedServerOrigin,
} from '@main/api/services/test-sample-service';
import { dataFilePath } from '@main/storage/data-files';
import { SettledCalls, createApiClient, httpTransport } from '../api-client.svelte';
import { NoticesState } from './notices.svelte';

afterEach(closeSampleLibraries);

/**
 * A library whose sample article's highlights file was damaged while the app was closed: the service finds it on the
 * article's first opening (not at start-up), moves it aside and raises a notice.
 */
async function damagedLibrary() {
  const first = await openSampleLibrary();
  await first.api.createHighlight({ documentId: 'sample', start: 0, end: 10, color: 1 });
  closeSampleLibrary(first.storage);
  writeFileSync(dataFilePath(first.dataDir, 'annotations/sample.json'), 'not json at all');
  const reopened = await openSampleLibrary(first.dataDir);
  const settled = new SettledCalls();
  const client = createApiClient(reopened.transport, settled);
  return { client, notices: new NoticesState(client, (listener) => settled.listen(listener), 10) };
}

describe('NoticesState', () => {
  it('reads the notices again after other calls settle: a file recovered mid-session is announced', async () => {
    const { client, notices } = await damagedLibrary();
    const stop = notices.watch();
    await vi.waitFor(() => expect(notices.notices).toEqual([]));
    await client.getAnnotations({ documentId: 'sample' });
    await vi.waitFor(
      () => expect(notices.notices.map((notice) => notice.message).join('\n')).toMatch(/could not be read/),
      { timeout: 10_000 },
    );
    stop();
  });

  it('stops reading when the watch ends', async () => {
    const { client, notices } = await damagedLibrary();
    notices.watch()();
    await client.appInfo({}); // After the watch's first read, which found nothing yet.
    await client.getAnnotations({ documentId: 'sample' });
    // The notice is there to be read, and the watch would read it 10 ms after the call; it has ended, so none comes.
    expect((await client.appInfo({})).notices).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notices.notices).toEqual([]);
  });

  it('dismisses a notice here and in the library; a read already on its way does not bring it back', async () => {
    const { client, notices } = await damagedLibrary();
    await client.getAnnotations({ documentId: 'sample' });
    await notices.refresh();
    const [notice] = notices.notices;
    if (!notice) throw new Error('no notice');
    const late = client.appInfo({});
    await notices.dismiss(notice.id);
    expect(notices.notices).toEqual([]);
    expect((await late).notices.map((n) => n.id)).toContain(notice.id);
    await notices.refresh();
    expect(notices.notices).toEqual([]);
    expect((await client.appInfo({})).notices).toEqual([]);
  });

  it('a dismissal the library does not hear of still dismisses the notice here, and does not throw', async () => {
    const { client, notices } = await damagedLibrary();
    await client.getAnnotations({ documentId: 'sample' });
    await notices.refresh();
    const offline = new NoticesState(
      createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })),
      () => () => undefined,
    );
    offline.notices = notices.notices;
    await offline.dismiss(notices.notices[0]?.id ?? '');
    expect(offline.notices).toEqual([]);
  });

  it('keeps the notices shown when a read fails', async () => {
    const { client, notices } = await damagedLibrary();
    await client.getAnnotations({ documentId: 'sample' });
    await notices.refresh();
    expect(notices.notices).toHaveLength(1);
    const offline = new NoticesState(
      createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })),
      () => () => undefined,
    );
    offline.notices = notices.notices;
    await offline.refresh();
    expect(offline.notices).toHaveLength(1);
  });
});
