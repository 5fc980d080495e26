/**
 * Whether an event's words may be set against another article's event in time. The engine dates a clause, and a
 * clause can hold more than the dated event: "Kenya's envoy said rich nations had yet to deliver the $100 billion
 * promised in 2009" is a statement of today, dated 2009 by the promise inside it. A question across articles would
 * teach that as a fact of 2009, so only plain reports of something done are kept: no reporting verb, no other
 * time word, no state in the present, no hedge, a named subject, a verb in the past, and a date that is the event's own
 * time ("since 2019" is not).
 */
import { isPastTenseVerb } from '../extract/lexicon';

const REPORTING =
  /\b(?:said|says|say|told|tells|noted|notes|warned|warns|added|argued|argues|announced|stated|states|claimed|claims|insisted|explained|recalled|wrote|reported|predict\w*|expects?|expected|believes?|according)\b/i;
const TIME_WORDS =
  /\b(?:since|until|till|ago|now|today|tonight|yesterday|tomorrow|last|next|this|earlier|later|recently|soon|year|years|month|months|week|weeks|day|days|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b|\d{4}/i;
const PRESENT = /\b(?:is|are|am|has|have|remains?|continues?|still|shows?|suggests?|indicates?)\b/i;
// Someone's own words ("My family left …") and a clause that opens on another event ("After the coup in 1983, he …").
const FIRST_PERSON = /\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s|[Yy]ou|[Yy]our)\b/;
const OPENS_ON_ANOTHER = /^(?:after|before|following|since|until|when|while|as|once|during|amid)\b/i;
const HEDGED =
  /\b(?:appears?|seems?|telling|might|could|would|should|will|shall|likely|unlikely|perhaps|probably|possibly|reportedly|allegedly)\b/i;
// A date after these words bounds a stretch of time, it does not date the event: "has worked on it since 2013".
const BOUND_BEFORE =
  /\b(?:since|until|till|by|before|after|through|from|to|between)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?$/i;

// A choice must say who did it: a subject left as a pronoun ("He handed the firm over to Obi") names no one once the
// sentence stands alone beside another article's, and a clause with no subject at all ("Given to the museum by his
// widow") says neither who nor what.
const PRONOUN_SUBJECT = /^(?:he|she|they|it|his|her|its|their|this|that|these|those)\b/i;

function opensWithASubject(label: string): boolean {
  const first = label.split(/[^\p{L}-]+/u)[0]?.toLowerCase() ?? '';
  return !PRONOUN_SUBJECT.test(label) && !isPastTenseVerb(first) && !/^(?:given|taken|founded|opened)$/.test(first);
}

/** True when `label` reads as a plain report of something done, fit to be ordered against another article's. */
export function plainPastEvent(label: string): boolean {
  return (
    /^\p{Lu}/u.test(label) &&
    (label.match(/…/g) ?? []).length <= 1 &&
    !REPORTING.test(label) &&
    !TIME_WORDS.test(label) &&
    !PRESENT.test(label) &&
    !HEDGED.test(label) &&
    !FIRST_PERSON.test(label) &&
    !OPENS_ON_ANOTHER.test(label) &&
    opensWithASubject(label) &&
    hasPastVerb(label)
  );
}

// "Younger architects credit him with persuading the institute to publish …" reports no past act: the date is the
// publishing's. A plain report has a verb in the past.
function hasPastVerb(label: string): boolean {
  return label
    .split(/[^\p{L}-]+/u)
    .some((w) => w.length > 2 && (isPastTenseVerb(w.toLowerCase()) || /^(?:given|taken|founded|opened)$/i.test(w)));
}

/** True when the words written just before a date (`before`) make it a bound of time rather than the event's date. */
export function boundingDate(before: string): boolean {
  return BOUND_BEFORE.test(before.slice(-40));
}
