/** Validation of the settings methods' arguments: any part of the settings, each part whole. */
import { z } from 'zod';
import type { SettingsMethods } from '../contract';
import { reviewSettings } from './cards';
import { empty, type SchemasOf } from './common';

const label = z.string().trim().min(1).max(40);
const colorLabels = z.object({ '1': label, '2': label, '3': label, '4': label, '5': label }).strict();

export const settingsSchemas: SchemasOf<SettingsMethods> = {
  getSettings: empty,
  updateSettings: z
    .object({
      colorLabels: colorLabels.optional(),
      review: reviewSettings.optional(),
      reading: z
        .object({
          theme: z.enum(['system', 'light', 'dark', 'sepia']),
          font: z.enum(['serif', 'sans']),
          size: z.number().min(12).max(32),
          width: z.number().min(40).max(100),
        })
        .strict()
        .optional(),
      quiz: z.object({ autoCardOnMiss: z.boolean() }).strict().optional(),
    })
    .strict(),
};
