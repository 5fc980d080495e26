/**
 * UTF-16 surrogate-pair helpers, so no range Lectio stores or reports cuts an emoji (or any astral character) in half.
 */

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair in `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Moves a range start back, if needed, so it begins on a whole character. */
export function snapStart(text: string, start: number): number {
  return splitsSurrogatePair(text, start) ? start - 1 : start;
}

/** Moves a range end forward, if needed, so it ends on a whole character. */
export function snapEnd(text: string, end: number): number {
  return splitsSurrogatePair(text, end) ? end + 1 : end;
}
