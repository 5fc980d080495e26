import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '@contract';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { buildTestEpub } from '@main/import/epub/test-epub';
import { LibraryState } from './library.svelte';

let site: Server | null = null;

afterEach(async () => {
  closeSampleLibraries();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(null)));
  site = null;
});

/** A web site on this machine with one article, at /tide-gauges; every other address is not found. */
async function startSite(): Promise<string> {
  site = createServer((request, response) => {
    if (request.url !== '/tide-gauges') {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>Why the old tide gauges still matter</title></head><body>
<article><h1>Why the old tide gauges still matter</h1>
<p>The harbour's tide gauge has recorded the sea's height every hour since 1887, and its records are the longest on the coast.</p>
<p>Scientists use the old ledgers to measure how fast the sea is rising, because satellite records go back only to the 1990s.</p>
<p>Volunteers have typed up forty thousand handwritten pages so far, and the work is expected to finish next spring.</p>
</article></body></html>`);
  });
  await new Promise<void>((resolve) => site?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

/** The Library's state over the real service, on a new library holding the sample article. */
async function library() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  return { state: new LibraryState(client), client, opened };
}

/** Over a local server that has stopped: every call fails as it does when `npm run serve` is gone. */
async function offline() {
  return new LibraryState(createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })));
}

/** The service's own message for a call it refuses (what the screen must show, word for word). */
async function refusal(answer: Promise<ApiResult<unknown>>): Promise<string> {
  const result = await answer;
  if (result.ok) throw new Error('the service accepted the call');
  return result.error.message;
}

describe('LibraryState', () => {
  it('reads the list again in place when documents arrive from elsewhere, leaving out those whose delete is undoable', async () => {
    const { state, client } = await library();
    await state.load();
    const other = await client.importDocument({
      text: 'Harbour talks resume on Monday.',
      format: 'text',
      title: 'Harbour',
    });
    const held = await client.importDocument({
      text: 'Held back until the Undo lapses.',
      format: 'text',
      title: 'Held',
    });
    const reloading = state.reload(new Set([held.id]));
    expect(state.loading).toBe(false);
    expect(state.documents.map((doc) => doc.id)).toEqual(['sample']);
    await reloading;
    expect(state.documents.map((doc) => doc.id)).toEqual(['sample', other.id]);
  });

  it('loads the library: loading until the answer, then its articles', async () => {
    const { state } = await library();
    expect(state.loading).toBe(true);
    await state.load();
    expect(state.loading).toBe(false);
    expect(state.error).toBeNull();
    expect(state.documents.map((doc) => doc.id)).toEqual(['sample']);
  });

  it('says why the library could not be read, and keeps the list it had', async () => {
    const state = await offline();
    await state.load();
    expect(state.loading).toBe(false);
    expect(state.error).toMatch(/local server is not answering/);
    expect(state.documents).toEqual([]);
  });

  it('imports pasted text into the list, and throws the service’s reason for empty text, adding nothing', async () => {
    const { state, client } = await library();
    await state.load();
    const created = await state.importDocument({
      text: 'Ministers met in Lisbon.\nThey agreed on a plan.',
      format: 'text',
      title: 'Lisbon',
    });
    expect(created.title).toBe('Lisbon');
    expect(state.documents.map((doc) => doc.title)).toEqual(['Sample', 'Lisbon']);
    expect((await client.listDocuments({})).map((doc) => doc.id)).toContain(created.id);

    await expect(state.importDocument({ text: '   ', format: 'text' })).rejects.toThrow(/empty/);
    expect(state.documents).toHaveLength(2);
  });

  it('imports an EPUB book into the list; a protected one is refused with the service’s reason, adding nothing', async () => {
    const { state, opened } = await library();
    await state.load();
    const chapters = [{ file: 'one.xhtml', title: 'One', body: '<p>The harbour council met.</p>' }];
    const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    const created = await state.importEpub('walls.epub', base64(buildTestEpub({ title: 'Walls', chapters })));
    expect(state.documents.map((doc) => doc.title)).toEqual(['Sample', 'Walls']);
    const drm = base64(buildTestEpub({ title: 'Locked', chapters, files: { 'META-INF/rights.xml': '<rights/>' } }));
    const reason = await refusal(
      opened.transport('importEpub', { fileName: 'locked.epub', data: drm }) as Promise<ApiResult<unknown>>,
    );
    await expect(state.importEpub('locked.epub', drm)).rejects.toThrow(reason);
    expect(state.documents.map((doc) => doc.id)).toEqual(['sample', created.id]);
  });

  it('saves the article at a web address into the list; a page that is not there is refused, adding nothing', async () => {
    const { state, client } = await library();
    await state.load();
    const origin = await startSite();
    const saved = await state.importFromUrl(`${origin}/tide-gauges`);
    expect(saved.title).toBe('Why the old tide gauges still matter');
    expect(state.documents.map((doc) => doc.id)).toEqual(['sample', saved.id]);
    expect((await client.getDocument({ id: saved.id })).body.text).toContain('forty thousand handwritten pages');
    await expect(state.importFromUrl(`${origin}/gone`)).rejects.toThrow(/404|not found/i);
    expect(state.documents).toHaveLength(2);
  });

  it('refuses a web address it may not fetch with the user-facing reason, adding nothing', async () => {
    const { state } = await library();
    await state.load();
    await expect(state.importFromUrl('ftp://example.org/article')).rejects.toThrow(
      /only http and https addresses can be saved/,
    );
    expect(state.documents).toHaveLength(1);
  });
});
