/** Validation of the library timeline's arguments: the filters, a limit, and an answer to "did it happen?". */
import { z } from 'zod';
import type { TimelineMethods } from '../contract';
import { id, isoDate, type SchemasOf } from './common';

export const timelineSchemas: SchemasOf<TimelineMethods> = {
  getLibraryTimeline: z
    .object({
      collection: id.nullable().optional(),
      actor: z.string().min(1).max(300).nullable().optional(),
      from: isoDate.nullable().optional(),
      to: isoDate.nullable().optional(),
      toCheck: z.boolean().optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    })
    .strict()
    .refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'the range must start before it ends',
      path: ['to'],
    }),
  answerTimelineEvent: z
    .object({
      key: z.string().min(1).max(5000),
      outcome: z.enum(['happened', 'did-not-happen', 'unknown']),
    })
    .strict(),
};
