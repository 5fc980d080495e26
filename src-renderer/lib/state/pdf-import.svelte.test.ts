import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { buildPdf, column, encryptedPdf, longReportPdf } from '@main/import/pdf-fixtures';
import { createApiClient } from '../api-client.svelte';
import { bytesToBase64 } from '../import/base64';
import { PdfImportTask } from './pdf-import.svelte';

afterEach(closeSampleLibraries);

async function importing() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  return { task: new PdfImportTask(client), client };
}

describe('PdfImportTask', () => {
  it('imports a PDF and is no longer running', async () => {
    const { task } = await importing();
    const outcome = await task.run(
      'harbour.pdf',
      bytesToBase64(await buildPdf([column(['The council met.'], 72, 100)], { title: 'Harbour Minutes' })),
    );
    expect(outcome && 'doc' in outcome ? outcome.doc : null).toMatchObject({ title: 'Harbour Minutes', pageCount: 1 });
    expect(task.name).toBeNull();
  }, 60_000);

  it('gives the service’s reason for a PDF it cannot read', async () => {
    const { task, client } = await importing();
    const outcome = await task.run('locked.pdf', bytesToBase64(encryptedPdf()));
    expect(outcome).toEqual({ error: expect.stringMatching(/protected by a password/) });
    expect((await client.listDocuments({})).map((doc) => doc.title)).not.toContain('locked');
  }, 60_000);

  it('shows pages read of the total, and Cancel ends the import with nothing stored', async () => {
    const { task, client } = await importing();
    const before = (await client.listDocuments({})).length;
    const running = task.run('long.pdf', bytesToBase64(await longReportPdf(40)));
    await expect.poll(() => task.progress.done, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
    expect(task.progress.total).toBe(40);
    expect(task.text).toMatch(/^Reading long\.pdf… page \d+ of 40$/);
    task.cancel();
    expect(await running).toEqual({ cancelled: true });
    expect(await client.listDocuments({})).toHaveLength(before);
  }, 120_000);
});
