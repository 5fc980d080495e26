/** Types of import-aliases.mjs (loaded by the Vite and vitest configs). */
export interface ImportAlias {
  find: RegExp;
  replacement: string;
}
export function importAliases(root: string): ImportAlias[];
