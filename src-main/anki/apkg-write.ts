/**
 * Writes a legacy .apkg: a zip of `collection.anki2` (an SQLite file in Anki's schema 11, made with sql.js, SQLite
 * compiled to WebAssembly, so no native module is needed), a `media` file mapping "0", "1", … to file names, and each
 * picture stored under its number. This is the package every Anki version imports (File › Import).
 */
import { createHash } from 'node:crypto';
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Database, SqlValue } from 'sql.js';
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

/**
 * Anki's schema split where its indexes begin: the tables are made first and the indexes (and the `col` row) after the
 * rows are in, which builds each index once instead of updating it per row (half the time for 20,000 cards). The
 * file's schema is the same statements either way.
 */
const INDEXES_START = ANKI_SCHEMA11_SQL.indexOf('-- syncing');
const SCHEMA_TABLES = ANKI_SCHEMA11_SQL.slice(0, INDEXES_START);
const SCHEMA_INDEXES = ANKI_SCHEMA11_SQL.slice(INDEXES_START);

function fill(db: Database, collection: ApkgCollection): void {
  db.run(SCHEMA_TABLES);
  insertRows(db, collection);
  db.run(SCHEMA_INDEXES);
  const { col } = collection;
  db.run(
    'update col set crt = ?, mod = ?, scm = ?, ver = 11, conf = ?, models = ?, decks = ?, dconf = ? where id = 1',
    [col.crt, col.mod, col.scm, col.conf, col.models, col.decks, col.dconf],
  );
}

/** Rows per INSERT: one statement per row costs a crossing into WebAssembly each, and a hundred cut that fourfold. */
const BATCH = 100;

/** Inserts `rows` into `table`; `row` is one row's placeholder tuple, e.g. "(?, ?, 0)". */
function insertMany(db: Database, table: string, row: string, rows: readonly SqlValue[][]): void {
  const statement = (count: number) => db.prepare(`insert into ${table} values ${Array(count).fill(row).join(', ')}`);
  const full = statement(BATCH);
  let at = 0;
  for (; at + BATCH <= rows.length; at += BATCH) full.run(rows.slice(at, at + BATCH).flat());
  full.free();
  if (at < rows.length) {
    const rest = statement(rows.length - at);
    rest.run(rows.slice(at).flat());
    rest.free();
  }
}

function insertRows(db: Database, collection: ApkgCollection): void {
  insertMany(
    db,
    'notes',
    '(?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?)',
    collection.notes.map((n) => [n.id, n.guid, n.mid, n.mod, n.tags, n.flds, n.sfld, fieldChecksum(n.sfld), '']),
  );
  insertMany(
    db,
    'cards',
    '(?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)',
    collection.cards.map((c) => [
      c.id,
      c.nid,
      c.did,
      c.ord,
      c.mod,
      c.type,
      c.queue,
      c.due,
      c.ivl,
      c.factor,
      c.reps,
      c.lapses,
      c.left,
      c.data,
    ]),
  );
  insertMany(
    db,
    'revlog',
    '(?, ?, 0, ?, ?, ?, ?, ?, ?)',
    collection.revlog.map((r) => [r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type]),
  );
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
