/**
 * Names the text itself uses as places: "reached Tessport", "near Tessport", "the road to Tessport", "Tessport camp",
 * "the town of Tessport", "Tessport's hospital", "in Tessport", "the Barcelona consultancy". A town, camp or village is where something happens,
 * not an actor; without this a one-word town reads as an organisation and turns up among organisation choices.
 * One pass of a few regular expressions over the text: linear in its length.
 */
import { isAcronym, isPlaceName } from './lexicon';
import { isNamedOrganization, isOrgHead } from './organizations';

const NAME = String.raw`(\p{Lu}[\p{L}’'-]*\p{L}(?:\s+\p{Lu}[\p{L}’'-]*\p{L}){0,2})`;
const CUES: RegExp[] = [
  // A place reached, neared or lain outside of.
  new RegExp(
    String.raw`\b(?:reached|reach|reaches|reaching|near|nearby|outside|around|across|towards?)\s+${NAME}`,
    'gu',
  ),
  // A way there or from there.
  new RegExp(
    String.raw`\b(?:road|roads|route|routes|highway|track|tracks|journey|trip|drive|flights?|way|convoys?|trucks?|buses|walk|border|crossing)\s+(?:to|from|into|near|towards?)\s+${NAME}`,
    'gu',
  ),
  // "the town of Tessport", "camps in Tessport".
  new RegExp(
    String.raw`\b(?:towns?|villages?|city|cities|camps?|settlements?|district|suburbs?|province|region|port|capital|outskirts|streets|residents|people) (?:of|in|around|near) ${NAME}`,
    'gu',
  ),
  // "arrived in Tessport", "lives in Tessport", "a clinic in Tessport".
  new RegExp(String.raw`\b(?:in|into)\s+${NAME}`, 'gu'),
];
// "Tessport camp", "Tessport's hospital": the name before a place noun.
const BEFORE_PLACE_NOUN = new RegExp(
  String.raw`(?<!\p{L})${NAME}(?:['’]s)?\s+(?:camp|camps|town|village|district|region|province|settlement|airport|outskirts|hospital|market|streets|residents|mayor|border crossing|transit site)\b`,
  'gu',
);

// "the Barcelona consultancy Alto Horizonte", "a Paris office": a name the lexicon knows as a city or region, used as
// an adjective before a common noun, is where the thing is; it names no organisation.
const PLACE_MODIFIER = new RegExp(String.raw`\b(?:the|a|an|its|their|his|her)\s+${NAME}\s+(?=\p{Ll}{3,}\b)`, 'gu');

// "a stake in Tessco", "shares in Tessco", "jobs in Tessco": "in" after these introduces a holding, not a place.
const HOLDING_BEFORE =
  /\b(?:investors?|stakes?|shares?|investments?|invested|invest|interests?|holdings?|jobs?|roles?|careers?|confidence|trust|faith|members?|officials?|executives?|staff|employees?|analysts?)\s+(?:in|into)\s+$/i;
// After the name: words that make it a speaker, a possessor of an organisation's things or the start of a longer name.
const ORG_AFTER =
  /^(?:['’]s\s+(?:shares?|stock|chief|executives?|board|revenue|profits?|spokes\w+)|\s+(?:said|says|announced|reported|plans|posted|launched|unveiled|employs|employed)\b)/;

function plausiblePlace(name: string): boolean {
  const words = name.split(/\s+/);
  return !words.some((w) => isAcronym(w) || isOrgHead(w)) && !isNamedOrganization(name);
}

/** Lower-case keys of the names the text uses as places and never as a speaking or trading body. */
export function placeNames(text: string): Set<string> {
  const places = new Set<string>();
  const add = (name: string | undefined): void => {
    if (name && plausiblePlace(name)) places.add(name.toLowerCase());
  };
  for (const re of CUES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1];
      const before = text.slice(Math.max(0, m.index - 30), m.index + m[0].length - (name?.length ?? 0));
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
      // "in Tessco's annual report": a possessive after "in" names an owner, not a place.
      if (re.source.startsWith(String.raw`\b(?:in|into)`) && (HOLDING_BEFORE.test(before) || /^['’]s/.test(next)))
        continue;
      add(name);
    }
  }
  PLACE_MODIFIER.lastIndex = 0;
  for (let m = PLACE_MODIFIER.exec(text); m; m = PLACE_MODIFIER.exec(text)) if (isPlaceName(m[1] ?? '')) add(m[1]);
  BEFORE_PLACE_NOUN.lastIndex = 0;
  for (let m = BEFORE_PLACE_NOUN.exec(text); m; m = BEFORE_PLACE_NOUN.exec(text)) add(m[1]);
  // A name the text has speak or trade is a body, whatever else it says of it (one more pass over the text).
  // ("Aid workers at Tessport said": after a preposition the name is not the one speaking.)
  const speaker = new RegExp(
    `(?<!\\p{L})(?<!\\b(?:at|in|near|from|to|of|outside)\\s)${NAME}(?=${ORG_AFTER.source.slice(1)})`,
    'gu',
  );
  for (let m = speaker.exec(text); m; m = speaker.exec(text)) places.delete((m[1] ?? '').toLowerCase());
  return places;
}
