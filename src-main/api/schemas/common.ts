/** The pieces the validation schemas of several areas share: ids, dates, offsets, colours, tags, stored selectors. */
import { z } from 'zod';
import { MAX_IMPORT_CHARS } from '../contract';

/** One area's schemas: one per method of its part of the contract, each parsing to that method's input. */
export type SchemasOf<Methods extends { [M in keyof Methods]: { input: unknown } }> = {
  [M in keyof Methods]: z.ZodType<Methods[M]['input']>;
};

export const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'not a calendar date',
  );
export const shortText = (max: number) => z.string().max(max);
export const empty = z.object({}).strict();
export const offset = z.number().int().nonnegative().max(MAX_IMPORT_CHARS);
export const color = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export const note = z.string().max(100_000);
export const tags = z.array(z.string().trim().min(1).max(60)).max(50);
export const isoTimestamp = z
  .string()
  .max(40)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a timestamp');
/** A stored passage: the W3C position and quote selectors highlights and cards keep. */
export const storedSelectors = z.tuple([
  z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
  z
    .object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1).max(MAX_IMPORT_CHARS),
      prefix: z.string().max(64),
      suffix: z.string().max(64),
    })
    .strict(),
]);
