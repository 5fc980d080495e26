/**
 * One writer per file, even inside one process: 100 parallel calls on one document's annotations (creates through
 * the service and over HTTP, and pairs of edits to the same highlight) lose nothing, in memory or on disk.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpHost } from '../../http/http-host';
import type { LibraryStorage } from '../../storage/library-storage';
import { openTestLibrary } from '../../storage/test-library';

const opened: LibraryStorage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
});

const TEXT = Array.from({ length: 300 }, (_, i) => `w${String(i).padStart(3, '0')}`).join(' ');
const at = (i: number) => ({ start: i * 5, end: i * 5 + 4 });

async function setup() {
  const lib = await openTestLibrary();
  opened.push(lib.storage);
  const doc = await lib.api.importDocument({ text: TEXT, format: 'text' });
  const onDisk = () =>
    JSON.parse(readFileSync(path.join(lib.dataDir, 'annotations', `${doc.id}.json`), 'utf8')) as {
      highlights: { id: string; color: number; note: string }[];
    };
  return { ...lib, doc, onDisk };
}

describe('concurrent updates of one file', () => {
  it('keeps all 100 highlights created in parallel through the service', async () => {
    const { api, doc, onDisk } = await setup();
    const made = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.createHighlight({ documentId: doc.id, ...at(i), color: 1, note: `n${i}` }),
      ),
    );
    expect(new Set(made.map((h) => h.id)).size).toBe(100);
    expect((await api.getAnnotations({ documentId: doc.id })).highlights).toHaveLength(100);
    expect(onDisk().highlights).toHaveLength(100);
    expect((await api.listDocuments({}))[0]?.highlightCount).toBe(100);
  });

  it('keeps both halves of 100 pairs of parallel edits to the same highlights (colour from one, note from the other)', async () => {
    const { api, doc, onDisk } = await setup();
    const made = await Promise.all(
      Array.from({ length: 100 }, (_, i) => api.createHighlight({ documentId: doc.id, ...at(i), color: 1 })),
    );
    await Promise.all(
      made.flatMap((h, i) => [
        api.updateHighlight({ documentId: doc.id, id: h.id, color: 4 }),
        api.updateHighlight({ documentId: doc.id, id: h.id, note: `edited ${i}` }),
      ]),
    );
    const stored = onDisk().highlights;
    expect(stored.filter((h) => h.color === 4 && h.note.startsWith('edited '))).toHaveLength(100);
  });

  it('keeps all 100 highlights created by parallel HTTP requests', async () => {
    const { api, doc, onDisk } = await setup();
    const host = await startHttpHost({ api, rendererDir: path.join(__dirname, 'no-renderer'), token: 't', port: 0 });
    try {
      const self = `127.0.0.1:${host.port}`;
      const post = (body: unknown) =>
        new Promise<{ ok: boolean }>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: host.port,
              path: '/api/createHighlight',
              method: 'POST',
              headers: { host: self, origin: `http://${self}`, 'x-lectio-token': 't' },
            },
            (res) => {
              let text = '';
              res.on('data', (chunk) => (text += chunk));
              res.on('end', () => resolve(JSON.parse(text) as { ok: boolean }));
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify(body));
        });
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => post({ documentId: doc.id, ...at(i), color: 2 })),
      );
      expect(results.every((result) => result.ok)).toBe(true);
      expect(onDisk().highlights).toHaveLength(100);
    } finally {
      await host.close();
    }
  });
});
