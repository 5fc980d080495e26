/**
 * A document's organisation (tags, collections, archive flag, reading position and progress) as synced fields (issue
 * #21), and how its concurrent edits merge. Each tag and each collection membership is a field of its own, present
 * while the document has it: a removal is the field gone with a newer stamp, so the hybrid-clock stamps order adds
 * and removes per element, and an add and a remove made apart keep the add (add-wins). Progress only grows, so
 * concurrent values keep the furthest, and the position kept is the furthest too. Pure.
 */
import type { DocumentOrganisation, ReadingPosition } from '../library/organisation';
import type { ConcurrentRule } from './merge';

const TAG = 'tag:';
const MEMBER = 'in:';

/** The organisation as fields; defaults (no tags, not archived, no position, no progress) are left out. */
export function organisationFields(org: DocumentOrganisation): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const tag of org.tags) fields[TAG + tag] = true;
  for (const id of org.collections) fields[MEMBER + id] = true;
  if (org.archived) fields.archived = true;
  if (org.position) fields.position = { offset: org.position.offset, at: org.position.at };
  if (org.progress > 0) fields.progress = org.progress;
  return fields;
}

/** The organisation the fields describe; tags and collections keep `local`'s order, newcomers sorted after. */
export function organisationOf(fields: Record<string, unknown>, local: DocumentOrganisation): DocumentOrganisation {
  const named = (prefix: string, current: readonly string[]) => {
    const wanted = Object.keys(fields)
      .filter((name) => name.startsWith(prefix) && fields[name] === true)
      .map((name) => name.slice(prefix.length));
    const set = new Set(wanted);
    const kept = current.filter((item) => set.has(item));
    return [...kept, ...wanted.filter((item) => !kept.includes(item)).sort()];
  };
  const position = fields.position as ReadingPosition | undefined;
  const progress = typeof fields.progress === 'number' ? fields.progress : 0;
  return {
    tags: named(TAG, local.tags),
    collections: named(MEMBER, local.collections),
    archived: fields.archived === true,
    position: position && typeof position.offset === 'number' ? { offset: position.offset, at: position.at } : null,
    progress: Math.min(1, Math.max(0, progress)),
  };
}

const offsetOf = (value: unknown) => (value as ReadingPosition | undefined)?.offset ?? -1;
const larger = (x: number, y: number): 'a' | 'b' | null => (x > y ? 'a' : y > x ? 'b' : null);

/** Concurrent edits: a tag or membership added on one side stays (add-wins); the furthest progress and position win. */
export const organisationRule: ConcurrentRule = (name, a, b) => {
  if (name.startsWith(TAG) || name.startsWith(MEMBER))
    return a === true && b !== true ? 'a' : b === true && a !== true ? 'b' : null;
  if (name === 'progress') return larger(typeof a === 'number' ? a : 0, typeof b === 'number' ? b : 0);
  if (name === 'position') return larger(offsetOf(a), offsetOf(b));
  return null;
};
