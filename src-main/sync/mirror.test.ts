/**
 * The mirror sends only what the library changed: a change that reached the replica from another device, and is not
 * yet applied to the library, is not overwritten by the library's older value when the reader edits another field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { sampleText } from '../api/services/test-sample-service';
import { formatStamp, HybridClock } from '../core/sync/hlc';
import { replicaId } from './library-records';
import { mirrorToReplica, type MirrorBase } from './mirror';
import { openReplica, type ReplicaDoc } from './replica';
import { closeDevices, openDevice } from './test-devices';

const folders: string[] = [];
afterEach(async () => {
  await closeDevices();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

it('keeps a change received in the replica when the reader edits another field before it is applied', async () => {
  const device = await openDevice('mirror');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'lectio-mirror-'));
  folders.push(folder);
  const replica = openReplica(path.join(folder, 'replica'));
  try {
    const clock = new HybridClock('here', () => Date.now());
    const base: MirrorBase = new Map();
    const start = sampleText.indexOf(' ') + 1;
    const h = await device.api.createHighlight({ documentId: 'sample', start, end: start + 6, color: 1, note: 'old' });
    const id = replicaId.hl('sample', h.id);
    expect(await mirrorToReplica(device.storage, replica, [id], clock, base)).toBe(1);

    // Another device's note arrives in the replica (replication wrote it; it is not applied to the library yet).
    const arrived = (await replica.get(id)) as ReplicaDoc;
    const remoteStamp = formatStamp(Date.now() + 1, 0, 'there');
    await replica.put({
      ...arrived,
      fields: { ...arrived.fields, note: 'from the other device' },
      stamps: { ...arrived.stamps, note: remoteStamp },
      seen: { ...arrived.seen, note: [arrived.stamps.note!] },
      device: 'there',
    });

    await device.api.updateHighlight({ documentId: 'sample', id: h.id, color: 5 });
    expect(await mirrorToReplica(device.storage, replica, [id], clock, base)).toBe(1);
    const after = (await replica.get(id)) as ReplicaDoc;
    expect(after.fields).toMatchObject({ color: 5, note: 'from the other device' });
    expect(after.stamps.note).toBe(remoteStamp);
  } finally {
    await replica.close();
  }
});
