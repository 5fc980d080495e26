/**
 * A save from a web address over the real service, from a web site on this machine that the test starts: the page,
 * its pictures (held back until the test lets them answer, so the progress can be read), a page that is not there, a
 * page of links only, and Cancel.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, DocumentSummary, LectioApi } from '@contract';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { pngBytes } from '@main/storage/test-images';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { WebImportTask } from './web-import-task.svelte';

const PARAGRAPHS = [
  'The harbour’s tide gauge has recorded the sea’s height every hour since 1887, the longest record on the coast.',
  'Scientists use the old ledgers to measure how fast the sea is rising, since satellites began only in the 1990s.',
  'Volunteers have typed up forty thousand handwritten pages so far, and expect to finish the work next spring.',
];

let site: (Server & { release: () => void }) | null = null;

afterEach(async () => {
  closeSampleLibraries();
  if (site) {
    site.release();
    site.closeAllConnections();
    await new Promise((resolve) => site?.close(resolve));
  }
  site = null;
});

/**
 * The site: `/tide-gauges`, an article with three pictures, the first answering at once and the others once
 * `release()` is called; `/sections`, a page of links only; every other address is not found.
 */
async function startSite(): Promise<{ origin: string; host: string; requested: string[] }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '';
    requested.push(url);
    if (url === '/tide-gauges') {
      const blocks = PARAGRAPHS.map(
        (text, i) =>
          `<p>${text}</p><figure><img src="/img/${i}.png" alt="Ledger page ${i + 1}"><figcaption>Ledger page ${i + 1}.</figcaption></figure>`,
      );
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><title>Why the old tide gauges still matter</title></head><body>
<article><h1>Why the old tide gauges still matter</h1>${blocks.join('\n')}</article></body></html>`);
      return;
    }
    const picture = /^\/img\/(\d)\.png$/.exec(url);
    if (picture) {
      const send = () =>
        response.writeHead(200, { 'content-type': 'image/png' }).end(pngBytes(64, 40, Number(picture[1]) + 1));
      if (picture[1] === '0') send();
      else void released.then(send);
      return;
    }
    if (url === '/sections') {
      const links = [
        'News',
        'Sport',
        'Weather',
        'Tides',
        'Ferries',
        'Letters',
        'Obituaries',
        'Jobs',
        'Property',
        'Contact',
      ];
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><title>Sections</title></head><body>
<ul>${links.map((name) => `<li><a href="/${name.toLowerCase()}">${name}</a></li>`).join('')}</ul></body></html>`);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
  });
  site = Object.assign(server, { release });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin: `http://${host}`, host, requested };
}

/** A task over the real service on a new library, and the save the Library gives it (the service's importFromUrl). */
async function importing() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  return { task: new WebImportTask(client), client, opened, save: saveWith(client) };
}

function saveWith(client: LectioApi) {
  return (url: string, wholePage: boolean): Promise<DocumentSummary> => client.importFromUrl({ url, wholePage });
}

/** The service's own message for a call it refuses. */
async function refusal(answer: Promise<ApiResult<unknown>>): Promise<string> {
  const result = await answer;
  if (result.ok) throw new Error('the service accepted the call');
  return result.error.message;
}

describe('WebImportTask', () => {
  it('saves the page, showing the fetch and then the pictures downloaded of all, and ends no longer running', async () => {
    const { task, client, opened, save } = await importing();
    const { origin, host } = await startSite();
    expect(task.text(host)).toBe(`Fetching the page from ${host}…`);
    const running = task.run(`${origin}/tide-gauges`, false, save);
    expect(task.running).toBe(true);
    expect(task.progress).toEqual({ done: 0, total: 0 });
    expect(task.text(host)).toBe(`Fetching the page from ${host}…`);

    // The first picture is in, the other two held back by the site.
    await expect.poll(() => task.progress, { timeout: 30_000, interval: 20 }).toEqual({ done: 1, total: 3 });
    expect(task.text(host)).toBe('Downloading pictures… 1 of 3');
    site?.release();

    const outcome = await running;
    expect(outcome).toEqual({ saved: expect.objectContaining({ title: 'Why the old tide gauges still matter' }) });
    expect(task.running).toBe(false);
    expect(task.cancelling).toBe(false);
    const saved = 'saved' in outcome ? outcome.saved : null;
    const doc = await client.getDocument({ id: saved?.id ?? '' });
    expect(doc.body.text).toContain('forty thousand handwritten pages');
    expect(doc.body.blocks.filter((block) => block.kind === 'image')).toHaveLength(3);
    expect(await opened.storage.images.list()).toHaveLength(3);
  });

  it('ends a page that is not there with the service’s message, storing nothing', async () => {
    const { task, client, opened, save } = await importing();
    const { origin } = await startSite();
    const outcome = await task.run(`${origin}/gone`, false, save);
    expect(outcome).toEqual({
      error: await refusal(opened.transport('importFromUrl', { url: `${origin}/gone` })),
      noArticle: false,
    });
    expect(outcome).toMatchObject({ error: expect.stringMatching(/HTTP 404, not found/) });
    expect(task.running).toBe(false);
    expect((await client.listDocuments({})).map((doc) => doc.id)).toEqual(['sample']);
  });

  it('marks a page with no article, so its whole text can be offered, and saves the whole text when asked', async () => {
    const { task, client, save } = await importing();
    const { origin } = await startSite();
    const refused = await task.run(`${origin}/sections`, false, save);
    expect(refused).toEqual({ error: expect.stringMatching(/^No article found on this page/), noArticle: true });
    expect(await client.listDocuments({})).toHaveLength(1);

    const whole = await task.run(`${origin}/sections`, true, save);
    const saved = 'saved' in whole ? whole.saved : null;
    expect((await client.getDocument({ id: saved?.id ?? '' })).body.text).toContain('Obituaries');
  });

  it('Cancel while the pictures download ends the run cancelled, with no document and no picture stored', async () => {
    const { task, client, opened, save } = await importing();
    const { origin } = await startSite();
    // No save under way: Cancel does nothing.
    await task.cancel();
    expect(task.cancelling).toBe(false);

    const running = task.run(`${origin}/tide-gauges`, false, save);
    await expect.poll(() => task.progress.total, { timeout: 30_000, interval: 20 }).toBe(3);
    const cancelling = task.cancel();
    expect(task.cancelling).toBe(true);
    await cancelling;
    expect(await running).toEqual({ cancelled: true });
    expect(task.running).toBe(false);
    expect(task.cancelling).toBe(false);
    expect((await client.listDocuments({})).map((doc) => doc.id)).toEqual(['sample']);
    expect(await opened.storage.images.list()).toEqual([]);
    expect(await client.webImportProgress({})).toMatchObject({ running: false });
  });

  it('with the server gone: the save fails with its reason, and a Cancel that cannot be sent lets the save end itself', async () => {
    const offline = createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() }));
    const { origin } = await startSite();
    const gone = new WebImportTask(offline);
    expect(await gone.run(`${origin}/tide-gauges`, false, saveWith(offline))).toEqual({
      error: expect.stringMatching(/local server is not answering/),
      noArticle: false,
    });
    expect(gone.progress).toEqual({ done: 0, total: 0 });

    // Progress and Cancel go to a server that is gone while the save itself reaches the service: the Cancel fails
    // silently, the save finishes, and the document stored is shown rather than hidden behind "cancelled".
    const { client } = await importing();
    const task = new WebImportTask(offline);
    const running = task.run(`${origin}/tide-gauges`, false, saveWith(client));
    await expect.poll(async () => (await client.webImportProgress({})).done, { timeout: 30_000, interval: 20 }).toBe(1);
    await task.cancel();
    site?.release();
    const outcome = await running;
    expect(outcome).toEqual({ saved: expect.objectContaining({ title: 'Why the old tide gauges still matter' }) });
    expect(await client.listDocuments({})).toHaveLength(2);
  });
});
