import { describe, expect, it } from 'vitest';
import { ArrivalLog } from './arrivals';

describe('ArrivalLog', () => {
  it('says which documents pulls changed since the number a screen last saw', () => {
    const log = new ArrivalLog();
    expect(log.since(0)).toEqual({ seq: 0, documentIds: [], everything: false });
    log.note(['a', 'b', 'a']);
    log.note([]);
    log.note(['c']);
    expect(log.since(0)).toEqual({ seq: 2, documentIds: ['a', 'b', 'c'], everything: false });
    expect(log.since(1)).toEqual({ seq: 2, documentIds: ['c'], everything: false });
    expect(log.since(2)).toEqual({ seq: 2, documentIds: [], everything: false });
  });

  it('a pull that changed only library-wide records moves the number on with no documents', () => {
    const log = new ArrivalLog();
    log.note(['a']);
    log.note([], true);
    expect(log.since(1)).toEqual({ seq: 2, documentIds: [], everything: false });
    log.note([], false);
    expect(log.since(2)).toEqual({ seq: 2, documentIds: [], everything: false });
  });

  it('a number from another run of the app, or older than the pulls kept, asks for everything', () => {
    const log = new ArrivalLog();
    log.note(['a']);
    expect(log.since(7).everything).toBe(true);
    for (let pull = 0; pull < 250; pull++) log.note([`d${pull}`]);
    expect(log.since(1)).toMatchObject({ seq: 251, everything: true });
    expect(log.since(250)).toEqual({ seq: 251, documentIds: ['d249'], everything: false });
  });
});
