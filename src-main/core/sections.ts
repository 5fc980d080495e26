/** Where an offset falls among a book's sections: the chapter a highlight, a mention or a question's evidence is in. */
import type { Section } from './model';

/** The section holding `offset` (its last one when sections nest or touch), or null when none does or there are none. */
export function sectionAt(sections: readonly Section[] | undefined, offset: number): Section | null {
  if (!sections || sections.length === 0) return null;
  // Sections are in reading order: the last one starting at or before the offset is the candidate.
  let low = 0;
  let high = sections.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((sections[mid] as Section).start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  const section = sections[found];
  return section && offset < section.end ? section : null;
}
