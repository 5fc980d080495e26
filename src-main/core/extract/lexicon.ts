/** Word-class lookups backed by compromise's built-in English lexicon (names, job nouns, places, known orgs). */
import nlp from 'compromise';

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, boolean> };
}

// compromise's typings do not expose model(); its runtime does. We read the lexicon once and treat it as data.
const model = (nlp as unknown as { model(): CompromiseModel }).model();
const lexicon = model.one.lexicon;

function tagsOf(word: string): string {
  const raw = lexicon[word.toLowerCase()];
  if (raw === undefined) return '';
  return Array.isArray(raw) ? raw.join(',') : raw;
}

const NAME_TAGS = /\b(FirstName|MaleName|FemaleName)\b/;
const PROPER_TAGS =
  /\b(FirstName|MaleName|FemaleName|LastName|Person|Country|City|Place|Region|ProperNoun|Organization|SportsTeam|Demonym)\b/;

/** The word without its accents ("Lucía" -> "Lucia"): the lexicon lists most given names unaccented. */
function unaccented(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** True when the word is a known given name ("Vladimir", "Mark", "Lucía", "Tomás"). */
export function isFirstName(word: string): boolean {
  // eslint-disable-next-line no-control-regex -- \x00-\x7f is ASCII: the test is for a non-ASCII letter
  return NAME_TAGS.test(tagsOf(word)) || (/[^\x00-\x7f]/.test(word) && NAME_TAGS.test(tagsOf(unaccented(word))));
}

/** True when the word is a known family name ("Putin", "Jones"). */
export function isLastName(word: string): boolean {
  return /\bLastName\b/.test(tagsOf(word));
}

/** True for words written in capitals as an abbreviation ("WHO", "NHS", "LSEG", "U.N."), never for "I" or "A". */
export function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}[\p{Lu}\p{N}&]*$/u.test(word) && word.length <= 8;
}

/** True when the lexicon knows the word only as an ordinary word (not a name, place or organisation). */
export function isCommonWord(word: string): boolean {
  // "WHO" is not "who": an acronym is a name whatever its lower-case twin means.
  if (isAcronym(word)) return false;
  const tags = tagsOf(word);
  return tags !== '' && !PROPER_TAGS.test(tags);
}

/** True when the word names a kind of person by occupation or office ("professor", "ceo", "minister"). */
export function isActorNoun(word: string): boolean {
  return /\bActor\b/.test(tagsOf(word));
}

/** True for cities, regions and other places that are not actors ("San Francisco", "Texas"). */
export function isPlaceName(phrase: string): boolean {
  return /\b(City|Place|Region)\b/.test(tagsOf(phrase));
}

/** True for organisations compromise knows by name ("Google", "BBC", "Goldman Sachs"). */
export function isKnownOrganization(phrase: string): boolean {
  return /\b(Organization|SportsTeam)\b/.test(tagsOf(phrase.replace(/[-.]/g, ' ').replace(/\s+/g, ' ')));
}

/** True for words that end organisation names ("University", "Bank", "Council"). */
export function isOrgWord(word: string): boolean {
  return model.two.orgWords[word.toLowerCase()] === true;
}

/** True when the lexicon lists the word as a past-tense verb ("met", "said", "introduced"). */
export function isPastTenseVerb(word: string): boolean {
  return /\bPastTense\b/.test(tagsOf(word));
}

/** True when the lexicon lists the word as a verb form only ("beat", "won", "leads"), not also as a noun. */
export function isVerb(word: string): boolean {
  const tags = tagsOf(word);
  return (
    /\b(?:Infinitive|PresentTense|PastTense|Verb|Gerund)\b/.test(tags) && !/\b(?:Singular|Plural|Noun)\b/.test(tags)
  );
}

/** True for prepositions, determiners, pronouns, conjunctions and adverbs: never the start of a name. */
export function isFunctionWord(word: string): boolean {
  if (isAcronym(word)) return false;
  return /\b(Preposition|Determiner|Pronoun|Conjunction|Adverb|QuestionWord|Modal|Copula|Negative|Condition)\b/.test(
    tagsOf(word),
  );
}

/** True for copulas and modals ("were", "will", "may"), which are also family names ("Otieno Were", "Ama Will"). */
export function isVerbLikeFunctionWord(word: string): boolean {
  return (
    /\b(?:Copula|Modal)\b/.test(tagsOf(word)) &&
    !/\b(?:Pronoun|Determiner|Preposition|Conjunction)\b/.test(tagsOf(word))
  );
}

/** True when the lexicon has any entry for the word (name, place, organisation or ordinary word). */
export function isKnownWord(word: string): boolean {
  return tagsOf(word) !== '';
}
