/** Role string helpers: token sets for comparing titles and de-duplicating a person's roles. */

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'at', 'for', 'in', 'and', 's']);

/** Lower-case content words of a role or title ("General Secretary" and "Secretary General" give the same set). */
export function roleTokens(role: string): Set<string> {
  const words = role.toLowerCase().replace(/[’']s?\b/g, ' ').split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((w) => w !== '' && !STOP.has(w)));
}

/** Roles without case duplicates or roles whose words all appear in a longer one ("President" in "Russian President"). */
export function dedupeRoles(roles: string[]): string[] {
  const sorted = [...new Set(roles.map((r) => r.trim()).filter((r) => r !== ''))]
    .sort((a, b) => roleTokens(b).size - roleTokens(a).size);
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
