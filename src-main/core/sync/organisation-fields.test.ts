import { describe, expect, it } from 'vitest';
import { EMPTY_ORGANISATION } from '../library/organisation';
import { mergeFields, recordLocalEdit, type SyncedFields } from './merge';
import { organisationFields, organisationOf, organisationRule } from './organisation-fields';

const org = (tags: string[], progress = 0) => ({ ...EMPTY_ORGANISATION, tags, progress });
let n = 0;
const stamp = (device: string) => () => `${String(++n).padStart(11, '0')}-00000-${device}`;

function edit(previous: SyncedFields | null, next: ReturnType<typeof org>, device: string): SyncedFields {
  return recordLocalEdit(previous, organisationFields(next), stamp(device))!;
}

describe('organisation fields', () => {
  it('round-trips, keeping the local order of tags and adding newcomers sorted', () => {
    const fields = organisationFields({ ...org(['b', 'a', 'c'], 0.5), collections: ['c1'], archived: true });
    expect(organisationOf(fields, org(['c', 'b']))).toEqual({
      tags: ['c', 'b', 'a'],
      collections: ['c1'],
      archived: true,
      position: null,
      progress: 0.5,
    });
  });

  it('merges an add and a remove made apart as an add, either way round, and keeps a lone remove', () => {
    const base = edit(null, org(['x', 'y']), 'a');
    const removed = edit(base, org([]), 'a');
    const readded = edit(edit(base, org(['y']), 'b'), org(['x', 'y']), 'b');
    for (const merged of [
      mergeFields(removed, readded, new Set(), organisationRule),
      mergeFields(readded, removed, new Set(), organisationRule),
    ])
      expect(organisationOf(merged.fields, org([])).tags).toEqual(['x']);
  });

  it('keeps the furthest progress of concurrent edits whatever their stamps', () => {
    const base = edit(null, org([], 0.1), 'a');
    const far = edit(base, org([], 0.8), 'a');
    const near = edit(base, org([], 0.3), 'b');
    expect(mergeFields(far, near, new Set(), organisationRule).fields.progress).toBe(0.8);
    expect(mergeFields(near, far, new Set(), organisationRule).fields.progress).toBe(0.8);
  });
});
