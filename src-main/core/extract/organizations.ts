/** General organisation knowledge: world bodies, seat-of-government metonyms and words that end org names. */
import { isKnownOrganization, isOrgWord } from './lexicon';

// International bodies and agencies known by acronym or short name (general data, not article-specific).
const WORLD_ORGS = new Set([
  'UN', 'U.N.', 'United Nations', 'NATO', 'EU', 'European Union', 'WHO', 'World Health Organization', 'IMF',
  'International Monetary Fund', 'World Bank', 'WTO', 'World Trade Organization', 'OPEC', 'ASEAN', 'African Union',
  'G7', 'G20', 'OECD', 'IAEA', 'UNESCO', 'UNICEF', 'UNHCR', 'Red Cross', 'Interpol', 'FIFA', 'UEFA', 'IOC', 'NASA',
  'ESA', 'CERN', 'ECB', 'European Central Bank', 'Federal Reserve', 'Fed', 'SEC', 'FBI', 'CIA', 'BRICS', 'Quad',
  'European Commission', 'European Parliament', 'Security Council', 'Amnesty International', 'Greenpeace', 'ICC',
  'Hamas', 'Hezbollah', 'Taliban', 'Kremlin', 'Pentagon', 'Congress', 'Parliament', 'Senate', 'Bundestag', 'Knesset',
  'Duma', 'Politburo', 'Cabinet', 'Supreme Court', 'Treasury', 'Home Office', 'Foreign Office', 'Cabinet Office', 'NBA', 'NFL', 'MLB', 'NHL', 'Premier League', 'ICJ', 'FAO', 'WFP',
]);

// Buildings or streets that stand for a government ("the Kremlin said"): typed as organisations.
const SEAT_METONYMS = new Set([
  'Kremlin', 'White House', 'Pentagon', 'Downing Street', 'Élysée', 'Elysee', 'Elysée Palace', 'Zhongnanhai',
  'Blue House', 'Whitehall', 'Capitol Hill', 'Foggy Bottom', 'Quai d’Orsay', 'Quai d\'Orsay', 'Yongsan',
  'Kasumigaseki', 'Chancellery',
]);

// Words that end organisation names beyond compromise's list (its list already has bank, university, council...).
const EXTRA_ORG_WORDS = new Set([
  'party', 'ministry', 'office', 'department', 'parliament', 'assembly', 'congress', 'senate', 'cabinet', 'court',
  'league', 'fc', 'technologies', 'technology', 'labs', 'inc', 'corp', 'ltd', 'plc', 'llc', 'ag', 'sa', 'gmbh',
  'nv', 'ilbo', 'daily', 'network', 'broadcasting', 'studios', 'pharma', 'biotech', 'therapeutics', 'robotics',
  'airline', 'railways', 'motors', 'automotive', 'semiconductor', 'electronics', 'telecom', 'foundation',
  'observatory', 'agency', 'forces', 'navy', 'guard', 'guards', 'police', 'command', 'unit', 'fund', 'trust',
  'exchange', 'commission', 'authority', 'secretariat', 'directorate', 'bureau', 'council', 'committee', 'institute',
  'union', 'association', 'federation', 'alliance', 'front', 'movement', 'brigade', 'regiment', 'united', 'rovers',
  'wanderers', 'athletic', 'hotspur', 'albion',
]);

// Last words that mark events, documents or periods, never actors ("Ukraine War", "Paris Agreement").
const NON_ACTOR_HEADS = new Set([
  'war', 'wars', 'agreement', 'treaty', 'accord', 'accords', 'summit', 'election', 'elections', 'cup', 'games',
  'olympics', 'championship', 'championships', 'open', 'prize', 'award', 'awards', 'day', 'year', 'week', 'month',
  'festival', 'conference', 'forum', 'crisis', 'act', 'bill', 'law', 'plan', 'initiative', 'program', 'programme',
  'strategy', 'cooperation', 'friendship', 'revolution', 'era', 'dynasty', 'pandemic', 'report', 'index', 'model',
  'series', 'stadium', 'arena', 'airport', 'station', 'street', 'avenue', 'square', 'bridge', 'river', 'sea', 'ocean',
  'mountains', 'island', 'islands', 'peninsula', 'province', 'region', 'state', 'valley', 'telescope', 'mission',
  'satellite', 'rover', 'vaccine', 'virus', 'disease', 'syndrome', 'effect', 'theory', 'principle', 'protocol',
  'bay', 'gulf', 'strait', 'straits', 'lake', 'coast', 'cape', 'harbour', 'harbor', 'canal', 'desert', 'forest', 'hill',
  'hills', 'mount', 'park', 'road', 'lane', 'district', 'county', 'rules', 'regulations', 'directive', 'camp', 'glacier',
  'pass', 'ridge', 'summit', 'peak', 'col', 'icefall',
]);

// First words of place names ("Mount Kenya", "Lake Chad", "Cerro Blanco", "Sierra Nevada"): such a chunk names a place.
const PLACE_STARTS = new Set(['camp', 'mount', 'mt', 'lake', 'cape', 'cerro', 'monte', 'sierra', 'isla', 'lago', 'rio', 'port', 'fort', 'glen', 'loch', 'la', 'el', 'los', 'las']);

/** True when a chunk starting with this word names a place ("Mount", "Lake", "Cerro"). */
export function isPlaceStart(word: string): boolean {
  return PLACE_STARTS.has(word.toLowerCase().replace(/\.$/, ''));
}

// Capitalised abbreviations that name things, units or offices rather than organisations.
const NOT_ORG_ACRONYMS = new Set([
  'AI', 'GDP', 'GNP', 'DNA', 'RNA', 'IPO', 'EV', 'EVS', 'CEO', 'CFO', 'COO', 'CTO', 'TV', 'PC', 'IT', 'ID', 'PM', 'AM',
  'GMT', 'BST', 'EST', 'EDT', 'PST', 'PDT', 'UTC', 'CET', 'HIV', 'AIDS', 'COVID', 'SARS', 'MERS', 'NFT', 'VAT', 'VPN',
  'USB', 'PDF', 'MP', 'MPS', 'OK', 'FY', 'CPI', 'PPE', 'ICU', 'GP', 'GPS', 'LED', 'LNG', 'CO2', 'ESG', 'API', 'APP',
  'QC', 'KC', 'MVP', 'VAR', 'PR', 'HR', 'RSVP', 'FAQ', 'ETF', 'ETFS', 'R&D', 'M&A', 'IQ', 'CV', 'DJ', 'MC', 'NB', 'PS',
  'TBC', 'AGM', 'EGM', 'ATM', 'SUV', 'SUVS', 'MRI', 'CT', 'ER', 'UV', 'WIFI', 'OBE', 'MBE', 'CBE', 'KBE', 'PHD',
]);

// The Sun, Moon, planets and large moons: named places in space, never actors ("due to reach Jupiter").
const CELESTIAL = new Set([
  'sun', 'moon', 'mercury', 'venus', 'earth', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto', 'ceres',
  'europa', 'ganymede', 'callisto', 'io', 'titan', 'enceladus', 'triton', 'phobos', 'deimos', 'charon', 'bennu',
  'milky way', 'andromeda',
]);

/** True for the Sun, Moon, planets and major moons ("Jupiter", "Europa"). */
export function isCelestialBody(phrase: string): boolean {
  return CELESTIAL.has(phrase.toLowerCase());
}

/** True for capitalised abbreviations that are not organisations ("GDP", "AI", "CEO"). */
export function isNotOrgAcronym(word: string): boolean {
  return NOT_ORG_ACRONYMS.has(word.replace(/\./g, '').toUpperCase());
}

/** True for international organisations and standing institutions ("NATO", "UN", "Congress"). */
export function isWorldOrganization(phrase: string): boolean {
  return WORLD_ORGS.has(phrase) || SEAT_METONYMS.has(phrase);
}

/** True for government-seat metonyms such as "Kremlin" or "White House". */
export function isSeatMetonym(phrase: string): boolean {
  return SEAT_METONYMS.has(phrase);
}

/** True when the phrase is an organisation compromise or our world list knows by name. */
export function isNamedOrganization(phrase: string): boolean {
  return isWorldOrganization(phrase) || isKnownOrganization(phrase);
}

/** True when the word typically ends an organisation's name ("Office", "University", "Corp"). */
export function isOrgHead(word: string): boolean {
  const w = word.toLowerCase().replace(/[.’']+$/g, '');
  return EXTRA_ORG_WORDS.has(w) || isOrgWord(w);
}

/**
 * True for words that close an organisation's own name ("Authority", "Bank", "Group"), as against subject words that
 * the lexicon also files as organisation words ("Communications", "Energy").
 */
export function isBodyWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[.’']+$/g, '');
  return EXTRA_ORG_WORDS.has(w) && !/^(?:technology|technologies|telecom|electronics|pharma|biotech|robotics|semiconductor|automotive|broadcasting)$/.test(w)
    || /^(?:bank|company|group|corporation|university|college|school|hospital|club|board|holdings)$/.test(w);
}

/** True when the word ends names of events, laws, places or things rather than actors. */
export function isNonActorHead(word: string): boolean {
  return NON_ACTOR_HEADS.has(word.toLowerCase());
}
