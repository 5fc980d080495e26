/** The sealed password file on a real disk: kept whole, readable only by its owner, gone when cleared. */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SealedFile } from './sealed-file';

function folder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'lectio-sealed-'));
}

describe('SealedFile', () => {
  it('reads null before anything is written, then exactly the bytes written, and null again once removed', async () => {
    const dir = folder();
    const sealed = new SealedFile(path.join(dir, 'sync', 'sync-secret.safe'));
    expect(await sealed.read()).toBeNull();
    const bytes = Uint8Array.from([0x76, 0x31, 0x31, 0, 255, 7]);
    await sealed.write(bytes);
    expect(Buffer.compare(Buffer.from(bytes), (await sealed.read()) ?? Buffer.alloc(0))).toBe(0);
    await sealed.write(Uint8Array.from([1]));
    expect([...((await sealed.read()) ?? [])]).toEqual([1]);
    await sealed.remove();
    expect(await sealed.read()).toBeNull();
    await sealed.remove();
    // No temp file is left beside it.
    expect(readdirSync(path.join(dir, 'sync'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('is readable and writable by its owner only (0600)', async () => {
    const file = path.join(folder(), 'sync-secret.safe');
    await new SealedFile(file).write(Uint8Array.from([1, 2, 3]));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
