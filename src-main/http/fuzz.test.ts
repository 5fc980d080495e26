/**
 * The API under fire: at least 10,000 seeded random and malformed payloads, spread over every method, sent through
 * the real HTTP host. Nothing crashes; every answer is a typed result (`ok:false` with a known code, or `ok:true`
 * only for a payload its schema accepts); and a refused payload leaves the data folder exactly as it was.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type ErrorCode, type MethodName } from '../api/contract';
import { inputSchemas } from '../api/schemas';
import { createRng } from '../core/quiz/prng';
import { fullTestLibrary, STUDY_TEXT, type TestLibrary } from '../storage/test-library';
import { RAW_BODIES, randomPayload, type Pools } from './fuzz-payloads';
import { startHttpHost, type HttpHost } from './http-host';

// At least 200 payloads for every method (about 98% go to a known method, round robin, the rest to unknown names at
// random): the count grows with the contract, with a margin for that randomness, so the floor below still holds.
const PAYLOADS = Math.max(10_500, Math.ceil((METHOD_NAMES.length * 200) / 0.9));
const SEED = 'lectio-fuzz-1';
const KNOWN_CODES: ReadonlySet<ErrorCode> = new Set([
  'invalid-argument',
  'unknown-method',
  'not-found',
  'too-large',
  'storage',
  'forbidden',
  'internal',
]);

let lib: TestLibrary;
let host: HttpHost;
const pools: Pools = { ids: [] };

/**
 * A cheap fingerprint of the data folder, taken after every payload: each data file's name, size, inode and mtime (a
 * durable write renames a new inode in), every name one folder down (a file moved aside shows), and the backups'
 * names. The full content hash below runs at the end.
 */
/**
 * Derived indexes (rebuilt from the data, holding none of the reader's own): the actor index is saved in the
 * background after the call that built it, so its write may land while a later payload is refused. The actor index is
 * the `actor-index/` folder (`actor-index.json` before it was split, removed by its first save). The search index
 * (`index/search.sqlite`) is caught up in the background the same way.
 */
const DERIVED = /^\.?(actor-index|card-schedules\.idx|date-index|index)(\.|$)/;

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const visit = (folder: string, depth: number) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(folder, entry.name);
      if (entry.name === 'lectio.lock' || DERIVED.test(entry.name)) continue;
      if (entry.isDirectory()) {
        hash.update(`${path.relative(dir, file)}/\n`);
        if (depth === 0 && entry.name !== 'backups') visit(file, 1);
        else if (entry.name === 'backups')
          for (const name of readdirSync(file).sort()) hash.update(`backups/${name}\n`);
        continue;
      }
      const stat = statSync(file);
      hash.update(`${path.relative(dir, file)}\0${stat.size}:${stat.ino}:${stat.mtimeMs}\n`);
    }
  };
  visit(dir, 0);
  return hash.digest('hex');
}

function contentHash(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === 'lectio.lock') continue;
    const file = path.join(entry.parentPath, entry.name);
    if (
      path
        .relative(dir, file)
        .split(path.sep)
        .some((part) => DERIVED.test(part))
    )
      continue;
    hash.update(path.relative(dir, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function post(pathname: string, body: string): Promise<{ status: number; json: unknown }> {
  const self = `127.0.0.1:${host.port}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathname,
        method: 'POST',
        headers: { host: self, origin: `http://${self}`, 'x-lectio-token': 'fuzz' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = text;
          try {
            json = JSON.parse(text);
          } catch {
            // left as text: the assertion below reports it
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  lib = await fullTestLibrary();
  const highlights = (await lib.api.getAnnotations({ documentId: lib.documentId })).highlights;
  const cards = await lib.api.listCards({});
  const backup = await lib.api.createBackup({});
  pools.ids = [lib.documentId, ...highlights.map((h) => h.id), ...cards.map((c) => c.card.id), backup.id, 'sample'];
  host = await startHttpHost({
    api: lib.api,
    rendererDir: path.join(lib.dataDir, 'no-renderer'),
    token: 'fuzz',
    port: 0,
  });
});

afterAll(async () => {
  await host?.close();
  lib?.storage.close();
});

function examples(): Partial<Record<MethodName, Record<string, unknown>>> {
  const documentId = lib.documentId;
  const start = STUDY_TEXT.indexOf('France');
  return {
    getDocument: { id: documentId },
    getAnnotations: { documentId },
    getAnalysis: { id: documentId },
    createHighlight: { documentId, start, end: start + 6, color: 2, note: 'n', tags: ['t'] },
    updateHighlight: { documentId, id: pools.ids[1] ?? 'x', note: 'edited' },
    setDocumentNote: { documentId, note: 'fuzzed note' },
    updateDocument: { id: documentId, title: 'Renamed' },
    importDocument: { text: 'A small article.', format: 'text' },
    exportAnnotations: { documentId, format: 'markdown' },
    importAnnotations: { documentId, content: '{"type":"AnnotationCollection"}' },
    correctAnalysis: { id: documentId, correction: { kind: 'add', name: 'Spain', type: 'country' } },
    search: { query: 'budget' },
    createCard: { kind: 'basic', front: 'Q', back: 'A' },
    updateSettings: { colorLabels: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' } },
    dismissNotice: { id: 'x' },
    restoreBackup: { id: pools.ids[pools.ids.length - 2] ?? 'x' },
    prepareQuiz: { documentIds: [documentId], count: 2 },
  };
}

describe('API fuzzing over HTTP', () => {
  it(
    `answers ${PAYLOADS.toLocaleString('en')} random and malformed payloads with typed results, changing nothing when it refuses`,
    { timeout: 120_000 },
    async () => {
      const rng = createRng(SEED);
      const valid = examples();
      const started = Date.now();
      const codes: Record<string, number> = {};
      let accepted = 0;
      let refused = 0;
      let unchangedChecks = 0;
      let before = fingerprint(lib.dataDir);
      const perMethod = new Map<string, number>();

      for (let i = 0; i < PAYLOADS; i++) {
        const unknownMethod = rng.next() < 0.02;
        const method = unknownMethod
          ? (['eval', 'constructor', '__proto__', 'toString', '../appInfo', 'METHOD_NAMES'][rng.int(6)] ?? 'x')
          : (METHOD_NAMES[i % METHOD_NAMES.length] ?? 'appInfo');
        const raw = rng.next() < 0.03;
        const payload = raw
          ? undefined
          : randomPayload(rng, pools, Object.hasOwn(valid, method) ? valid[method as MethodName] : undefined);
        const body = raw ? (RAW_BODIES[rng.int(RAW_BODIES.length)] ?? '') : JSON.stringify(payload);
        const reply = await post(`/api/${encodeURIComponent(method)}`, body);
        perMethod.set(method, (perMethod.get(method) ?? 0) + 1);

        const result = reply.json as { ok?: unknown; error?: { code?: unknown; message?: unknown }; value?: unknown };
        expect([200, 400], `status for ${method} ${body.slice(0, 200)}`).toContain(reply.status);
        expect(typeof result.ok, `typed result for ${method}`).toBe('boolean');
        if (result.ok === true) {
          const schema = (inputSchemas as Record<string, { safeParse(input: unknown): { success: boolean } }>)[method];
          expect(schema?.safeParse(payload ?? {}).success, `${method} accepted ${body.slice(0, 300)}`).toBe(true);
          accepted++;
          if (method === 'deleteDocument' || method === 'restoreBackup') await reseed();
          before = fingerprint(lib.dataDir);
        } else {
          refused++;
          const code = String(result.error?.code);
          codes[code] = (codes[code] ?? 0) + 1;
          expect(KNOWN_CODES.has(code as ErrorCode), `known code, got ${code}`).toBe(true);
          expect(typeof result.error?.message).toBe('string');
          expect(String(result.error?.message)).not.toMatch(/\n\s+at /); // no stack trace
          const after = fingerprint(lib.dataDir);
          expect(
            after,
            `${method} refused (${code}: ${String(result.error?.message).slice(0, 120)}) but changed the data: ${body.slice(0, 300)}`,
          ).toBe(before);
          unchangedChecks++;
        }
      }
      const contentBefore = contentHash(lib.dataDir);
      const refusedTail = await post('/api/getDocument', '{"id":"../../etc/passwd"}');
      expect(refusedTail.json).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(contentHash(lib.dataDir)).toBe(contentBefore);
      expect((await post('/api/appInfo', '{}')).json).toMatchObject({ ok: true });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      for (const method of METHOD_NAMES) expect(perMethod.get(method) ?? 0, method).toBeGreaterThanOrEqual(200);

      const figures = {
        seed: SEED,
        payloads: PAYLOADS,
        methods: METHOD_NAMES.length,
        minPerMethod: Math.min(...METHOD_NAMES.map((m) => perMethod.get(m) ?? 0)),
        accepted,
        refused,
        codes,
        unchangedChecks,
        ms: Date.now() - started,
      };
      const dir = path.resolve(__dirname, '../../test-results/reliability');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'fuzz.json'), `${JSON.stringify(figures, null, 2)}\n`);
    },
  );
});

/** After a payload that validly deleted or replaced documents, make sure there is a document to aim at again. */
async function reseed(): Promise<void> {
  const docs = await lib.api.listDocuments({});
  if (docs.some((doc) => doc.id === lib.documentId)) return;
  const doc = await lib.api.importDocument({ text: STUDY_TEXT, format: 'text', title: 'Budget again' });
  lib.documentId = doc.id;
  pools.ids.push(doc.id);
}
