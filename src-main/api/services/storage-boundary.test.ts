/**
 * The service reaches storage through its repositories only: no service file imports lowdb or a store module,
 * reads or sets a file's `.data`, calls `.write(` on one, or reaches for `storage.files`. Every write then passes
 * through a repository, which is where storage's rules live and where sync hooks in (storage/change-feed.ts). The
 * type of `ServiceDeps.storage` already leaves the files out; this check also catches a store reached some other way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVICES = __dirname;

/** What a service must not do, each with why. */
const RULES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'imports lowdb', pattern: /\bfrom\s*['"]lowdb(\/[^'"]*)?['"]|\b(import|require)\s*\(\s*['"]lowdb/ },
  {
    name: 'imports a store module',
    pattern: /['"][^'"]*\/(json-store|durable-file|per-document-store|card-store|quiz-store)['"]/,
  },
  { name: "touches a file's .data", pattern: /\.data\b/ },
  { name: 'writes a file with .write(', pattern: /\.write\s*\(/ },
  { name: "reaches storage's files", pattern: /\bstorage\s*(\(\s*\))?\s*\.\s*files\b/ },
];

/** The source with its comments blanked (kept line for line), so a comment may name what the code must not do. */
function withoutComments(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return source
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (match, before: string) => before + blank(match.slice(before.length)));
}

/** Each line of `source` that breaks a rule, as "file:line: rule: code". */
function offences(file: string, source: string): string[] {
  const found: string[] = [];
  withoutComments(source)
    .split('\n')
    .forEach((line, index) => {
      for (const rule of RULES)
        if (rule.pattern.test(line)) found.push(`${file}:${index + 1}: ${rule.name}: ${line.trim()}`);
    });
  return found;
}

const serviceFiles = readdirSync(SERVICES).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.startsWith('test-'),
);

describe('the storage boundary of the services', () => {
  it('finds the service files', () => {
    expect(serviceFiles).toEqual(
      expect.arrayContaining([
        'annotations.ts',
        'analysis.ts',
        'cards.ts',
        'card-views.ts',
        'quiz.ts',
        'search.ts',
        'settings.ts',
        'documents.ts',
      ]),
    );
  });

  it('no service imports lowdb or a store, or touches a file’s .data, .write( or storage.files', () => {
    const found = serviceFiles.flatMap((name) => offences(name, readFileSync(path.join(SERVICES, name), 'utf8')));
    expect(found).toEqual([]);
  });

  it.each([
    ["import type { Low } from 'lowdb';", 'imports lowdb'],
    ["const { Low } = await import('lowdb');", 'imports lowdb'],
    ["import { QuizStore } from '../../storage/quiz-store';", 'imports a store module'],
    ['const highlights = file.data.highlights;', "touches a file's .data"],
    ['const cached = (await storage.analysis.get(id)).data?.cache;', "touches a file's .data"],
    ['await file.write();', 'writes a file with .write('],
    ["await storage.files.annotations.update('a', change);", "reaches storage's files"],
  ])('catches %s', (code, rule) => {
    expect(offences('example.ts', `// a comment naming .data and .write( is fine\n${code}`)).toEqual([
      `example.ts:2: ${rule}: ${code}`,
    ]);
  });

  it('lets the names through where they mean something else', () => {
    const fine = [
      'const dir = storage.dataDir;',
      'const count = manifest.files.length;',
      '/* file.data in a comment */ const a = 1;',
      "const url = 'https://example.org/data';",
    ];
    expect(fine.flatMap((code) => offences('example.ts', code))).toEqual([]);
  });
});
