import { createServer } from 'node:http';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSqlJs, fieldChecksum } from '../../anki/apkg-write';
import { ANKI_SCHEMA11_SQL } from '../../anki/anki-schema11';
import { FakeAnkiConnect } from '../../anki/test-anki-connect';
import { LECTIO_BASIC, LECTIO_CLOZE } from '../../core/cards/anki-note-type';
import type { DocumentBody } from '../../core/model';
import { pngBytes } from '../../storage/test-images';
import { dispatch } from '../dispatch';
import { numbered, serviceHarness } from './test-service-harness';

const PARAGRAPHS = [
  'The harbour was rebuilt in 1921.',
  'A photograph shows the new pier.',
  'Ferries now cross to the island twice a day.',
];
const harness = serviceHarness('anki');
const servers: FakeAnkiConnect[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

/** A library holding one article saved from the web, with a picture between its first and second paragraphs. */
async function setup(ankiConnectUrl?: string) {
  const { api, storage, clock } = await harness.open({
    start: '2026-05-01T10:00:00.000Z',
    newId: numbered(),
    scheduleFuzz: false,
    zone: 'UTC',
    ...(ankiConnectUrl ? { ankiConnectUrl } : {}),
  });
  const picture = await storage.images.put(pngBytes(8, 6, 7));
  const text = PARAGRAPHS.join('\n');
  const second = text.indexOf(PARAGRAPHS[1] as string);
  const third = text.indexOf(PARAGRAPHS[2] as string);
  const body: DocumentBody = {
    text,
    blocks: [
      { kind: 'paragraph', start: 0, end: PARAGRAPHS[0]?.length ?? 0 },
      { kind: 'image', start: second, end: second, image: { id: picture.id, alt: 'The new pier' } },
      { kind: 'paragraph', start: second, end: second + (PARAGRAPHS[1]?.length ?? 0) },
      { kind: 'paragraph', start: third, end: text.length },
    ],
    marks: [],
  };
  await storage.documents.add(
    {
      id: 'harbour',
      title: 'The Harbour <Rebuilt>',
      source: 'Gazette',
      publishedDate: '2026-04-02',
      addedAt: clock.now.toISOString(),
      wordCount: 20,
      origin: 'web',
      url: 'https://news.example/harbour',
    },
    body,
  );
  const photo = await api.createCard({
    kind: 'basic',
    front: 'What does the photograph show?',
    back: 'The new pier & its lamps',
    source: { documentId: 'harbour', start: second, end: second + (PARAGRAPHS[1]?.length ?? 0) },
    tags: ['harbour history'],
  });
  const ferry = await api.createCard({
    kind: 'cloze',
    cloze: 'Ferries now cross to {{c1::the island}} {{c2::twice a day}}.',
    source: { documentId: 'harbour', start: third, end: text.length },
  });
  const byHand = await api.createCard({ kind: 'basic', front: 'A card made by hand', back: 'no source' });
  return { api, storage, clock, picture, photo, ferry, byHand };
}

type Row = Record<string, unknown>;

async function readApkg(base64: string) {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  const SQL = await loadSqlJs();
  const db = new SQL.Database(files['collection.anki2']);
  const rows = (sql: string): Row[] => {
    const [result] = db.exec(sql);
    if (!result) return [];
    return result.values.map((values) => Object.fromEntries(result.columns.map((column, i) => [column, values[i]])));
  };
  const tables = rows("select name, sql from sqlite_master where type in ('table', 'index') order by name");
  const col = rows('select * from col')[0] as Row;
  const notes = rows('select * from notes order by id');
  const cards = rows('select * from cards order by id');
  const revlog = rows('select * from revlog order by id');
  db.close();
  const mediaMap = JSON.parse(strFromU8(files.media as Uint8Array)) as Record<string, string>;
  return { files, tables, col, notes, cards, revlog, mediaMap };
}

function fieldsOf(note: Row): string[] {
  return String(note.flds).split('\u001f');
}

describe('exporting an .apkg', () => {
  it('writes Anki’s schema 11 with Lectio’s note types, one note per card, its passage, link and picture', async () => {
    const { api, picture, photo, ferry, byHand } = await setup();
    const file = await api.exportApkg({});
    expect(file).toMatchObject({ fileName: 'lectio.apkg', mimeType: 'application/apkg', encoding: 'base64' });
    const apkg = await readApkg(file.content);

    // The schema is Anki's own, statement for statement.
    const expected = new Set(
      [...ANKI_SCHEMA11_SQL.matchAll(/create (?:table|index) (\w+)/g)].map((match) => match[1] as string),
    );
    expect(new Set(apkg.tables.map((table) => table.name))).toEqual(expected);
    expect(apkg.col).toMatchObject({ id: 1, ver: 11, crt: Date.parse('2026-05-01T04:00:00Z') / 1000 });

    const models = JSON.parse(String(apkg.col.models)) as Record<
      string,
      { name: string; type: number; flds: { name: string }[] }
    >;
    expect(models[String(LECTIO_BASIC.id)]).toMatchObject({ name: 'Lectio', type: 0 });
    expect(models[String(LECTIO_CLOZE.id)]).toMatchObject({ name: 'Lectio Cloze', type: 1 });
    expect(models[String(LECTIO_BASIC.id)]?.flds.map((f) => f.name)).toEqual([
      'Front',
      'Back',
      'Source',
      'Link',
      'Pictures',
      'Lectio id',
    ]);
    const decks = Object.values(JSON.parse(String(apkg.col.decks)) as Record<string, { name: string }>).map(
      (d) => d.name,
    );
    expect(decks.sort()).toEqual(['Default', 'Lectio', 'Lectio::The Harbour <Rebuilt>']);

    expect(apkg.notes.map((note) => note.guid).sort()).toEqual(
      [photo, ferry, byHand].map((view) => `lectio-${view.card.id}`).sort(),
    );
    const photoNote = apkg.notes.find((note) => note.guid === `lectio-${photo.card.id}`) as Row;
    const [front, back, source, link, pictures, lectioId] = fieldsOf(photoNote);
    expect(photoNote.mid).toBe(LECTIO_BASIC.id);
    expect(front).toBe('What does the photograph show?');
    expect(back).toBe('The new pier &amp; its lamps');
    expect(source).toBe('“A photograph shows the new pier.” — <i>The Harbour &lt;Rebuilt&gt;</i>');
    expect(link).toBe(
      '<a href="lectio://read/harbour?at=33-65">Open in Lectio</a> · <a href="https://news.example/harbour">The original article</a>',
    );
    expect(pictures).toBe(`<img src="lectio-${picture.id}" alt="The new pier">`);
    expect(lectioId).toBe(photo.card.id);
    expect(photoNote.tags).toBe(' harbour_history ');
    expect(photoNote.sfld).toBe('What does the photograph show?');
    expect(photoNote.csum).toBe(fieldChecksum('What does the photograph show?'));

    // The picture travels once, under its number, named in the media map.
    expect(apkg.mediaMap).toEqual({ 0: `lectio-${picture.id}` });
    expect(Buffer.from(apkg.files['0'] as Uint8Array).equals(pngBytes(8, 6, 7))).toBe(true);

    // A cloze with c1 and c2 is one note and two Anki cards; the card made by hand has no source, link or picture.
    const ferryNote = apkg.notes.find((note) => note.guid === `lectio-${ferry.card.id}`) as Row;
    expect(ferryNote.mid).toBe(LECTIO_CLOZE.id);
    expect(fieldsOf(ferryNote)[0]).toBe('Ferries now cross to {{c1::the island}} {{c2::twice a day}}.');
    expect(apkg.cards.filter((card) => card.nid === ferryNote.id).map((card) => card.ord)).toEqual([0, 1]);
    const handNote = apkg.notes.find((note) => note.guid === `lectio-${byHand.card.id}`) as Row;
    expect(fieldsOf(handNote).slice(2, 5)).toEqual(['', '', '']);
  });

  it('keeps GUIDs and note ids across exports, and dates a changed card’s note later so Anki updates it', async () => {
    const { api, clock, photo } = await setup();
    const first = await readApkg((await api.exportApkg({})).content);
    clock.now = new Date('2026-05-03T10:00:00.000Z');
    await api.updateCard({ id: photo.card.id, back: 'The new pier, lit at night' });
    const second = await readApkg((await api.exportApkg({})).content);
    const key = (rows: Row[]) => rows.map((note) => [note.guid, note.id]);
    expect(key(second.notes)).toEqual(key(first.notes));
    const before = first.notes.find((note) => note.guid === `lectio-${photo.card.id}`) as Row;
    const after = second.notes.find((note) => note.guid === `lectio-${photo.card.id}`) as Row;
    expect(Number(after.mod)).toBeGreaterThan(Number(before.mod));
    expect(fieldsOf(after)[1]).toBe('The new pier, lit at night');
    const unchanged = (rows: Row[]) => rows.filter((note) => note.guid !== `lectio-${photo.card.id}`);
    expect(unchanged(second.notes)).toEqual(unchanged(first.notes));
  });

  it('exports each card’s schedule: new as new, reviewed with its due day, FSRS memory and review log, suspended', async () => {
    const { api, clock, photo, ferry, byHand } = await setup();
    await api.gradeCard({ id: photo.card.id, grade: 4 });
    await api.updateCard({ id: byHand.card.id, suspended: true });
    const graded = (await api.listCards({})).find((view) => view.card.id === photo.card.id);
    clock.now = new Date('2026-05-02T10:00:00.000Z');
    const apkg = await readApkg((await api.exportApkg({})).content);
    const cardOf = (id: string) => {
      const note = apkg.notes.find((row) => row.guid === `lectio-${id}`) as Row;
      return apkg.cards.find((card) => card.nid === note.id) as Row;
    };
    const reviewed = cardOf(photo.card.id);
    const dueDays = Math.round(
      (Date.parse(graded?.schedule.due ?? '') - Date.parse('2026-05-02T04:00:00Z')) / 86_400_000,
    );
    expect(reviewed).toMatchObject({ type: 2, queue: 2, due: dueDays, reps: 1, lapses: 0 });
    expect(Number(reviewed.ivl)).toBeGreaterThanOrEqual(1);
    const memory = JSON.parse(String(reviewed.data)) as { s: number; d: number; dr: number; decay: number };
    expect(memory.s).toBeCloseTo(graded?.schedule.stability ?? 0, 3);
    expect(memory.d).toBeCloseTo(graded?.schedule.difficulty ?? 0, 3);
    expect(memory.dr).toBe(0.9);
    expect(memory.decay).toBeCloseTo(0.1542, 4);
    expect(apkg.revlog).toEqual([
      expect.objectContaining({ cid: reviewed.id, ease: 4, type: 0, id: Date.parse('2026-05-01T10:00:00.000Z') }),
    ]);
    expect(cardOf(ferry.card.id)).toMatchObject({ type: 0, queue: 0, ivl: 0, reps: 0 });
    expect(cardOf(byHand.card.id)).toMatchObject({ type: 0, queue: -1 });
  });

  it('exports one document’s cards when asked, named after it', async () => {
    const { api } = await setup();
    const file = await api.exportApkg({ documentId: 'harbour' });
    expect(file.fileName).toBe('The-Harbour-Rebuilt.apkg');
    expect((await readApkg(file.content)).notes).toHaveLength(2);
  });
});

describe('sending to Anki through AnkiConnect', () => {
  it('creates the note types and decks, adds the notes with their picture, then updates instead of duplicating', async () => {
    const anki = new FakeAnkiConnect();
    servers.push(anki);
    const { api, picture, photo } = await setup(await anki.start());
    expect(await api.getAnkiStatus({})).toEqual({ available: true, version: 6, address: anki.url, message: '' });

    expect(await api.sendToAnki({})).toEqual({ added: 3, updated: 0, unchanged: 0, pictures: 1, failed: [] });
    expect([...anki.models.keys()]).toEqual(['Basic', 'Lectio', 'Lectio Cloze']);
    expect(anki.models.get('Lectio Cloze')).toMatchObject({ isCloze: true, fields: LECTIO_CLOZE.fields });
    expect([...anki.decks.keys()].sort()).toEqual(['Default', 'Lectio', 'Lectio::The Harbour <Rebuilt>']);
    expect(anki.media.get(`lectio-${picture.id}`)?.equals(pngBytes(8, 6, 7))).toBe(true);
    const sent = [...anki.notes.values()].find((note) => note.fields['Lectio id'] === photo.card.id);
    expect(sent).toMatchObject({
      modelName: 'Lectio',
      deckName: 'Lectio::The Harbour <Rebuilt>',
      tags: ['harbour_history'],
      fields: { Front: 'What does the photograph show?', Back: 'The new pier &amp; its lamps' },
    });
    expect(sent?.fields.Pictures).toBe(`<img src="lectio-${picture.id}" alt="The new pier">`);

    // Sent again: nothing new, nothing rewritten.
    expect(await api.sendToAnki({})).toMatchObject({ added: 0, updated: 0, unchanged: 3, pictures: 0 });
    expect(anki.notes.size).toBe(3);

    // A card edited in Lectio updates its note in place, found by its Lectio id.
    await api.updateCard({ id: photo.card.id, front: 'What is in the photograph?' });
    expect(await api.sendToAnki({})).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect(anki.notes.size).toBe(3);
    expect(anki.notes.get(sent?.noteId ?? 0)?.fields.Front).toBe('What is in the photograph?');
    expect(anki.calls.filter((call) => call.action === 'createModel')).toHaveLength(2);
  });

  it('says plainly when Anki is not running, and sends nothing', async () => {
    const anki = new FakeAnkiConnect();
    const url = await anki.start();
    await anki.stop();
    const { api } = await setup(url);
    const status = await api.getAnkiStatus({});
    expect(status).toMatchObject({ available: false, version: null, address: url });
    expect(status.message).toMatch(/^Anki is not running, or AnkiConnect is not installed in it\./);
    const result = await dispatch(api, 'sendToAnki', {});
    expect(result).toEqual({ ok: false, error: { code: 'invalid-argument', message: status.message } });
  });

  it('tells another program on AnkiConnect’s port from AnkiConnect', async () => {
    const other = createServer((_request, response) => response.end('<html>a web page</html>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as { port: number };
      const { api } = await setup(`http://127.0.0.1:${port}`);
      expect((await api.getAnkiStatus({})).message).toMatch(/Something other than AnkiConnect answers/);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
