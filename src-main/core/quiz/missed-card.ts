/**
 * A basic flashcard for a missed quiz question. The front must be answerable on its own, so a match question lists the
 * names to pair and a timeline the events to order; the back holds only the answer, since the Review screen shows the
 * evidence sentence from the card's source (putting it on the back too showed the same sentence twice).
 */
import type { Question } from './types';

export interface MissedCard {
  front: string;
  back: string;
}

const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');

export function cardForMissed(
  question: Pick<Question, 'answerType' | 'prompt' | 'answer' | 'choices' | 'items'>,
): MissedCard {
  const items = question.items ?? [];
  if (question.answerType === 'pairs' && items.length > 0) {
    return {
      front: `${question.prompt}\n\n${bullets(items.map((item) => item.label))}`,
      back: items.map((item) => `${item.label}: ${item.match ?? ''}`).join('\n'),
    };
  }
  if (question.answerType === 'order' && items.length > 0) {
    // The choices are the events as the quiz showed them, shuffled; the items are in the right order.
    const shown = question.choices.length === items.length ? question.choices : items.map((item) => item.label);
    return {
      front: `${question.prompt}\n\n${bullets(shown)}`,
      back: items.map((item, index) => `${index + 1}. ${item.label}`).join('\n'),
    };
  }
  return { front: question.prompt, back: question.answer };
}
