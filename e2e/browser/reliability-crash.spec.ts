/**
 * A killed process loses nothing it acknowledged: a burst of API writes (highlights on two articles, a document note
 * rewritten in sequence, imports) goes to browser mode, the server is SIGKILLed in the middle of it, restarted on the
 * same folder (taking over the dead process's lock), and every acknowledged write is found, every JSON file parses.
 */
import { expect, test } from '@playwright/test';
import { callApi, mustCall, type ApiTarget } from '../support/api-client';
import { recordFigures } from '../support/figures';
import { checkJsonFiles } from '../support/json-files';
import { newDataDir, startServer } from '../support/server';

const BURST = 2400;
const KILL_AFTER_ACKS = 1200;
const IN_FLIGHT = 16;
const WORDS = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');

type Op = { kind: 'highlight'; doc: number } | { kind: 'note' } | { kind: 'import' };

function planOp(i: number): Op {
  if (i % 40 === 0) return { kind: 'import' };
  if (i % 5 === 0) return { kind: 'note' };
  return { kind: 'highlight', doc: i % 2 };
}

test('writes acknowledged before a SIGKILL are all there after a restart, and every file parses', async () => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  const first = await startServer(dataDir);
  const target: ApiTarget = first;
  const docs = [
    await mustCall(target, 'importDocument', { text: WORDS, format: 'text', title: 'Crash A' }),
    await mustCall(target, 'importDocument', { text: WORDS, format: 'text', title: 'Crash B' }),
  ];

  const ackedHighlights: { doc: string; id: string; note: string }[] = [];
  const ackedImports: string[] = [];
  let lastAckedNote = -1;
  let lastSentNote = -1;
  let sent = 0;
  let acked = 0;
  let failedAfterKill = 0;
  let killed = false;
  let noteChain: Promise<void> = Promise.resolve();

  async function run(i: number): Promise<void> {
    const op = planOp(i);
    sent++;
    if (op.kind === 'highlight') {
      const doc = docs[op.doc]?.id ?? '';
      // Each highlight covers its own word (word boundaries are 4 to 9 characters apart), so none overlap.
      const start = WORDS.indexOf(`word${i} `);
      const note = `n${i}`;
      const result = await callApi(target, 'createHighlight', {
        documentId: doc,
        start,
        end: start + `word${i}`.length,
        color: 1,
        note,
      });
      if (!result.ok) throw new Error(result.error.message);
      ackedHighlights.push({ doc, id: result.value.id, note });
    } else if (op.kind === 'import') {
      const result = await callApi(target, 'importDocument', {
        text: `Imported article ${i}. ${WORDS.slice(0, 200)}`,
        format: 'text',
        title: `Burst ${i}`,
      });
      if (!result.ok) throw new Error(result.error.message);
      ackedImports.push(result.value.id);
    } else {
      // Notes overwrite each other, so they go one at a time: the stored note must be the last acknowledged or later.
      const mine = noteChain.then(async () => {
        if (killed) throw new Error('killed');
        lastSentNote = i;
        const result = await callApi(target, 'setDocumentNote', { documentId: docs[0]?.id ?? '', note: `note ${i}` });
        if (!result.ok) throw new Error(result.error.message);
        lastAckedNote = i;
      });
      noteChain = mine.catch(() => undefined);
      await mine;
    }
    acked++;
    if (acked === KILL_AFTER_ACKS && !killed) {
      killed = true;
      first.process.kill('SIGKILL');
    }
  }

  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < BURST && !killed) {
        const i = next++;
        await run(i).catch(() => {
          failedAfterKill++;
        });
      }
    }),
  );
  const burstMs = Date.now() - started;
  await first.stop();
  expect(killed).toBe(true);

  const second = await startServer(dataDir);
  try {
    const notices = (await mustCall(second, 'appInfo', {})).notices;
    expect(notices).toEqual([]);
    const listed = new Set((await mustCall(second, 'listDocuments', {})).map((doc) => doc.id));
    for (const id of ackedImports) expect(listed.has(id), `import ${id}`).toBe(true);
    let found = 0;
    for (const doc of docs) {
      const stored = new Map(
        (await mustCall(second, 'getAnnotations', { documentId: doc.id })).highlights.map((h) => [h.id, h.note]),
      );
      for (const h of ackedHighlights.filter((a) => a.doc === doc.id)) {
        expect(stored.get(h.id), `highlight ${h.id}`).toBe(h.note);
        found++;
      }
    }
    const note = (await mustCall(second, 'getAnnotations', { documentId: docs[0]?.id ?? '' })).documentNote;
    const noteIndex = Number(/^note (\d+)$/.exec(note)?.[1] ?? -1);
    expect(noteIndex).toBeGreaterThanOrEqual(lastAckedNote);
    expect(noteIndex).toBeLessThanOrEqual(lastSentNote);
    // Each article's files are checked when first opened: after reading every article, still nothing needed moving aside.
    for (const id of listed) await mustCall(second, 'getDocument', { id });
    expect((await mustCall(second, 'appInfo', {})).notices).toEqual([]);
    const json = checkJsonFiles(dataDir);
    expect(json.unparsable).toEqual([]);
    recordFigures('crash', {
      burstPlanned: BURST,
      sentBeforeKill: sent,
      acknowledgedBeforeKill: acked,
      unacknowledged: failedAfterKill,
      highlightsAcknowledged: ackedHighlights.length,
      highlightsFound: found,
      importsAcknowledged: ackedImports.length,
      importsFound: ackedImports.filter((id) => listed.has(id)).length,
      lastAcknowledgedNote: lastAckedNote,
      storedNote: noteIndex,
      jsonFilesChecked: json.files,
      unparsableFiles: json.unparsable.length,
      burstMs,
    });
  } finally {
    await second.stop();
  }
});
