import { describe, expect, it } from 'vitest';
import { extract } from './extract';
import { needsCheck, withConfidence } from './confidence';
import type { Actor, DateMention, ExtractionResult } from './types';

// Invented sentences: each case is a kind of doubt, never a name from a labelled article.
function at(text: string, phrase: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`no “${phrase}”`);
  return { start, end: start + phrase.length };
}

function actor(text: string, name: string, type: Actor['type'], extra: Partial<Actor> = {}, mentions = 1): Actor {
  return {
    id: name.toLowerCase(),
    name,
    type,
    aliases: [],
    roles: [],
    mentions: Array.from({ length: mentions }, (_, i) => at(text, name, i)),
    ...extra,
  };
}

function date(text: string, phrase: string, value: string, precision: DateMention['precision'] = 'day'): DateMention {
  const span = at(text, phrase);
  return { ...span, text: phrase, value, precision, event: '', eventSpan: span, actors: [], status: 'past' };
}

function result(
  actors: Actor[],
  dates: DateMention[],
  given: string | null,
  anchor: string | null = given,
): ExtractionResult {
  return {
    engineVersion: 't',
    referenceDate: given,
    referenceDateInference: {
      value: given,
      source: given ? 'given' : anchor ? 'inferred' : 'none',
      evidence: [],
      anchor,
    },
    actors,
    dates,
  };
}

describe('confidence of actors', () => {
  it('flags a one-word organisation that never says or does anything, not one that acts', () => {
    const text =
      'Climbers reached Tornfell at dawn. Later, Brightwave said it would sponsor the next trip. Brightwave’s team agreed.';
    const out = withConfidence(
      text,
      result([actor(text, 'Tornfell', 'organization'), actor(text, 'Brightwave', 'organization', {}, 2)], [], null),
    );
    expect(out.actors[0]?.confidence).toMatchObject({ level: 'check' });
    expect(out.actors[0]?.confidence?.reasons[0]).toMatch(/never says or does anything/);
    expect(out.actors[1]?.confidence).toEqual({ level: 'sure', reasons: [] });
  });

  it('flags a name that the text also uses as an ordinary word', () => {
    const text = 'Copper rose again. Traders said copper would keep rising.';
    const out = withConfidence(text, result([actor(text, 'Copper', 'organization')], [], null));
    expect(out.actors[0]?.confidence?.reasons[0]).toMatch(/ordinary word/);
  });

  it('flags a one-word name only ever met at the start of a sentence, unless it has a role or other names', () => {
    const text = 'Overall the vote was close. Overall turnout fell.';
    const alone = withConfidence(text, result([actor(text, 'Overall', 'person', {}, 2)], [], null));
    expect(needsCheck(alone.actors[0]?.confidence)).toBe(true);
    const text2 = 'Halvorsen spoke first. Halvorsen, the chair, closed the meeting.';
    const withRole = withConfidence(
      text2,
      result([actor(text2, 'Halvorsen', 'person', { roles: ['chair'] }, 2)], [], null),
    );
    expect(needsCheck(withRole.actors[0]?.confidence)).toBe(false);
  });

  it('flags a person named once by one name with nothing else said, and trusts full names, acronyms and countries', () => {
    const text = 'The crowd cheered for Okafor. Mira Lindqvist of the IMF spoke in Norway.';
    const out = withConfidence(
      text,
      result(
        [
          actor(text, 'Okafor', 'person'),
          actor(text, 'Mira Lindqvist', 'person'),
          actor(text, 'IMF', 'organization'),
          actor(text, 'Norway', 'country'),
        ],
        [],
        null,
      ),
    );
    expect(out.actors.map((a) => a.confidence?.level)).toEqual(['check', 'sure', 'sure', 'sure']);
  });
});

describe('confidence of roles', () => {
  it('trusts titles and jobs, hyphenated or with an owner, and flags what is not one', () => {
    const text = 'x';
    const roles = [
      'Foreign Minister',
      'director-general of the agency',
      'the firm’s investigator-in-charge',
      'chief executive since 2019',
      'veteran politicians',
      'told reporters',
    ];
    const out = withConfidence(text, result([{ ...actor('x x', 'x', 'person'), roles }], [], null));
    const levels = roles.map((r) => out.actors[0]?.roleConfidence?.[r]?.level);
    expect(levels).toEqual(['sure', 'sure', 'sure', 'sure', 'check', 'check']);
  });

  it('flags a role read across a quotation or a paragraph break', () => {
    const roles = ['spokesman\n\nThe minister', 'adviser “who'];
    const out = withConfidence('x', result([{ ...actor('x x', 'x', 'person'), roles }], [], null));
    for (const r of roles)
      expect(out.actors[0]?.roleConfidence?.[r]?.reasons.join(' ')).toMatch(/quotation or a paragraph break/);
  });
});

describe('confidence of dates', () => {
  const text =
    'On Friday the port closed. The next day it reopened. Last year sales fell. Last month they rose. At 7pm it rained. On May 3, 2021 it was sunny.';
  const dates = (given: string | null, anchor: string | null = given) =>
    withConfidence(
      text,
      result(
        [],
        [
          date(text, 'Friday', '2024-05-10'),
          date(text, 'The next day', '2024-05-11'),
          date(text, 'Last year', '2023', 'year'),
          date(text, 'Last month', '2024-04', 'month'),
          date(text, '7pm', '2024-05-10T19:00'),
          date(text, 'May 3, 2021', '2021-05-03'),
        ],
        given,
        anchor,
      ),
    ).dates.map((d) => d.confidence?.level);

  it('with a published date: flags what is counted from another date and times of day, trusts the rest', () => {
    expect(dates('2024-05-12')).toEqual(['sure', 'check', 'sure', 'sure', 'check', 'sure']);
  });

  it('without one: also flags what is counted from the unknown day, as far as the text does not pin it down', () => {
    expect(dates(null, '2024')).toEqual(['check', 'check', 'sure', 'check', 'check', 'sure']);
    expect(dates(null, '2024-05')).toEqual(['check', 'check', 'sure', 'sure', 'check', 'sure']);
    expect(dates(null, null)).toEqual(['check', 'check', 'check', 'check', 'check', 'sure']);
  });

  it('leaves a value with unknown parts sure: it says no more than the text', () => {
    const t = 'Pay rises start on May 25.';
    const out = withConfidence(t, result([], [date(t, 'May 25', 'XXXX-05-25')], null, null));
    expect(out.dates[0]?.confidence?.level).toBe('sure');
  });
});

describe('the engine', () => {
  it('gives every actor, role and date a confidence', () => {
    const text =
      'Foreign Minister Ana Pereira of Portugal met the IMF on Monday, March 4, 2024. Pereira said talks would resume next week.';
    const out = extract(text, { referenceDate: '2024-03-05' });
    expect(out.actors.length).toBeGreaterThan(0);
    for (const a of out.actors) {
      expect(a.confidence?.level).toMatch(/^(sure|check)$/);
      for (const r of a.roles) expect(a.roleConfidence?.[r]?.level).toMatch(/^(sure|check)$/);
    }
    for (const d of out.dates) expect(d.confidence?.level).toMatch(/^(sure|check)$/);
  });
});
