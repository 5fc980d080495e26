import { describe, expect, it } from 'vitest';
import { cardForMissed } from './missed-card';
import type { QuizItem } from './types';

const evidence = { start: 0, end: 10, text: 'A sentence.' };
const item = (label: string, match?: string): QuizItem => ({
  id: label,
  label,
  evidence,
  support: label,
  ...(match ? { match } : {}),
});

describe('cardForMissed', () => {
  it('puts the names to match on the front of a match card, and the pairs on the back', () => {
    const card = cardForMissed({
      answerType: 'pairs',
      prompt: 'Match each name to the role the article gives it.',
      answer: 'Putin: President; Choe: Foreign Minister',
      choices: ['Foreign Minister', 'President'],
      items: [item('Putin', 'President'), item('Choe', 'Foreign Minister')],
    });
    expect(card.front).toBe('Match each name to the role the article gives it.\n\n• Putin\n• Choe');
    expect(card.back).toBe('Putin: President\nChoe: Foreign Minister');
  });

  it('lists a timeline’s events on the front as they were shown, and in order on the back', () => {
    const card = cardForMissed({
      answerType: 'order',
      prompt: 'Put these in order.',
      answer: 'A → B',
      choices: ['B', 'A'],
      items: [item('A'), item('B')],
    });
    expect(card.front).toBe('Put these in order.\n\n• B\n• A');
    expect(card.back).toBe('1. A\n2. B');
  });

  it('keeps the evidence sentence off the back: the card’s source shows it once', () => {
    const card = cardForMissed({
      answerType: 'date',
      prompt: 'When was the vote?',
      answer: 'March 15–17, 2024',
      choices: [],
      items: undefined,
    });
    expect(card).toEqual({ front: 'When was the vote?', back: 'March 15–17, 2024' });
  });
});
