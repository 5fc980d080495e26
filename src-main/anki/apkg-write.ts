/**
 * Writes a legacy .apkg: a zip of `collection.anki2` (an SQLite file in Anki's schema 11, made with sql.js, SQLite
 * compiled to WebAssembly, so no native module is needed), a `media` file mapping "0", "1", … to file names, and each
 * picture stored under its number. This is the package every Anki version imports (File › Import).
 */
import { createHash } from 'node:crypto';
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Database } from 'sql.js';
import type { ApkgCollection } from '../core/cards/apkg-collection';
import { ANKI_SCHEMA11_SQL } from './anki-schema11';

type SqlJs = Awaited<ReturnType<typeof import('sql.js/dist/sql-wasm-inline.js').default>>;

let sqlJs: Promise<SqlJs> | null = null;

/**
 * sql.js, loaded on first use: its WebAssembly (about 1 MB, inlined in the module so the bundled app needs no file
 * beside it) is compiled only when someone exports for Anki, never at launch.
 */
export function loadSqlJs(): Promise<SqlJs> {
  sqlJs ??= import('sql.js/dist/sql-wasm-inline.js').then((module) => module.default());
  return sqlJs;
}

/** Anki's field checksum: the first 4 bytes of the SHA-1 of the first field's plain text, as an unsigned integer. */
export function fieldChecksum(text: string): number {
  return createHash('sha1').update(text, 'utf8').digest().readUInt32BE(0);
}

function fill(db: Database, collection: ApkgCollection): void {
  db.run(ANKI_SCHEMA11_SQL);
  const { col } = collection;
  db.run(
    'update col set crt = ?, mod = ?, scm = ?, ver = 11, conf = ?, models = ?, decks = ?, dconf = ? where id = 1',
    [col.crt, col.mod, col.scm, col.conf, col.models, col.decks, col.dconf],
  );
  const note = db.prepare('insert into notes values (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?)');
  for (const row of collection.notes)
    note.run([row.id, row.guid, row.mid, row.mod, row.tags, row.flds, row.sfld, fieldChecksum(row.sfld), '']);
  note.free();
  const card = db.prepare('insert into cards values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)');
  for (const row of collection.cards)
    card.run([
      row.id,
      row.nid,
      row.did,
      row.ord,
      row.mod,
      row.type,
      row.queue,
      row.due,
      row.ivl,
      row.factor,
      row.reps,
      row.lapses,
      row.left,
      row.data,
    ]);
  card.free();
  const review = db.prepare('insert into revlog values (?, ?, 0, ?, ?, ?, ?, ?, ?)');
  for (const row of collection.revlog)
    review.run([row.id, row.cid, row.ease, row.ivl, row.lastIvl, row.factor, row.time, row.type]);
  review.free();
}

/**
 * The .apkg's bytes. `media` holds each picture's bytes by image id; a picture missing from it (its file gone from the
 * library) is left out of the package and its name out of the media map, so Anki shows the alt text instead.
 */
export async function writeApkg(
  collection: ApkgCollection,
  media: ReadonlyMap<string, Uint8Array>,
): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  let database: Uint8Array;
  try {
    db.run('begin');
    fill(db, collection);
    db.run('commit');
    database = db.export();
  } finally {
    db.close();
  }
  const files: Zippable = { 'collection.anki2': database };
  const map: Record<string, string> = {};
  let index = 0;
  for (const { fileName, imageId } of collection.media) {
    const bytes = media.get(imageId);
    if (!bytes) continue;
    map[String(index)] = fileName;
    // Pictures are compressed already (PNG, JPEG, WebP…): stored as they are; the database is deflated.
    files[String(index)] = [bytes, { level: 0 }];
    index += 1;
  }
  files.media = strToU8(JSON.stringify(map));
  return zipSync(files, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') });
}
