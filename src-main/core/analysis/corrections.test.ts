import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../extract/types';
import { applyCorrections, confirmKey, emptyCorrections, findPhrase } from './corrections';

const text = 'President Ana Silva met Carlos Reis in Lisbon. Silva said Reis and Portugal agreed. Acme Corp denied it.';

function span(phrase: string, nth = 0) {
  const spans = findPhrase(text, phrase);
  const found = spans[nth];
  if (!found) throw new Error(`no ${phrase}`);
  return found;
}

const result: ExtractionResult = {
  engineVersion: 't',
  referenceDate: null,
  referenceDateInference: { value: null, source: 'none', evidence: [], anchor: null },
  actors: [
    {
      id: 'ana-silva',
      name: 'Ana Silva',
      type: 'person',
      aliases: ['Silva', 'Reis'],
      roles: ['President'],
      mentions: [span('Ana Silva'), span('Silva', 1), span('Reis', 1)],
    },
    { id: 'carlos-reis', name: 'Carlos Reis', type: 'person', aliases: [], roles: [], mentions: [span('Carlos Reis')] },
    { id: 'portugal', name: 'Portugal', type: 'country', aliases: [], roles: [], mentions: [span('Portugal')] },
  ],
  dates: [
    {
      text: 'x',
      start: 0,
      end: 1,
      value: '2024',
      precision: 'year',
      event: 'met',
      eventSpan: { start: 0, end: 10 },
      actors: ['Carlos Reis', 'Ana Silva'],
      status: 'past',
    },
  ],
};

describe('applyCorrections', () => {
  it('changes nothing without corrections', () => {
    expect(applyCorrections(text, result, emptyCorrections())).toEqual(result);
  });

  it('renames an actor, keeping the old name as an alias and following it in dates', () => {
    const out = applyCorrections(text, result, { ...emptyCorrections(), renames: { 'carlos-reis': 'Carlos A. Reis' } });
    expect(out.actors[1]).toMatchObject({ name: 'Carlos A. Reis', aliases: ['Carlos Reis'] });
    expect(out.dates[0]?.actors).toEqual(['Carlos A. Reis', 'Ana Silva']);
  });

  it('splits a wrongly merged alias out with its mentions, then merges it where it belongs', () => {
    const out = applyCorrections(text, result, {
      ...emptyCorrections(),
      splits: [{ actor: 'ana-silva', alias: 'Reis', type: 'person' }],
      merges: [{ from: 'user:reis', into: 'carlos-reis' }],
    });
    const ana = out.actors.find((actor) => actor.id === 'ana-silva');
    const carlos = out.actors.find((actor) => actor.id === 'carlos-reis');
    expect(ana?.aliases).toEqual(['Silva']);
    expect(ana?.mentions).toHaveLength(2);
    expect(carlos?.aliases).toEqual(['Reis']);
    expect(carlos?.mentions).toEqual([span('Carlos Reis'), span('Reis', 1)]);
    expect(out.actors.some((actor) => actor.id === 'user:reis')).toBe(false);
  });

  it('adds an actor from a selection with every mention of it, and removes a false one', () => {
    const out = applyCorrections(text, result, {
      ...emptyCorrections(),
      added: [{ name: 'Acme Corp', type: 'organization', role: 'supplier' }],
      removed: ['portugal'],
    });
    expect(out.actors.find((actor) => actor.name === 'Acme Corp')).toMatchObject({
      type: 'organization',
      roles: ['supplier'],
      mentions: [span('Acme Corp')],
    });
    expect(out.actors.some((actor) => actor.id === 'portugal')).toBe(false);
  });

  it('fixes a date value by its span', () => {
    const out = applyCorrections(text, result, { ...emptyCorrections(), dateValues: { '0-1': '2023-05' } });
    expect(out.dates[0]?.value).toBe('2023-05');
  });

  it('drops a role the reader says an actor does not hold, and takes out a wrong date mention', () => {
    const out = applyCorrections(text, result, {
      ...emptyCorrections(),
      droppedRoles: [{ actor: 'ana-silva', role: 'President' }],
      removedDates: ['0-1'],
    });
    expect(out.actors.find((actor) => actor.id === 'ana-silva')?.roles).toEqual([]);
    expect(out.dates).toEqual([]);
  });

  it('applies corrections stored before dropped roles and removed dates existed', () => {
    const { droppedRoles: _roles, removedDates: _dates, ...older } = emptyCorrections();
    expect(applyCorrections(text, result, { ...older, removed: ['portugal'] }).actors.map((actor) => actor.id)).toEqual(
      ['ana-silva', 'carlos-reis'],
    );
  });
});

describe('confirming what the engine flagged', () => {
  const check = { level: 'check' as const, reasons: ['unsure'] };
  const flagged: ExtractionResult = {
    ...result,
    actors: result.actors.map((a) => ({
      ...a,
      confidence: check,
      roleConfidence: Object.fromEntries(a.roles.map((r) => [r, check])),
    })),
    dates: result.dates.map((d) => ({ ...d, confidence: check })),
  };

  it('makes a confirmed actor, role or date sure, and leaves the others flagged', () => {
    const out = applyCorrections(text, flagged, {
      ...emptyCorrections(),
      confirmed: [
        confirmKey({ actor: 'carlos-reis' }),
        confirmKey({ actor: 'ana-silva', role: 'President' }),
        confirmKey({ start: 0, end: 1 }),
      ],
    });
    expect(out.actors.map((a) => a.confidence?.level)).toEqual(['check', 'sure', 'check']);
    expect(out.actors[0]?.roleConfidence?.President?.level).toBe('sure');
    expect(out.dates[0]?.confidence?.level).toBe('sure');
  });

  it('counts a rename and a typed date value as the reader having checked them', () => {
    const out = applyCorrections(text, flagged, {
      ...emptyCorrections(),
      renames: { portugal: 'Portuguese Republic' },
      dateValues: { '0-1': '2023' },
    });
    expect(out.actors[2]?.confidence?.level).toBe('sure');
    expect(out.dates[0]?.confidence?.level).toBe('sure');
  });
});
