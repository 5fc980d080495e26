/**
 * The library's full-text index, on disk: `index/search.sqlite`, an SQLite database (node-sqlite3-wasm: SQLite compiled
 * to WebAssembly, FTS5 included, pages read from the file on demand) holding every entry the search finds (titles,
 * paragraphs, highlights with notes and tags, document notes, cards). A search reads the few pages its words need, so
 * neither a launch nor the first search reads the documents, and the index is not held in memory.
 *
 * Derived data: never synced, not a data file (not JSON, so backups and corruption checks skip it), rebuilt when it is
 * missing, of another schema version (the `meta` table), or damaged (SQLite says so: the file is moved aside and the
 * reader told that nothing of theirs was lost). Entries are kept in groups: one per document, one per card; each
 * document's group keeps the stamp of the files it was made from (see `documentStamps`), so an entry made before the
 * files' last write is recognised as stale without reading them.
 *
 * The text is stored once, in the `content` table (snippets are cut from it); the FTS5 table is external-content over
 * it and holds only the index.
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Database as SqliteDatabase } from 'node-sqlite3-wasm';
import type { DocumentMeta } from '../core/model';
import { matchExpression, queryTerms, searchWords, typoBudget, withinEdits } from '../core/search/fts-query';
import type { SearchEntry, SearchHitKind } from '../core/search/library-index';
import type { StorageNotice } from './recovery-notices';

export const SEARCH_INDEX_FOLDER = 'index';
export const SEARCH_INDEX_FILE = 'search.sqlite';
/** Bumped when the tables or what goes into them change: an index of another version is rebuilt. */
export const SEARCH_INDEX_SCHEMA_VERSION = 1;
/** The group that holds the cards' stamp (each card's own entries are in its group `card:<id>`). */
export const CARDS_STAMP_GROUP = 'cards';
export const cardGroup = (cardId: string) => `card:${cardId}`;

/**
 * SQLite's page cache for the index, in KiB (negative cache_size): 8 MB keeps the pages of frequent words warm
 * without growing the WebAssembly heap (which never shrinks) with the whole 100+ MB file.
 */
const CACHE_KIB = 8192;
/**
 * How long after a launch the hosts open the index (open-library.ts): after the Library's first rows (a launch shows
 * them within a second or so), before the start-up backup.
 */
export const SEARCH_OPEN_DELAY_MS = 3000;
/** The most matches one query ranks (see `find`). */
export const RANKED = 5000;
/** The most near words one mistyped word stands for. */
const NEAR_WORDS = 8;

const SCHEMA = `
  create table meta(key text primary key, value text not null);
  create table groups(id text primary key, stamp text not null);
  create table content(
    id integer primary key, grp text not null, kind text not null, doc text not null,
    start integer not null, end integer not null, title text not null, text text not null
  );
  create index content_grp on content(grp);
  create virtual table entries using fts5(
    title, text, content='content', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
  );
  insert into entries(entries, rank) values('rank', 'bm25(2.0, 1.0)');
  create virtual table vocab using fts5vocab(entries, 'row');
`;

/** A row found: the entry and its rank (lower is better, as FTS5's bm25 gives it). */
export interface IndexRow {
  kind: SearchHitKind;
  group: string;
  documentId: string;
  title: string;
  text: string;
  start: number;
  end: number;
  rank: number;
}

export interface GroupWrite {
  group: string;
  /** null: the group is removed (its document deleted, its card gone). */
  stamp: string | null;
  entries: readonly SearchEntry[];
}

type Sqlite = typeof import('node-sqlite3-wasm');
let sqlite: Promise<Sqlite> | null = null;

/** Loaded on first use, not at launch: compiling the 1.3 MB WebAssembly module is work a launch need not wait for. */
function loadSqlite(): Promise<Sqlite> {
  // A CommonJS module: loaded as ESM (tsx, the benchmarks) its exports are under `default`.
  sqlite ??= import('node-sqlite3-wasm').then((module) =>
    (module as Sqlite & { default?: Sqlite }).default?.Database ? (module as { default: Sqlite }).default : module,
  );
  return sqlite;
}

/** SQLite's own words for a file that is not a sound database. */
export function isDamage(error: unknown): boolean {
  return /malformed|not a database|corrupt|SQLITE_CORRUPT|SQLITE_NOTADB/i.test(String((error as Error)?.message ?? ''));
}

async function stampOf(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return '-';
  }
}

export class SearchIndex {
  #db: SqliteDatabase;
  /**
   * Each document's group's stamp (and the cards' stamp), as in the `groups` table: read once when opened, a few
   * thousand short rows. The cards' own groups (tens of thousands) stay on disk: only a full card pass needs them.
   */
  #groups = new Map<string, string>();
  /** Counts the times the file was replaced by an empty one (damaged): what was indexed is gone and must be again. */
  generation = 0;

  private constructor(
    private readonly module: Sqlite,
    readonly file: string,
    readonly dataDir: string,
    private readonly notify: (notice: StorageNotice) => void,
  ) {
    this.#db = this.#open();
  }

  /** Opens the library's index, making a new one when there is none, it is of another version, or it is damaged. */
  static async open(dataDir: string, notify: (notice: StorageNotice) => void): Promise<SearchIndex> {
    await mkdir(path.join(dataDir, SEARCH_INDEX_FOLDER), { recursive: true });
    return new SearchIndex(
      await loadSqlite(),
      path.join(dataDir, SEARCH_INDEX_FOLDER, SEARCH_INDEX_FILE),
      dataDir,
      notify,
    );
  }

  #open(): SqliteDatabase {
    let db: SqliteDatabase | null = null;
    try {
      db = new this.module.Database(this.file);
      const version = this.#version(db);
      if (version !== SEARCH_INDEX_SCHEMA_VERSION) {
        // Another version's index (or a new file): built again from the library, nothing of the reader's is in it.
        db.close();
        db = null;
        this.#removeFiles();
        db = new this.module.Database(this.file);
        this.#create(db);
      }
      this.#configure(db);
      this.#groups = new Map(
        db
          .all("select id, stamp from groups where id not like 'card:%'")
          .map((row) => [String(row.id), String(row.stamp)] as const),
      );
      return db;
    } catch (error) {
      if (db?.isOpen) db.close();
      if (!isDamage(error)) throw error;
      return this.#replaceDamaged();
    }
  }

  #version(db: SqliteDatabase): number | null {
    const table = db.get("select 1 from sqlite_master where type = 'table' and name = 'meta'");
    if (!table) return null;
    const row = db.get("select value from meta where key = 'schemaVersion'");
    return row ? Number(row.value) : null;
  }

  #create(db: SqliteDatabase): void {
    db.exec('begin');
    db.exec(SCHEMA);
    db.run("insert into meta(key, value) values ('schemaVersion', ?)", String(SEARCH_INDEX_SCHEMA_VERSION));
    db.exec('commit');
  }

  #configure(db: SqliteDatabase): void {
    db.exec(`pragma cache_size = -${CACHE_KIB}`);
    // Derived data: a crash mid-write can at worst damage the file, which is then rebuilt; not syncing each commit to
    // the disk keeps the build and the small updates cheap.
    db.exec('pragma synchronous = off');
    db.exec('pragma temp_store = memory');
  }

  #removeFiles(): void {
    // Synchronous: called between closing and reopening, with no await in between.
    for (const suffix of ['', '-journal']) rmSync(this.file + suffix, { force: true });
  }

  /** Moves a damaged file aside (one copy kept, for a bug report) and starts an empty index. */
  #replaceDamaged(): SqliteDatabase {
    const aside = `${this.file}.damaged`;
    rmSync(aside, { force: true });
    if (existsSync(this.file)) renameSync(this.file, aside);
    rmSync(`${this.file}-journal`, { force: true });
    const db = new this.module.Database(this.file);
    this.#create(db);
    this.#configure(db);
    this.#groups = new Map();
    this.generation++;
    this.notify({
      id: `search-index-rebuilt:${Date.now()}`,
      level: 'info',
      message: `The search index could not be read and was moved aside to ${path.relative(this.dataDir, aside)}. It is being built again from your library; nothing of yours was lost, and search finds everything again once it is done.`,
    });
    return db;
  }

  /** Runs `work`; when SQLite finds the file damaged, the index starts again empty and `fallback` is returned. */
  #guard<R>(work: () => R, fallback: R): R {
    try {
      return work();
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('rollback');
      if (!isDamage(error)) throw error;
      this.#db.close();
      this.#db = this.#replaceDamaged();
      return fallback;
    }
  }

  /** The stamp the group was indexed with; undefined when it is not in the index. */
  stamp(group: string): string | undefined {
    return this.#groups.get(group);
  }

  /** The documents' groups (and the cards' stamp) with their stamps. */
  groups(): ReadonlyMap<string, string> {
    return this.#groups;
  }

  /** The cards indexed, by group (`card:<id>`). */
  cardGroups(): string[] {
    return this.#guard(
      () => this.#db.all("select id from groups where id like 'card:%'").map((row) => String(row.id)),
      [],
    );
  }

  /**
   * Each document's stamp: its text's and annotations' files' modification times and sizes (stat, never a read), and
   * its title and credits (kept in library.json, which other changes rewrite).
   */
  async documentStamps(metas: readonly DocumentMeta[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    await Promise.all(
      metas.map(async (meta) => {
        const [text, annotations] = await Promise.all([
          stampOf(path.join(this.dataDir, 'documents', `${meta.id}.json`)),
          stampOf(path.join(this.dataDir, 'annotations', `${meta.id}.json`)),
        ]);
        const credits = createHash('sha1')
          .update(JSON.stringify([meta.title, meta.source, meta.authors ?? [], meta.siteName ?? '']))
          .digest('base64url');
        result.set(meta.id, `${text}/${annotations}/${credits}`);
      }),
    );
    return result;
  }

  /** The stamp of the cards' file: when it differs from the one indexed, the cards are indexed again. */
  cardsStamp(): Promise<string> {
    return stampOf(path.join(this.dataDir, 'cards.json'));
  }

  /** Replaces (or removes) groups of entries, all in one transaction. */
  replaceGroups(writes: readonly GroupWrite[]): void {
    if (!writes.length) return;
    this.#guard(() => {
      const db = this.#db;
      db.exec('begin');
      const old = db.prepare('select id, title, text from content where grp = ?');
      const unindex = db.prepare("insert into entries(entries, rowid, title, text) values('delete', ?, ?, ?)");
      const drop = db.prepare('delete from content where grp = ?');
      const add = db.prepare(
        'insert into content(grp, kind, doc, start, end, title, text) values (?, ?, ?, ?, ?, ?, ?)',
      );
      const index = db.prepare('insert into entries(rowid, title, text) values (?, ?, ?)');
      try {
        for (const { group, stamp, entries } of writes) {
          for (const row of old.all(group) as { id: number; title: string; text: string }[])
            unindex.run([row.id, row.title, row.text]);
          drop.run(group);
          if (stamp === null) {
            db.run('delete from groups where id = ?', group);
            continue;
          }
          for (const entry of entries) {
            const { lastInsertRowid } = add.run([
              group,
              entry.kind,
              entry.documentId,
              entry.start,
              entry.end,
              entry.title,
              entry.text,
            ]);
            index.run([lastInsertRowid, entry.title, entry.text]);
          }
          db.run('insert or replace into groups(id, stamp) values (?, ?)', [group, stamp]);
        }
        db.exec('commit');
      } finally {
        for (const statement of [old, unindex, drop, add, index]) statement.finalize();
      }
      for (const { group, stamp } of writes) {
        if (group.startsWith('card:')) continue;
        if (stamp === null) this.#groups.delete(group);
        else this.#groups.set(group, stamp);
      }
    }, undefined);
  }

  /** Records a group's stamp alone (the cards' stamp, once each card changed has been indexed). */
  setStamp(group: string, stamp: string): void {
    this.#guard(() => {
      this.#db.run('insert or replace into groups(id, stamp) values (?, ?)', [group, stamp]);
      this.#groups.set(group, stamp);
    }, undefined);
  }

  /**
   * The best `limit` rows for the reader's query: every word required, the last as a prefix, titles weighing twice.
   * When nothing matches, each word the index does not hold is widened to the indexed words a typo away.
   */
  search(query: string, limit: number, documents?: readonly string[]): IndexRow[] {
    const terms = queryTerms(searchWords(query));
    const rows = this.find(matchExpression(terms), limit, documents);
    if (rows.length || !terms.some((term) => typoBudget(term.word) > 0)) return rows;
    for (const term of terms) {
      const budget = typoBudget(term.word);
      if (!budget || this.holds(term.word, term.prefix)) continue;
      const longest = term.word.length + budget + (term.prefix ? 24 : 0);
      term.near = this.wordsStartingWith(term.word[0] ?? '', Math.max(1, term.word.length - budget), longest)
        .filter(
          (word) =>
            withinEdits(term.word, word, budget) ||
            (term.prefix && withinEdits(term.word, word.slice(0, term.word.length), budget)),
        )
        .slice(0, NEAR_WORDS);
    }
    return terms.some((term) => term.near?.length) ? this.find(matchExpression(terms), limit, documents) : [];
  }

  /**
   * The best `limit` rows for an FTS5 match expression (see core/search/fts-query.ts), only in the documents
   * `documents` lists when given (cards without a document are left out then, as the Library's view shows none).
   */
  find(match: string, limit: number, documents?: readonly string[]): IndexRow[] {
    if (!match) return [];
    return this.#guard(() => {
      const filter = documents ? 'and c.doc in (select value from json_each(?))' : '';
      const params = documents ? [match, JSON.stringify(documents)] : [match];
      // Ranking scores every match, which for a word in most paragraphs ("the", "budget" in a library about budgets)
      // took hundreds of milliseconds; past RANKED matches, only the newest RANKED (by entry id, which streams
      // without scoring) are ranked.
      const floor = this.#db.get(
        `select entries.rowid as id from entries ${documents ? 'join content c on c.id = entries.rowid' : ''}
          where entries match ? ${filter} order by entries.rowid desc limit 1 offset ?`,
        [...params, RANKED - 1],
      );
      const rows = this.#db.all(
        `select c.kind, c.grp, c.doc, c.title, c.text, c.start, c.end, entries.rank as rank
           from entries join content c on c.id = entries.rowid
          where entries match ? ${filter} ${floor ? 'and entries.rowid >= ?' : ''}
          order by entries.rank limit ?`,
        [...params, ...(floor ? [Number(floor.id)] : []), limit],
      );
      return rows.map((row) => ({
        kind: row.kind as SearchHitKind,
        group: String(row.grp),
        documentId: String(row.doc),
        title: String(row.title),
        text: String(row.text),
        start: Number(row.start),
        end: Number(row.end),
        rank: Number(row.rank),
      }));
    }, []);
  }

  /** True when some entry holds the word (or a word it begins, for a prefix). */
  holds(word: string, prefix: boolean): boolean {
    const match = `"${word.replaceAll('"', '""')}"${prefix ? ' *' : ''}`;
    return this.#guard(
      () => this.#db.get('select 1 from entries where entries match ? limit 1', match) !== null,
      false,
    );
  }

  /**
   * The indexed words that begin with `first` and are `minLength` to `maxLength` letters long: the candidates a
   * mistyped word is compared with (a typo in the first letter is not looked for, which keeps the scan to one letter's
   * words).
   */
  wordsStartingWith(first: string, minLength: number, maxLength: number): string[] {
    return this.#guard(
      () =>
        this.#db
          .all('select term from vocab where term >= ? and term < ? and length(term) between ? and ?', [
            first,
            `${first}\u{10ffff}`,
            minLength,
            maxLength,
          ])
          .map((row) => String(row.term)),
      [],
    );
  }

  get isOpen(): boolean {
    return this.#db.isOpen;
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }
}
