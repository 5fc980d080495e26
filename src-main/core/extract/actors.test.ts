import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { lookupCountry } from './countries';
import { dedupeRoles } from './role-text';
import type { Actor } from './types';

function actors(text: string): Actor[] {
  return extract(text, { referenceDate: '2024-01-22' }).actors;
}

function find(list: Actor[], name: string): Actor | undefined {
  return list.find((a) => a.name === name);
}

const DEMONYMS: [string, string | null][] = [
  ['North Korean', 'North Korea'],
  ['Chinese', 'China'],
  ['Russian', 'Russia'],
  ['American', 'United States'],
  ['Americans', 'United States'],
  ['British', 'United Kingdom'],
  ['Korea', 'South Korea'],
  ['US', 'United States'],
  ['us', null],
  ['Latin America', null],
  ['Norwegian', 'Norway'],
  ['Iraqis', 'Iraq'],
];

describe('country gazetteer', () => {
  it.each(DEMONYMS)('%s -> %s', (phrase, country) => {
    expect(lookupCountry(phrase)?.name ?? null).toBe(country);
  });

  it('merges a country with its adjective and counts each mention', () => {
    const list = actors('Chinese officials met Japan. China said the US-China talks helped.');
    expect(find(list, 'China')?.aliases).toContain('Chinese');
    expect(find(list, 'China')?.mentions).toHaveLength(3);
    expect(find(list, 'United States')).toBeDefined();
  });
});

describe('actor merging', () => {
  const text =
    'Russian President Vladimir Putin arrived. President Putin spoke. Putin left. ' +
    'General Secretary Kim Jong-un met him on President Kim Il-sung’s birthday. Later General Secretary Kim said more. ' +
    'Secretary General Kim agreed.';
  const list = actors(text);

  it('gives one actor per person with every surface form as an alias', () => {
    const putin = find(list, 'Vladimir Putin');
    expect(putin?.aliases).toEqual(
      expect.arrayContaining(['Russian President Vladimir Putin', 'President Putin', 'Putin']),
    );
    expect(putin?.mentions).toHaveLength(3);
  });

  it('resolves a bare surname by the title it carries', () => {
    expect(find(list, 'Kim Jong-un')?.mentions).toHaveLength(3);
    expect(find(list, 'Kim Il-sung')?.mentions).toHaveLength(1);
  });

  it('types government-seat metonyms and world bodies as organisations', () => {
    const orgs = actors('The Kremlin said the UN Security Council and NATO must act.').filter(
      (a) => a.type === 'organization',
    );
    expect(orgs.map((a) => a.name)).toEqual(['Kremlin', 'UN Security Council', 'NATO']);
  });

  it('merges an organisation with its short form', () => {
    const list2 = actors('Nimbus Semiconductor reported revenue. Nimbus said demand was strong.');
    expect(find(list2, 'Nimbus Semiconductor')?.mentions).toHaveLength(2);
  });
});

const ROLES: [string, string, string[]][] = [
  [
    'Park Won-gon, a professor at Ewha Womans University, said so.',
    'Park Won-gon',
    ['professor at Ewha Womans University'],
  ],
  [
    'Liu Jianchao, head of the liaison department of the Communist Party of China, met him.',
    'Liu Jianchao',
    ['head of the liaison department of the Communist Party of China'],
  ],
  ['North Korean Ambassador to China Ri Ryong-nam attended.', 'Ri Ryong-nam', ['North Korean Ambassador to China']],
  ['Chief executive Maria Delgado told analysts.', 'Maria Delgado', ['Chief executive']],
  ['Its chief financial officer, Kenji Watanabe, will leave.', 'Kenji Watanabe', ['chief financial officer']],
  ['Mark Jones is a journalist for News Daily.', 'Mark Jones', ['journalist for News Daily']],
  ['Mr. John Smith arrived.', 'John Smith', []],
];

describe('roles', () => {
  it.each(ROLES)('%s', (text, name, roles) => {
    expect(find(actors(text), name)?.roles).toEqual(roles);
  });

  it('keeps the fuller of overlapping titles', () => {
    expect(dedupeRoles(['President', 'Russian President', 'General Secretary', 'Secretary General'])).toEqual([
      'Russian President',
      'General Secretary',
    ]);
  });

  it('finds the organisation inside a title', () => {
    const list = actors('North Korean Workers’ Party General Secretary Kim Jong-un spoke.');
    expect(find(list, 'North Korean Workers’ Party')?.type).toBe('organization');
    expect(find(list, 'North Korea')?.type).toBe('country');
  });
});

describe('offsets', () => {
  it('reports mentions as UTF-16 offsets into the text', () => {
    const text = '😀 Japan and China.';
    const japan = find(actors(text), 'Japan');
    const m = japan?.mentions[0];
    expect(m && text.slice(m.start, m.end)).toBe('Japan');
  });
});
