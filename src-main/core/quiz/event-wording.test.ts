import { describe, expect, it } from 'vitest';
import { plainPastEvent } from './event-wording';

describe('which events may be set against another article in time', () => {
  it('keeps a plain report of something done by someone named', () => {
    expect(plainPastEvent('The harbour council approved the northern breakwater')).toBe(true);
    expect(plainPastEvent('Mayor Ines Duarte opened the new ferry terminal')).toBe(true);
  });

  it('leaves out a choice whose subject is only a pronoun: alone beside another article it names no one', () => {
    expect(plainPastEvent('He handed the firm over to his partner')).toBe(false);
    expect(plainPastEvent('She founded the clinic with two colleagues')).toBe(false);
    expect(plainPastEvent('They signed the agreement in the capital')).toBe(false);
  });

  it('leaves out a clause with no subject at all', () => {
    expect(plainPastEvent('Given to the museum by his widow')).toBe(false);
    expect(plainPastEvent('Arrested at his home by detectives')).toBe(false);
  });
});
