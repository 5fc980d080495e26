/** Every JSON file under a folder (backups included), and whether each parses: the "nothing half-written" check. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface JsonCheck {
  files: number;
  unparsable: string[];
}

export function checkJsonFiles(dir: string): JsonCheck {
  const result: JsonCheck = { files: 0, unparsable: [] };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const file = path.join(entry.parentPath, entry.name);
    result.files++;
    try {
      JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      result.unparsable.push(path.relative(dir, file));
    }
  }
  return result;
}
