/**
 * Whether two roles may name one office, for the role-change question: it must never invent a change from two ways of
 * writing the same role ("Foreign Minister" and "Minister of Foreign Affairs", "PM" and "Prime Minister", "head of the
 * agency" and "agency director"). Conservative on purpose: any shared content word, or words of one family of
 * synonyms, count as the same role; only roles with nothing in common are a change.
 */
import { contentStems } from './normalize';

// Abbreviations spelled out before comparing.
const EXPAND: Record<string, string> = {
  ceo: 'chief executive officer',
  cfo: 'chief financial officer',
  coo: 'chief operating officer',
  cto: 'chief technology officer',
  pm: 'prime minister',
  fm: 'foreign minister',
  mp: 'member of parliament',
  mep: 'member of european parliament',
  md: 'managing director',
  gm: 'general manager',
  vp: 'vice president',
  sg: 'secretary general',
};

// Words that can name the same office: a role written with one may be the other's role written another way.
const FAMILIES: readonly string[][] = [
  ['head', 'chief', 'leader', 'director', 'chair', 'chairman', 'chairwoman', 'chairperson', 'president', 'boss'],
  ['head', 'principal', 'executive', 'manager', 'governor', 'commissioner', 'administrator', 'superintendent'],
  ['premier', 'prime', 'chancellor', 'taoiseach'],
  ['foreign', 'secretary', 'state', 'diplomat', 'diplomatic'],
  ['spokesman', 'spokeswoman', 'spokesperson', 'spokesperson', 'press', 'representative', 'envoy', 'ambassador'],
  ['lawmaker', 'legislator', 'parliament', 'parliamentarian', 'congressman', 'congresswoman', 'senator', 'deputy'],
  ['general', 'commander', 'officer', 'official', 'marshal', 'admiral', 'colonel', 'captain'],
  ['minister', 'ministry', 'secretary', 'cabinet'],
  ['king', 'queen', 'monarch', 'sovereign', 'emperor', 'ruler'],
  ['founder', 'owner', 'proprietor', 'creator'],
  ['reporter', 'journalist', 'correspondent', 'editor', 'writer', 'columnist'],
  ['professor', 'lecturer', 'researcher', 'scholar', 'academic', 'scientist', 'expert', 'analyst', 'fellow'],
];

// Words that make a role a past or future one: "former minister" says what someone no longer is.
const TIME_WORDS =
  /\b(?:former|formerly|ex|then|outgoing|incoming|acting|interim|late|future|would-be|designate|elect|retired|previous|past|onetime|one-time)\b/i;

const STEM_FAMILIES = FAMILIES.map((f) => new Set(f.map((w) => w.slice(0, 5))));

function stems(role: string): Set<string> {
  const words = role
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .flatMap((w) => (EXPAND[w] ?? w).split(' '))
    .join(' ');
  return new Set(contentStems(words));
}

/** True when `a` and `b` may be one office (see above). */
export function sameRole(a: string, b: string): boolean {
  const sa = stems(a);
  const sb = stems(b);
  if ([...sa].some((s) => sb.has(s))) return true;
  return STEM_FAMILIES.some((family) => [...sa].some((s) => family.has(s)) && [...sb].some((s) => family.has(s)));
}

/** True when the role is a past, future or stand-in one ("former", "acting", "-elect"): never a role to compare. */
export function timeBoundRole(role: string): boolean {
  return TIME_WORDS.test(role) || /-elect\b/i.test(role);
}
