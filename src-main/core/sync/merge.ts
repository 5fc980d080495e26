/**
 * Field-level merging of a synced record's versions (issue #21). Each synced record carries, per field, the stamp of
 * its last edit (a hybrid-clock stamp, hlc.ts) and the stamps of the edits it was built on. Two versions of a record
 * that changed apart (a CouchDB conflict) merge field by field: a field edited on one side only keeps that edit; a
 * field edited on both sides keeps the later stamp, except text fields (notes), where both texts are kept as versions
 * for the reader to choose from, never dropped. The merge is deterministic and the same whichever side runs it, so two
 * devices resolving one conflict write the same result. Pure.
 */
import type { Stamp } from './hlc';

/** How many earlier stamps of a field a version remembers: enough to tell "built on" from "concurrent". */
export const SEEN_LIMIT = 32;

export interface TextVersion {
  text: string;
  stamp: Stamp;
}

export interface SyncedFields {
  fields: Record<string, unknown>;
  stamps: Record<string, Stamp>;
  /** Per field, the stamps of the earlier edits this version was built on (oldest first). */
  seen: Record<string, Stamp[]>;
  /** Per text field, the texts of concurrent edits not yet resolved by the reader (newest first; two or more). */
  versions: Record<string, TextVersion[]>;
}

/** A value as comparable text: JSON with object keys sorted, so equal records compare equal. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

/**
 * The synced record after a local edit that made it `next`: fields that changed get `stamp()` and remember the stamp
 * they replace. Returns null when nothing changed (so an incoming change applied locally is not sent back).
 */
export function recordLocalEdit(
  previous: SyncedFields | null,
  next: Record<string, unknown>,
  stamp: () => Stamp,
): SyncedFields | null {
  const base: SyncedFields = previous ?? { fields: {}, stamps: {}, seen: {}, versions: {} };
  const names = new Set([...Object.keys(base.fields), ...Object.keys(base.stamps), ...Object.keys(next)]);
  const result: SyncedFields = {
    fields: {},
    stamps: { ...base.stamps },
    seen: { ...base.seen },
    versions: { ...base.versions },
  };
  let changed = previous === null;
  for (const name of [...names].sort()) {
    const value = next[name];
    if (value !== undefined) result.fields[name] = value;
    if (previous && canonical(base.fields[name]) === canonical(value)) continue;
    changed = true;
    const replaced = base.stamps[name];
    result.stamps[name] = stamp();
    if (replaced) result.seen[name] = [...(base.seen[name] ?? []), replaced].slice(-SEEN_LIMIT);
  }
  return changed ? result : null;
}

function union(a: readonly Stamp[] = [], b: readonly Stamp[] = [], extra: Stamp[] = []): Stamp[] {
  return [...new Set([...a, ...b, ...extra])].sort().slice(-SEEN_LIMIT);
}

function versionsOf(side: SyncedFields, name: string): TextVersion[] {
  const kept = side.versions[name];
  if (kept && kept.length > 0) return kept;
  const value = side.fields[name];
  return [{ text: typeof value === 'string' ? value : '', stamp: side.stamps[name] ?? '' }];
}

function newestFirst(versions: TextVersion[]): TextVersion[] {
  const byStamp = new Map(versions.map((v) => [v.stamp, v]));
  return [...byStamp.values()].sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0));
}

/**
 * The merge of two versions of one record that changed apart; `textFields` name the fields whose concurrent edits are
 * kept side by side (a note) rather than decided by the later stamp. Commutative: merge(a, b) equals merge(b, a).
 */
/**
 * A kind's own rule for a field edited concurrently on both sides, before the later stamp decides: which side's value
 * stands ('a' or 'b'), or null to leave it to the stamps. Must be symmetric, so the merge stays commutative.
 */
export type ConcurrentRule = (name: string, a: unknown, b: unknown) => 'a' | 'b' | null;

export function mergeFields(
  a: SyncedFields,
  b: SyncedFields,
  textFields: ReadonlySet<string>,
  concurrentRule?: ConcurrentRule,
): SyncedFields {
  const result: SyncedFields = { fields: {}, stamps: {}, seen: {}, versions: {} };
  const names = new Set([
    ...Object.keys(a.stamps),
    ...Object.keys(b.stamps),
    ...Object.keys(a.fields),
    ...Object.keys(b.fields),
  ]);
  for (const name of [...names].sort()) {
    const sa = a.stamps[name] ?? '';
    const sb = b.stamps[name] ?? '';
    let newer: SyncedFields;
    let concurrent = false;
    if (sa === sb) newer = canonical(a.fields[name]) <= canonical(b.fields[name]) ? a : b;
    else if ((b.seen[name] ?? []).includes(sa)) newer = b;
    else if ((a.seen[name] ?? []).includes(sb)) newer = a;
    else {
      concurrent = true;
      const ruled = concurrentRule?.(name, a.fields[name], b.fields[name]) ?? null;
      newer = ruled === 'a' ? a : ruled === 'b' ? b : sa > sb ? a : b;
    }
    const value = newer.fields[name];
    if (value !== undefined) result.fields[name] = value;
    if (newer.stamps[name]) result.stamps[name] = newer.stamps[name]!;
    const older = newer === a ? sb : sa;
    result.seen[name] = union(a.seen[name], b.seen[name], older && older !== newer.stamps[name] ? [older] : []);
    if (textFields.has(name)) {
      const sameText = canonical(a.fields[name]) === canonical(b.fields[name]);
      const versions =
        concurrent && !sameText
          ? newestFirst([...versionsOf(a, name), ...versionsOf(b, name)])
          : sa === sb
            ? newestFirst([...(a.versions[name] ?? []), ...(b.versions[name] ?? [])])
            : (newer.versions[name] ?? []);
      if (versions.length > 1) {
        result.versions[name] = versions;
        // The record shows the newest text meanwhile; the others wait in `versions` for the reader.
        result.fields[name] = versions[0]!.text;
      }
    }
  }
  return result;
}

/** The record after the reader chose `text` for field `name`: the versions are settled, every one of them seen. */
export function resolveText(record: SyncedFields, name: string, text: string, stamp: Stamp): SyncedFields {
  const settled = (record.versions[name] ?? []).map((v) => v.stamp);
  const { [name]: _resolved, ...versions } = record.versions;
  return {
    fields: { ...record.fields, [name]: text },
    stamps: { ...record.stamps, [name]: stamp },
    seen: {
      ...record.seen,
      [name]: union(record.seen[name], settled, record.stamps[name] ? [record.stamps[name]!] : []),
    },
    versions,
  };
}
