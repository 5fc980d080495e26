import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportedFile } from '@contract';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { createApiClient } from '../api-client.svelte';
import { ExportTask } from './export-task.svelte';

afterEach(closeSampleLibraries);

/** An export task over the real service; what it downloads is kept in `downloaded`. */
async function exporting(showAfterMs?: number) {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const downloaded: ExportedFile[] = [];
  await client.createCard({ kind: 'basic', front: 'Who met in Lisbon?', back: 'The ministers' });
  return { task: new ExportTask(client, 'cards', (file) => downloaded.push(file), showAfterMs), client, downloaded };
}

describe('ExportTask', () => {
  it('downloads the exported file and is no longer running', async () => {
    const { task, client, downloaded } = await exporting();
    const outcome = await task.run(() => client.exportCards({}));
    expect(outcome && 'file' in outcome ? outcome.file.fileName : null).toBe('lectio-anki.txt');
    expect(downloaded.map((file) => file.fileName)).toEqual(['lectio-anki.txt']);
    expect(downloaded[0]?.content).toContain('Who met in Lisbon?');
    expect(task.running).toBe(false);
  });

  it('runs one export at a time: a second while one runs is not started', async () => {
    const { task, client, downloaded } = await exporting();
    const first = task.run(() => client.exportCards({}));
    expect(task.running).toBe(true);
    expect(await task.run(() => client.exportCards({}))).toBeNull();
    await first;
    expect(downloaded).toHaveLength(1);
  });

  it('a failed export gives the service’s reason and downloads nothing', async () => {
    const { task, client, downloaded } = await exporting();
    const outcome = await task.run(() => client.exportAnnotations({ documentId: 'nowhere', format: 'markdown' }));
    expect(outcome && 'error' in outcome ? outcome.error : null).toMatch(/nowhere/);
    expect(downloaded).toEqual([]);
    expect(task.running).toBe(false);
  });

  it('Cancel wins: the file that arrives after it is dropped, never downloaded', async () => {
    const { task, client, downloaded } = await exporting();
    const running = task.run(() => client.exportCards({}));
    await task.cancel();
    expect(await running).toEqual({ cancelled: true });
    expect(downloaded).toEqual([]);
    expect(task.cancelling).toBe(false);
  });

  it('shows progress once the export has run a while, and none after it ends', async () => {
    const { task, client } = await exporting(0);
    const outcome = await task.run(async () => {
      await vi.waitFor(() => expect(task.progress).not.toBeNull());
      expect(task.text).toBe('Exporting…');
      return client.exportCards({});
    });
    expect(outcome).toHaveProperty('file');
    expect(task.progress).toBeNull();
  });

  it('says how far the service has got, counted in its noun', async () => {
    const { task } = await exporting();
    task.progress = { done: 1200, total: 20000 };
    expect(task.text).toBe('Exporting… 1,200 of 20,000 cards');
  });

  it('Cancel does nothing when no export runs', async () => {
    const { task } = await exporting();
    await task.cancel();
    expect(task.cancelling).toBe(false);
  });
});
