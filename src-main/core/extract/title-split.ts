/** Splits "North Korean Ambassador to China Ri Ryong-nam" into a title (with its orgs) and a person's name. */
import { orgMention, personMention, type SentenceContext, surfaceOf } from './sentence-context';
import { lookupCountry } from './countries';
import { isCommonWord, isFunctionWord, isPlaceName, isVerbLikeFunctionWord } from './lexicon';
import type { RawMention } from './mentions';
import { isNamedOrganization, isOrgHead } from './organizations';
import { isTitleCore, isTitleModifier } from './titles';

const COMPLEMENT_LINKS = new Set(['to', 'of', 'for', 'the', '-', '&']);

// The index after a title's complement ("to China", "of State"), or the index just after the core.
function complementEnd(ctx: SentenceContext, core: number, to: number): number {
  let j = core + 1;
  if (!/^(to|of|for)$/.test(ctx.tokens[j]?.lower ?? '')) return j;
  j++;
  while (j < to - 1) {
    const tk = ctx.tokens[j];
    if (!tk) break;
    const country = lookupCountry(surfaceOf(ctx, j, Math.min(j + 2, to)));
    if (country && j + 2 < to) j += 2;
    else if (COMPLEMENT_LINKS.has(tk.lower) || lookupCountry(tk.text) || isCommonWord(tk.text) || isOrgHead(tk.text))
      j++;
    else break;
  }
  return j;
}

function lastCoreIndex(ctx: SentenceContext, from: number, to: number): number {
  for (let k = to - 2; k >= from; k--) {
    const tk = ctx.tokens[k];
    if (tk?.isWord && isTitleCore(tk.text)) return k;
  }
  return -1;
}

/** Person (and embedded organisations) when the chunk is title + name; null when it has no such shape. */
export function splitTitle(ctx: SentenceContext, from: number, to: number): RawMention[] | null {
  const core = lastCoreIndex(ctx, from, to);
  if (core < 0) return null;
  let nameFrom = complementEnd(ctx, core, to);
  // "Dr. Nicola Fox": the abbreviation's period belongs to the title.
  if (ctx.tokens[nameFrom]?.text === '.') nameFrom++;
  const nameTokens = ctx.tokens.slice(nameFrom, to).filter((tk) => tk.isWord);
  if (nameTokens.length === 0 || nameTokens.length > 4) return null;
  // A copula or modal after the given name is a family name ("Otieno Were"); trim() kept it only there.
  const functionWord = (tk: (typeof nameTokens)[number], k: number): boolean =>
    isFunctionWord(tk.text) && !(k > 0 && isVerbLikeFunctionWord(tk.text));
  if (nameTokens.some((tk, k) => !tk.isCap || functionWord(tk, k) || lookupCountry(tk.text))) return null;
  const title = ctx.tokens.slice(from, nameFrom);
  const out: RawMention[] = [personMention(ctx, nameFrom, to, title)];
  const org = embeddedOrg(ctx, from, core);
  if (org) out.push(org);
  return out;
}

// "North Korean Workers’ Party General Secretary" holds the party; "Apple CEO" holds the company.
function embeddedOrg(ctx: SentenceContext, from: number, core: number): RawMention | null {
  for (let h = core - 1; h > from; h--) {
    const tk = ctx.tokens[h];
    if (tk && /^(party|ministry|council|committee|office|university|bank|corp|inc)$/i.test(tk.text)) {
      return orgMention(ctx, from, h + 1, false);
    }
  }
  let end = from;
  while (end < core) {
    const tk = ctx.tokens[end];
    if (!tk || isTitleCore(tk.text) || isTitleModifier(tk.text)) break;
    end++;
  }
  if (end === from) return null;
  const text = surfaceOf(ctx, from, end);
  if (lookupCountry(text) || isPlaceName(text)) return null;
  const words = ctx.tokens.slice(from, end).filter((tk) => tk.isWord);
  const unknown = words.every((tk) => tk.isCap && !isCommonWord(tk.text) && !lookupCountry(tk.text));
  return isNamedOrganization(text) || unknown ? orgMention(ctx, from, end, false) : null;
}
