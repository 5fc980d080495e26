/** Field-level merging: edits of different fields both survive, a note edited on both sides keeps both texts. */
import { describe, expect, it } from 'vitest';
import { HybridClock, parseStamp } from './hlc';
import { mergeFields, recordLocalEdit, resolveText, type SyncedFields } from './merge';

const NOTES = new Set(['note']);

function devices(offsetB = 0) {
  let wall = 1_000_000;
  const a = new HybridClock('a', () => wall);
  const b = new HybridClock('b', () => wall + offsetB);
  return { a, b, tick: () => (wall += 1000) };
}

function base(clock: HybridClock): SyncedFields {
  return recordLocalEdit(null, { color: 1, note: 'start', tags: [] }, () => clock.next())!;
}

describe('mergeFields', () => {
  it('keeps an edit of one field from each side', () => {
    const { a, b, tick } = devices();
    const start = base(a);
    tick();
    const fromA = recordLocalEdit(start, { color: 4, note: 'start', tags: [] }, () => a.next())!;
    const fromB = recordLocalEdit(start, { color: 1, note: 'start', tags: ['x'] }, () => b.next())!;
    const merged = mergeFields(fromA, fromB, NOTES);
    expect(merged.fields).toEqual({ color: 4, note: 'start', tags: ['x'] });
    expect(merged.versions).toEqual({});
    expect(mergeFields(fromB, fromA, NOTES)).toEqual(merged);
  });

  it('keeps both texts of a note edited on both sides until one is chosen', () => {
    const { a, b, tick } = devices();
    const start = base(a);
    tick();
    const fromA = recordLocalEdit(start, { color: 1, note: 'A', tags: [] }, () => a.next())!;
    const fromB = recordLocalEdit(start, { color: 1, note: 'B', tags: [] }, () => b.next())!;
    const merged = mergeFields(fromA, fromB, NOTES);
    expect(merged.versions.note!.map((v) => v.text).sort()).toEqual(['A', 'B']);
    expect(mergeFields(fromB, fromA, NOTES)).toEqual(merged);
    const resolved = resolveText(merged, 'note', 'A+B', a.next());
    expect(resolved.fields.note).toBe('A+B');
    expect(resolved.versions.note).toBeUndefined();
    // The resolution was made over both texts: merged again with either side, it stands.
    expect(mergeFields(resolved, fromB, NOTES).fields.note).toBe('A+B');
    expect(mergeFields(fromA, resolved, NOTES).versions.note).toBeUndefined();
  });

  it('lets an edit made over another win even when its device clock is an hour behind', () => {
    const { a, b, tick } = devices(-3_600_000);
    const start = base(a);
    tick();
    const fromA = recordLocalEdit(start, { color: 3, note: 'start', tags: [] }, () => a.next())!;
    b.observe(fromA.stamps.color!);
    const fromB = recordLocalEdit(fromA, { color: 5, note: 'start', tags: [] }, () => b.next())!;
    expect(parseStamp(fromB.stamps.color!)!.wallMs).toBeGreaterThanOrEqual(parseStamp(fromA.stamps.color!)!.wallMs);
    expect(mergeFields(fromA, fromB, NOTES).fields.color).toBe(5);
  });

  it('writes nothing for a record that did not change', () => {
    const { a } = devices();
    const start = base(a);
    expect(recordLocalEdit(start, { tags: [], note: 'start', color: 1 }, () => a.next())).toBeNull();
  });
});
