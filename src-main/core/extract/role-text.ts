/** Role string helpers: token sets for comparing titles and de-duplicating a person's roles. */

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'at', 'for', 'in', 'and', 's']);

/** Lower-case content words of a role or title ("General Secretary" and "Secretary General" give the same set). */
export function roleTokens(role: string): Set<string> {
  const words = role
    .toLowerCase()
    .replace(/[’']s?\b/g, ' ')
    .split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((w) => w !== '' && !STOP.has(w)));
}

// "who became minister of industry": the relative clause's opening words are not part of the office.
const RELATIVE_LEAD =
  /^(?:who|which|that)\s+(?:is|was|became|becomes|serves as|served as|remains|remained)\s+(?:(?:a|an|the)\s+)?/;
const FUNCTION_END = /\s(?:of|the|a|an|and|or|to|for|in|at|on|with|by|from)$/i;

/**
 * The role as an office, or null when what was captured is no role: a phrase cut off before its object ("King of"),
 * or a lone abbreviated title ("Gen.") that says a rank without naming it.
 */
export function wholeRole(role: string): string | null {
  const r = role.trim().replace(RELATIVE_LEAD, '');
  if (r === '' || FUNCTION_END.test(r) || /^(?:who|which|that|and|or|but)\b/.test(r)) return null;
  if (!/\s/.test(r) && /\.$/.test(r)) return null;
  return r;
}

/** Roles without case duplicates or roles whose words all appear in a longer one ("President" in "Russian President"). */
export function dedupeRoles(roles: string[]): string[] {
  const sorted = [...new Set(roles.map(wholeRole).filter((r): r is string => r !== null))].sort(
    (a, b) => roleTokens(b).size - roleTokens(a).size,
  );
  const kept: string[] = [];
  for (const r of sorted) {
    const toks = roleTokens(r);
    const covered = kept.some((k) => {
      const kt = roleTokens(k);
      return [...toks].every((t) => kt.has(t));
    });
    if (!covered) kept.push(r);
  }
  return kept;
}
