import { describe, expect, it } from 'vitest';
import { swapOf } from './statement-swap';

describe('swapOf', () => {
  it('finds the words put in, widened to whole words, with the text either side', () => {
    expect(swapOf('Berg met Sousa in Oslo.', 'Berg met Sousa in Lisbon.')).toEqual({
      inserted: 'Oslo',
      before: 'Berg met Sousa in ',
      after: '.',
    });
    // Only "Jan" differs from "Mar", but the swap is the whole word.
    expect(swapOf('It opened in January 2024.', 'It opened in March 2024.')?.inserted).toBe('January');
  });

  it('is null for the sentence as written', () => {
    expect(swapOf('Berg met Sousa.', 'Berg met Sousa.')).toBeNull();
  });
});
