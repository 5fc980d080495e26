/**
 * The shapes of `cards.json` (card content) and `reviews.json` (the review log), checked on every load like the
 * other data files, so a file that parses but is damaged is moved aside instead of trusted.
 */
import { z } from 'zod';
import type { ReviewRecord, StoredCard } from '../core/cards/card';

export const CARDS_SCHEMA_VERSION = 1;
export const REVIEWS_SCHEMA_VERSION = 1;

export interface CardsFile {
  schemaVersion: number;
  cards: StoredCard[];
}

export interface ReviewsFile {
  schemaVersion: number;
  reviews: ReviewRecord[];
}

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const selectors = z.tuple([
  z.object({ type: z.literal('TextPositionSelector'), ...span }),
  z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }),
]);
const color = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const grade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const storedCardSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['basic', 'cloze']),
  front: z.string(),
  back: z.string(),
  tags: z.array(z.string()),
  source: z.object({ documentId: z.string().min(1), selectors }).nullable(),
  highlightId: z.string().nullable(),
  color: color.nullable(),
  suspended: z.boolean(),
  guid: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const scheduleStateSchema = z.object({
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.enum(['New', 'Learning', 'Review', 'Relearning']),
  lastReview: z.string().nullable(),
});

const reviewRecord = z.object({
  id: z.string().min(1),
  cardId: z.string().min(1),
  grade,
  reviewedAt: z.string(),
  // Optional: review logs written before the zone was kept stay readable.
  zone: z.string().optional(),
  previous: scheduleStateSchema,
  next: scheduleStateSchema,
});

/** One review record, as the log and the card schedule index (card-schedule-index.ts) store it. */
export const reviewRecordSchema = reviewRecord;

/**
 * The same check as `schema` over `{schemaVersion, [key]: [...]}`, one element at a time: zod builds a checked copy of
 * what it parses, and a copy of 50,000 cards at once (cards.json is 50 MB in a large library) doubled the memory the
 * file takes while it opened; each element's copy is now garbage as soon as it is checked.
 */
function isFileOf(data: unknown, version: number, key: string, element: z.ZodType): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const file = data as Record<string, unknown>;
  const list = file[key];
  if (file.schemaVersion !== version || !Array.isArray(list)) return false;
  for (const item of list) if (!element.safeParse(item).success) return false;
  return true;
}

export function isCardsFile(data: unknown): data is CardsFile {
  return isFileOf(data, CARDS_SCHEMA_VERSION, 'cards', storedCardSchema);
}

export function isReviewsFile(data: unknown): data is ReviewsFile {
  return isFileOf(data, REVIEWS_SCHEMA_VERSION, 'reviews', reviewRecord);
}
