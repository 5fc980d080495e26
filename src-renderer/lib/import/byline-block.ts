/**
 * The byline a page prints at the top of its article in its own way ("Ana Costa, Chief Reporter", "Ana Costa | The
 * Harbour Times | 9 Feb 2026", "Ana Costa and Li Wei"), found by the author names its metadata gives. The engine
 * knows only the "By Ana Costa" form, so without this the author became an actor the quiz asked about. The byline's
 * names are in the document's metadata (and the Reader's header) already, so the line goes; a date in it is the
 * dateline and stays, on its own line, where the engine reads the reference date from.
 */
import type { Block, DocumentBody, Mark } from '@core/model';

/** The blocks at the top of an article where a byline may stand (after the title and a standfirst). */
const LOOK_AT = 4;
const MAX_LENGTH = 200;

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** A written date: "9 February 2026", "Feb 9, 2026", "2026-02-09", with an optional weekday and time after it. */
const DATE = new RegExp(
  String.raw`(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?(?:\d{1,2}\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?`,
  'i',
);
/** Words a byline carries besides names and a date: its label, the writer's role, joining words. */
const FILLER =
  /\b(?:by|and|with|from|in|published|updated|posted|last|on|at|staff|chief|senior|political|science|foreign|senior|special|reporter|correspondent|editor|writer|journalist|columnist|contributor|photographer|analyst)\b/gi;

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` is a byline naming one of `names`: nothing but the names, the site, a date and byline words. */
function isByline(text: string, names: readonly string[], siteName: string): boolean {
  if (text.length > MAX_LENGTH) return false;
  let rest = text;
  let named = false;
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'giu');
    if (pattern.test(rest)) named = true;
    rest = rest.replace(pattern, ' ');
  }
  if (!named) return false;
  if (siteName) rest = rest.replace(new RegExp(escape(siteName), 'gi'), ' ');
  rest = rest
    .replace(new RegExp(DATE.source, 'gi'), ' ')
    .replace(FILLER, ' ')
    .replace(/[\p{P}\p{S}\d]+/gu, ' ');
  return rest.trim() === '';
}

/** Replaces the text of block `index` by `replacement` ('' removes the block and its line), moving what follows. */
function replaceBlock(body: DocumentBody, index: number, replacement: string): DocumentBody {
  const block = body.blocks[index] as Block;
  const removing = replacement === '';
  // Removing a block takes its line break with it: the one before it, or (for the first block) the one after.
  const from = removing && block.start > 0 ? block.start - 1 : block.start;
  const to = removing && block.start === 0 && body.text[block.end] === '\n' ? block.end + 1 : block.end;
  const delta = replacement.length - (to - from);
  const move = (offset: number) => (offset >= to ? offset + delta : offset);
  const blocks: Block[] = [];
  body.blocks.forEach((other, i) => {
    if (i === index) {
      if (!removing) blocks.push(Object.assign(other, { end: other.start + replacement.length }));
      return;
    }
    // Objects are moved in place: pictures waiting for download hold their blocks by reference.
    blocks.push(Object.assign(other, { start: move(other.start), end: move(other.end) }));
  });
  const marks: Mark[] = body.marks
    .filter((mark) => mark.end <= from || mark.start >= to)
    .map((mark) => ({ ...mark, start: move(mark.start), end: move(mark.end) }));
  return { ...body, text: body.text.slice(0, from) + replacement + body.text.slice(to), blocks, marks };
}

/**
 * The body without its byline block (see above), a date in it kept as the dateline; the body itself when no block near
 * the top is a byline of `names`.
 */
export function liftByline(body: DocumentBody, names: readonly string[], siteName = ''): DocumentBody {
  const usable = names.map((name) => name.trim()).filter((name) => name.length >= 3);
  if (usable.length === 0) return body;
  const candidates = body.blocks.slice(0, LOOK_AT + 1);
  const index = candidates.findIndex(
    (block) =>
      block.kind !== 'image' &&
      block.kind !== 'heading' &&
      isByline(body.text.slice(block.start, block.end), usable, siteName),
  );
  if (index < 0) return body;
  const date = DATE.exec(body.text.slice(body.blocks[index]?.start, body.blocks[index]?.end))?.[0] ?? '';
  return replaceBlock(body, index, date);
}
