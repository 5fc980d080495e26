/** Cross-document actor identities, over invented names. */
import { describe, expect, it } from 'vitest';
import type { ActorType } from '../extract/types';
import {
  groupActorIdentities,
  identitiesByMember,
  memberKey,
  normaliseName,
  type DocActor,
  type LibraryActorCorrection,
} from './actor-identity';

const actor = (docId: string, name: string, kind: ActorType = 'person', aliases: string[] = [], roles: string[] = []) =>
  ({ docId, actorId: normaliseName(name).replace(/ /g, '-'), name, aliases, kind, roles }) satisfies DocActor;

/** Each identity as its sorted member keys, identities sorted: easy to compare. */
const shape = (actors: DocActor[], corrections: LibraryActorCorrection[] = []) =>
  groupActorIdentities(actors, corrections)
    .map((i) => i.members.map(memberKey).join(' + '))
    .sort();

describe('groupActorIdentities', () => {
  it('joins one person across documents by full name, whatever the case, accents and titles', () => {
    const ids = groupActorIdentities([
      actor('d1', 'Marta Quellen', 'person', ['Quellen'], ['Foreign Minister']),
      actor('d2', 'Márta Quellen', 'person', [], ['Deputy Foreign Minister']),
      actor('d3', 'Minister Marta Quellen'),
    ]);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ key: 'person:marta-quellen', kind: 'person', name: 'Marta Quellen' });
    expect(ids[0]!.roles).toEqual(['Foreign Minister', 'Deputy Foreign Minister']);
    expect(ids[0]!.aliases).toContain('Quellen');
  });

  it('joins a surname alone to the one full name it can stand for', () => {
    expect(shape([actor('d1', 'Oren Talvik'), actor('d2', 'Talvik'), actor('d3', 'President Talvik')])).toEqual([
      'd1/oren-talvik + d2/talvik + d3/president-talvik',
    ]);
  });

  it('never joins a surname alone when two people of the library carry it', () => {
    const actors = [
      actor('d1', 'John Brindle'),
      actor('d2', 'Sara Brindle'),
      actor('d3', 'Brindle'),
      actor('d4', 'Brindle'),
    ];
    expect(shape(actors)).toEqual(['d1/john-brindle', 'd2/sara-brindle', 'd3/brindle', 'd4/brindle']);
    const keys = groupActorIdentities(actors).map((i) => i.key);
    expect(new Set(keys).size).toBe(4);
  });

  it('takes the one-word names of a library with no full name for them as one', () => {
    expect(shape([actor('d1', 'Brindle'), actor('d2', 'Brindle')])).toEqual(['d1/brindle + d2/brindle']);
  });

  it('never joins two different full names sharing a surname', () => {
    expect(shape([actor('d1', 'John Brindle'), actor('d2', 'Sara Brindle')])).toHaveLength(2);
  });

  it('never joins a country and a person, or a country and an organisation, of the same name', () => {
    const ids = groupActorIdentities([
      actor('d1', 'Veldania', 'country'),
      actor('d2', 'Veldania', 'person'),
      actor('d3', 'Veldania', 'organization'),
      actor('d4', 'Veldania', 'country'),
    ]);
    expect(ids.map((i) => [i.kind, i.members.length])).toEqual(
      expect.arrayContaining([
        ['country', 2],
        ['person', 1],
        ['organization', 1],
      ]),
    );
    expect(new Set(ids.map((i) => i.key)).size).toBe(3);
  });

  it('joins countries and organisations through an alias only when it points to one other identity', () => {
    expect(
      shape([
        actor('d1', 'United Provinces of Orla', 'country', ['UPO']),
        actor('d2', 'UPO', 'country'),
        actor('d3', 'Peace Assembly', 'organization', ['PA']),
        actor('d4', 'Port Authority', 'organization', ['PA']),
        actor('d5', 'PA', 'organization'),
      ]),
    ).toEqual(['d1/united-provinces-of-orla + d2/upo', 'd3/peace-assembly', 'd4/port-authority', 'd5/pa']);
  });

  it('gives the same keys whatever the order of the documents', () => {
    const actors = [actor('d1', 'Oren Talvik'), actor('d2', 'Talvik'), actor('d3', 'Veldania', 'country')];
    const keys = (list: DocActor[]) =>
      groupActorIdentities(list)
        .map((i) => i.key)
        .sort();
    expect(keys([...actors].reverse())).toEqual(keys(actors));
  });

  it('merges across documents what the matching kept apart, and splits what it joined, in order', () => {
    const actors = [actor('d1', 'John Brindle'), actor('d2', 'Brindle'), actor('d3', 'Sara Brindle')];
    const merged: LibraryActorCorrection = {
      type: 'merge',
      a: { docId: 'd1', actorId: 'john-brindle' },
      b: { docId: 'd2', actorId: 'brindle' },
    };
    expect(shape(actors, [merged])).toEqual(['d1/john-brindle + d2/brindle', 'd3/sara-brindle']);
    const split: LibraryActorCorrection = { type: 'split', members: [{ docId: 'd2', actorId: 'brindle' }] };
    expect(shape(actors, [merged, split])).toEqual(['d1/john-brindle', 'd2/brindle', 'd3/sara-brindle']);
    // A split survives a new document that would otherwise join it back.
    const more = [...actors.slice(0, 1), actor('d2', 'Oren Talvik'), actor('d4', 'Talvik')];
    const splitTalvik: LibraryActorCorrection = { type: 'split', members: [{ docId: 'd4', actorId: 'talvik' }] };
    expect(shape(more, [splitTalvik])).toEqual(['d1/john-brindle', 'd2/oren-talvik', 'd4/talvik']);
  });

  it('keeps a split identity apart from its namesake with its own key', () => {
    const actors = [actor('d1', 'Oren Talvik'), actor('d2', 'Oren Talvik'), actor('d3', 'Oren Talvik')];
    const ids = groupActorIdentities(actors, [{ type: 'split', members: [{ docId: 'd3', actorId: 'oren-talvik' }] }]);
    expect(ids.map((i) => i.key).sort()).toEqual(['person:oren-talvik', 'person:oren-talvik~d3/oren-talvik']);
  });

  it('skips corrections naming a member no longer in the library, and merges across kinds', () => {
    const actors = [actor('d1', 'Veldania', 'country'), actor('d2', 'Oren Talvik')];
    expect(
      shape(actors, [
        { type: 'merge', a: { docId: 'd1', actorId: 'veldania' }, b: { docId: 'd2', actorId: 'oren-talvik' } },
        { type: 'merge', a: { docId: 'gone', actorId: 'x' }, b: { docId: 'd2', actorId: 'oren-talvik' } },
        { type: 'split', members: [{ docId: 'gone', actorId: 'x' }] },
      ]),
    ).toEqual(['d1/veldania', 'd2/oren-talvik']);
  });

  it('prefers the full, most used name for an identity', () => {
    const ids = groupActorIdentities([actor('d1', 'Talvik'), actor('d2', 'Talvik'), actor('d3', 'Oren Talvik')]);
    expect(ids[0]!.name).toBe('Oren Talvik');
    expect(identitiesByMember(ids).get('d2/talvik')?.key).toBe('person:oren-talvik');
  });
});
