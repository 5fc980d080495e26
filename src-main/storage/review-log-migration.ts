/**
 * Converting an old `reviews.json` (one JSON document, `{schemaVersion, reviews: [...]}`, 536 MB for a million reviews)
 * into the segmented log (review-segments.ts), once, as the card store opens. The file is read a megabyte at a time
 * and each review element is cut out and parsed alone, so the whole document is never one string. The segments are
 * written into a hidden `.reviews-migrating/` folder, read back and counted, then renamed to `reviews/` (the commit
 * point); only then is `reviews.json` removed. A crash before the rename leaves `reviews.json` untouched and the hidden
 * folder is redone at the next start; a crash after it leaves both, and the old file is removed then.
 */
import { access, mkdir, open, rename, rm, readdir } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { ReviewRecord } from '../core/cards/card';
import { LectioError } from '../core/errors';
import { REVIEWS_SCHEMA_VERSION } from './card-file-schemas';
import { reviewRecordSchema } from './card-file-schemas';
import { fsyncDir } from './durable-file';
import { REVIEWS_FOLDER, SegmentLog, SEGMENT_CAP, type LogPosition } from './review-segments';

export const LEGACY_REVIEWS_FILE = 'reviews.json';
export const MIGRATING_FOLDER = '.reviews-migrating';

/** The legacy file is not a good review log: the caller moves it aside and restores it like any corrupt file. */
export function corruptLegacy(file: string, why: string): LectioError {
  return new LectioError('corrupt-file', `${path.basename(file)} is damaged: ${why}`, { details: { file } });
}

/**
 * Calls `onReview` with each element of the `reviews` array of `file`, in order, parsing one element at a time.
 * Throws the 'corrupt-file' error when the file is not a whole review log, and the 'newer-schema' error for a newer one.
 */
export async function streamLegacyReviews(
  file: string,
  onReview: (record: ReviewRecord) => Promise<void> | void,
): Promise<number> {
  const handle = await open(file, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(1024 * 1024);
  let depth = 0;
  let inString = false;
  let escaped = false;
  let lastString = '';
  let stringStart = -1;
  let key = '';
  let inReviews = false;
  let reviewsDone = false;
  let element: string[] = [];
  let elementFrom = -1;
  let scalar = '';
  let version: number | null = null;
  let count = 0;
  let ended = false;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      const text = bytesRead === 0 ? decoder.end() : decoder.write(buffer.subarray(0, bytesRead));
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (ended && c > 32) throw corruptLegacy(file, 'text after the end of the document');
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) {
            inString = false;
            if (depth === 1 && stringStart >= 0) lastString = text.slice(stringStart, i);
          }
          continue;
        }
        if (c === 34) {
          inString = true;
          stringStart = depth === 1 ? i + 1 : -1;
          continue;
        }
        if (depth === 1 && key === 'schemaVersion' && c !== 58) {
          if (c === 44 || c === 125) {
            version = Number(scalar.trim());
            key = '';
            scalar = '';
          } else scalar += text[i];
        }
        if (c === 58 && depth === 1) {
          key = lastString;
          scalar = '';
        } else if (c === 123 || c === 91) {
          if (depth === 1 && key === 'reviews' && c === 91) {
            inReviews = true;
          } else if (depth === 2 && inReviews && c === 123) {
            element = [];
            elementFrom = i;
          }
          depth++;
        } else if (c === 125 || c === 93) {
          depth--;
          if (depth < 0) throw corruptLegacy(file, 'unbalanced brackets');
          if (depth === 2 && inReviews && c === 125 && elementFrom >= 0) {
            element.push(text.slice(elementFrom, i + 1));
            elementFrom = -1;
            const parsed = reviewRecordSchema.safeParse(parseJson(element.join(''), file));
            if (!parsed.success) throw corruptLegacy(file, `review ${count + 1} is not a review record`);
            await onReview(parsed.data);
            count++;
          } else if (depth === 1 && inReviews && c === 93) {
            inReviews = false;
            reviewsDone = true;
          } else if (depth === 0) ended = true;
        }
      }
      if (elementFrom >= 0) {
        element.push(text.slice(elementFrom));
        elementFrom = 0;
      }
      if (bytesRead === 0) break;
    }
  } finally {
    await handle.close();
  }
  if (version !== null && version > REVIEWS_SCHEMA_VERSION) {
    throw new LectioError(
      'newer-schema',
      `${path.basename(file)} was written by a newer Lectio (schema ${version}; this version reads up to ${REVIEWS_SCHEMA_VERSION}). Update Lectio to open it.`,
      { details: { file, found: version, supported: REVIEWS_SCHEMA_VERSION } },
    );
  }
  if (!ended || !reviewsDone || version !== REVIEWS_SCHEMA_VERSION)
    throw corruptLegacy(file, 'it is not a whole review log');
  return count;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw corruptLegacy(file, 'a review is not valid JSON');
  }
}

/** Whether a path exists (any error reading its metadata counts as no). */
async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** True when the library still has an old single-file review log to convert. */
export function hasLegacyLog(dataDir: string): Promise<boolean> {
  return exists(path.join(dataDir, LEGACY_REVIEWS_FILE));
}

async function hasSegments(folder: string): Promise<boolean> {
  return (await new SegmentLog(folder).segments()).length > 0;
}

/**
 * Converts `reviews.json` into `reviews/` when there is one to convert; `onReview` sees every record with its new
 * position (the card store builds its schedule index in the same pass). Returns the number of records converted, or
 * null when there was nothing to do. Safe to call again after a crash at any point.
 */
export async function migrateLegacyLog(
  dataDir: string,
  onReview: (record: ReviewRecord, at: LogPosition) => void,
  cap = SEGMENT_CAP,
  hooks: { afterSegments?: () => void } = {},
): Promise<number | null> {
  const legacy = path.join(dataDir, LEGACY_REVIEWS_FILE);
  const folder = path.join(dataDir, REVIEWS_FOLDER);
  const staging = path.join(dataDir, MIGRATING_FOLDER);
  // Before the commit nothing in the staging folder counts: it is redone from the untouched old file.
  await rm(staging, { recursive: true, force: true });
  if (!(await exists(legacy))) return null;
  if (await hasSegments(folder)) {
    // The rename (the commit) happened and the crash came before the old file went: it is now a stale copy.
    await rm(legacy, { force: true });
    await fsyncDir(dataDir);
    return null;
  }
  const log = new SegmentLog(staging, cap);
  const pending: ReviewRecord[] = [];
  const flush = async () => {
    const records = pending.splice(0);
    const positions = await log.append(records);
    records.forEach((record, i) => onReview(record, positions[i] as LogPosition));
  };
  const count = await streamLegacyReviews(legacy, async (record) => {
    pending.push(record);
    if (pending.length >= 2000) await flush();
  });
  await flush();
  hooks.afterSegments?.();
  let readBack = 0;
  for await (const entry of log.records(undefined, new Set())) if (entry.record) readBack++;
  if (readBack !== count) throw corruptLegacy(legacy, `${readBack} of ${count} reviews were read back`);
  // An empty log still gets its folder, so the commit below is the same step whatever the size.
  await mkdir(staging, { recursive: true });
  await fsyncDir(staging);
  // An old backup restored over a segmented library leaves reviews/ without segments (they were moved aside or
  // removed): an empty one is replaced, one holding moved-aside copies is kept beside it under another name.
  if (await exists(folder)) {
    if ((await readdir(folder)).length === 0) await rm(folder, { recursive: true });
    else await rename(folder, `${folder}.before-migration-${Date.now()}`);
  }
  await rename(staging, folder);
  await fsyncDir(dataDir);
  await rm(legacy, { force: true });
  await fsyncDir(dataDir);
  return count;
}
