/**
 * A sentence as the mention classifier sees it, and the mentions built from a span of its tokens: shared by
 * classify.ts and title-split.ts, which each call the other's work and so would otherwise import each other.
 */
import type { RawMention } from './mentions';
import { isHonorific } from './titles';
import type { Token } from './tokens';

export interface SentenceContext {
  text: string;
  base: number;
  tokens: Token[];
  /** Lower-case words seen capitalised away from sentence starts anywhere in the document. */
  docCaps: Set<string>;
  /** Words seen written in lower case anywhere in the document. */
  docLower: Set<string>;
  /** Lower-case names the document uses as sports teams ("Liverpool beat Chelsea"); see sport.ts. */
  clubs?: Set<string>;
}

/** The text tokens [from, to) span, as written; '' when the span is empty. */
export function surfaceOf(ctx: SentenceContext, from: number, to: number): string {
  const a = ctx.tokens[from];
  const b = ctx.tokens[to - 1];
  return a && b ? ctx.text.slice(a.start - ctx.base, b.end - ctx.base) : '';
}

/** An organisation mention over tokens [from, to); its surface keeps a preceding "the" when `withThe`. */
export function orgMention(ctx: SentenceContext, from: number, to: number, withThe: boolean): RawMention {
  const a = ctx.tokens[from];
  const b = ctx.tokens[to - 1];
  const start = a?.start ?? 0;
  const end = b?.end ?? start;
  const name = surfaceOf(ctx, from, to);
  const prevThe = ctx.tokens[from - 1];
  const surface = withThe && prevThe ? ctx.text.slice(prevThe.start - ctx.base, end - ctx.base) : name;
  return { type: 'organization', start, end, name, surface, title: null, roles: [], partial: false };
}

/** A person mention over tokens [from, to), with the title tokens before it (a role unless only honorifics). */
export function personMention(ctx: SentenceContext, from: number, to: number, title: Token[] | null): RawMention {
  const a = ctx.tokens[from];
  const b = ctx.tokens[to - 1];
  const start = a?.start ?? 0;
  const end = b?.end ?? start;
  const name = surfaceOf(ctx, from, to);
  const t0 = title?.[0];
  const titleText = t0 ? ctx.text.slice(t0.start - ctx.base, a ? a.start - ctx.base : 0).trim() : null;
  const surface = titleText ? `${titleText} ${name}` : name;
  const roleText = titleText && !title?.every((tk) => !tk.isWord || isHonorific(tk.text)) ? titleText : null;
  return {
    type: 'person',
    start,
    end,
    name,
    surface,
    title: titleText,
    roles: roleText ? [roleText] : [],
    partial: to - from === 1,
  };
}
