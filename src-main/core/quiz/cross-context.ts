/**
 * The articles a quiz across articles draws on: each with its title, its printed publication date and its analysis
 * (what the engine is sure of or the reader confirmed, see askable.ts) read into a question context. Pure.
 */
import type { ExtractionResult } from '../extract/types';
import { askableOnly } from './askable';
import { buildContext, type ArticleContext } from './context';
import { dateLabel, parseDateValue } from './date-value';
import type { QuizPool } from './types';

export interface CrossDocument {
  id: string;
  title: string;
  /** The publication date the document carries (YYYY-MM-DD), or null: an undated article is never compared in time. */
  published: string | null;
  text: string;
  analysis: ExtractionResult;
}

export interface CrossArticle {
  doc: CrossDocument;
  /** The context of what may be asked (askable items only). */
  ctx: ArticleContext;
}

/** Contexts for each document, in the given order. */
export function crossArticles(docs: readonly CrossDocument[], seed: string, pool?: QuizPool): CrossArticle[] {
  return docs.map((doc) => ({
    doc,
    ctx: buildContext(doc.text, askableOnly(doc.analysis), { seed: `${seed}:${doc.id}`, ...(pool ? { pool } : {}) }),
  }));
}

/** A full day's date ("2024-03-02") as people write it ("March 2, 2024"); null for anything less. */
export function publishedLabel(published: string | null): string | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return null;
  const parts = parseDateValue(published);
  return parts ? dateLabel(parts) : null;
}
