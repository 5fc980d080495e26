/** Titles and offices that precede or describe people ("Foreign Minister", "CEO", "Professor"); pure data + tests. */
import { isActorNoun, isKnownWord } from './lexicon';

// Heads of a title phrase. Lower-case comparison; abbreviations without their period.
const TITLE_CORES = new Set([
  'president',
  'minister',
  'secretary',
  'ambassador',
  'professor',
  'prof',
  'chancellor',
  'premier',
  'governor',
  'mayor',
  'senator',
  'sen',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'director',
  'chairman',
  'chairwoman',
  'chair',
  'chairperson',
  'ceo',
  'cfo',
  'cto',
  'coo',
  'founder',
  'co-founder',
  'cofounder',
  'leader',
  'king',
  'queen',
  'prince',
  'princess',
  'emperor',
  'pope',
  'general',
  'gen',
  'admiral',
  'colonel',
  'col',
  'captain',
  'capt',
  'commander',
  'coach',
  'manager',
  'judge',
  'justice',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'envoy',
  'commissioner',
  'speaker',
  'chief',
  'head',
  'editor',
  'dean',
  'officer',
  'executive',
  'vice-president',
  'president-elect',
  'lieutenant',
  'lt',
  'sergeant',
  'sgt',
  'sheikh',
  'ayatollah',
  'cardinal',
  'archbishop',
  'bishop',
  'rabbi',
  'imam',
  'reverend',
  'rev',
  'treasurer',
  'attorney',
  'counsel',
  'adviser',
  'advisor',
  'economist',
  'analyst',
  'researcher',
  'scientist',
  'astronomer',
  'astronaut',
  'striker',
  'midfielder',
  'goalkeeper',
  'defender',
  'forward',
  'winger',
  'skipper',
  'driver',
  'pitcher',
  'quarterback',
  'physicist',
  'inspector',
  'constable',
  'substitute',
  'centre-back',
  'center-back',
  'full-back',
  'playmaker',
  'keeper',
  'referee',
  'umpire',
  'bowler',
  'batsman',
  'biologist',
  'chemist',
  'engineer',
  'lawmaker',
  'legislator',
  'diplomat',
  'deputy',
  'superintendent',
  'marshal',
  'taoiseach',
  'monarch',
  'dr',
  'mr',
  'mrs',
  'ms',
  'sir',
  'dame',
  'lord',
  'lady',
  'mx',
]);

// Words that only qualify a title ("Foreign" Minister, "Vice" President, "General" Secretary).
const TITLE_MODIFIERS = new Set([
  'foreign',
  'prime',
  'deputy',
  'vice',
  'general',
  'chief',
  'executive',
  'senior',
  'former',
  'acting',
  'interim',
  'defense',
  'defence',
  'finance',
  'interior',
  'trade',
  'economy',
  'economic',
  'health',
  'education',
  'supreme',
  'crown',
  'grand',
  'head',
  'managing',
  'assistant',
  'associate',
  'lead',
  'principal',
  'first',
  'financial',
  'operating',
  'technology',
  'technical',
  'state',
  'national',
  'security',
  'party',
  'science',
  'energy',
  'labor',
  'labour',
  'justice',
  'home',
  'culture',
  'agriculture',
  'transport',
  'environment',
  'industry',
  'commerce',
  'unification',
  'army',
  'military',
  'joint',
  'co',
  'marketing',
  'research',
  'research-',
  'sports',
  'team',
  'club',
  'club’s',
  'vice-',
  'assistant-',
  'field',
  'marshal',
  'staff',
  'attorney',
  'solicitor',
  'high',
  'detective',
  'majority',
  'minority',
  'opposition',
  'treasury',
  'cabinet',
  'parliamentary',
  'shadow',
  'chief',
  'whip',
  'emeritus',
  'honorary',
]);

// Forms of address that are not roles worth reporting (the abbreviation "Prof." is one; "Professor" is a role).
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'sir', 'dame', 'lord', 'lady', 'dr', 'prof']);

function bare(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

/** True when the word can head a title or office ("President", "CEO", "Professor"). */
export function isTitleCore(word: string): boolean {
  return TITLE_CORES.has(bare(word));
}

/** True when the word may stand inside a title without heading it ("Foreign", "Vice"). */
export function isTitleModifier(word: string): boolean {
  return TITLE_MODIFIERS.has(bare(word));
}

/** True for "Mr", "Mrs", "Dr" and the like: they mark a person but name no role. */
export function isHonorific(word: string): boolean {
  return HONORIFICS.has(bare(word));
}

// Person nouns that say who someone is to someone else, not what they do.
// Occupations the lexicon lists as verbs or not at all ("nurse", "midwife"), and those made by suffix ("paediatrician",
// "cardiologist", "radiographer", "activist") when the lexicon knows the word as nothing else ("assist" is a verb).
const OCCUPATIONS =
  /^(?:nurse|midwife|chef|pilot|paramedic|firefighter|carer|caregiver|cleaner|volunteer|pupil|student|trainee|apprentice|intern|inspector|detective|constable|prosecutor|barrister|solicitor)s?$/;
const OCCUPATION_SUFFIX = /^[a-z]{3,}(?:ician|ologist|iatrist|ographer|ist|wife)s?$/;

const NOT_ROLES =
  /^(friend|person|people|human|baby|child|children|boy|girl|woman|man|mother|father|son|daughter|wife|husband|brother|sister|uncle|aunt|mom|dad|guest|visitor|somebody|nobody|anybody|citizen|citizens|soul|partner|population|character|phrase|colleague|colleagues|neighbour|neighbor|relative|peer)$/;

/** True when a lower-case word names a role for a person ("professor", "chief", "journalist"). */
export function isRoleNoun(word: string): boolean {
  const w = bare(word);
  if (NOT_ROLES.test(w)) return false;
  return (
    TITLE_CORES.has(w) ||
    isActorNoun(w) ||
    /^(member|official|founder|boss|owner|expert|fellow)s?$/.test(w) ||
    OCCUPATIONS.test(w) ||
    (OCCUPATION_SUFFIX.test(w) && (!isKnownWord(w) || isActorNoun(w)))
  );
}
