/**
 * The word lists the article generator assembles sentences from: people, places, organisations, roles and dates that
 * the extraction engine and quiz can find, plus plain vocabulary so most sentences are unique.
 */

export const FIRST_NAMES = [
  'Maria', 'James', 'Amina', 'Kenji', 'Olga', 'Rahul', 'Sofia', 'Daniel', 'Leila', 'Tomas', 'Grace', 'Hiroshi', 'Elena',
  'Samuel', 'Fatima', 'Lucas', 'Ingrid', 'Pedro', 'Aisha', 'Viktor', 'Hannah', 'Mateo', 'Nadia', 'Oliver', 'Yuki',
  'Carlos', 'Ewa', 'Joseph', 'Mei', 'Ahmed', 'Clara', 'Dmitri', 'Ruth', 'Andrew', 'Priya', 'Stefan', 'Laura', 'Kwame',
];

export const LAST_NAMES = [
  'Alvarez', 'Bennett', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski',
  'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Usman', 'Vargas',
  'Weber', 'Xu', 'Yilmaz', 'Zhang', 'Morrison', 'Hartley', 'Castillo', 'Novak', 'Brennan', 'Mbeki', 'Sorensen',
];

export const COUNTRIES = [
  'France', 'Germany', 'Japan', 'Brazil', 'India', 'Canada', 'Kenya', 'Mexico', 'Poland', 'Turkey', 'Egypt', 'Norway',
  'Chile', 'Vietnam', 'Nigeria', 'Spain', 'Italy', 'Indonesia', 'Australia', 'Argentina', 'Sweden', 'Ghana', 'Peru',
  'South Korea', 'North Korea', 'China', 'Russia', 'Ukraine', 'Ethiopia', 'Morocco',
];

export const ORGANIZATIONS = [
  'the United Nations', 'the World Bank', 'the International Monetary Fund', 'NATO', 'the European Union',
  'the World Health Organization', 'the African Union', 'the Red Cross', 'Amnesty International', 'Greenpeace',
  'the Ministry of Finance', 'the Central Bank', 'the Supreme Court', 'the Electoral Commission', 'Reuters',
];

export const ROLES = [
  'President', 'Prime Minister', 'Foreign Minister', 'Finance Minister', 'Defence Minister', 'spokesperson',
  'ambassador', 'governor', 'chief economist', 'opposition leader', 'Secretary-General', 'senior adviser',
];

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

export const RELATIVE_DATES = [
  'last week', 'on Monday', 'on Tuesday', 'last month', 'next year', 'earlier this year', 'on Friday', 'next month',
  'two days ago', 'last year', 'this week', 'on Thursday',
];

export const REPORT_VERBS = ['said', 'announced', 'warned', 'argued', 'confirmed', 'insisted', 'told reporters', 'claimed'];

export const ACTION_PHRASES = [
  'signed a new trade agreement', 'criticised the decision', 'visited the capital', 'met senior officials',
  'proposed a ceasefire', 'approved the budget', 'rejected the proposal', 'opened talks on energy',
  'announced new sanctions', 'called for an investigation', 'pledged more aid', 'suspended the negotiations',
  'raised interest rates', 'launched a review of the treaty', 'hosted a regional summit', 'withdrew its ambassador',
];

export const NOUNS = [
  'economy', 'border', 'election', 'reform', 'treaty', 'pipeline', 'harbour', 'tariff', 'budget', 'vaccine', 'drought',
  'inflation', 'railway', 'summit', 'currency', 'parliament', 'coalition', 'harvest', 'strike', 'pension', 'satellite',
  'refinery', 'corridor', 'census', 'subsidy', 'mandate', 'delegation', 'archive', 'frontier', 'reservoir', 'verdict',
  'dispute', 'embargo', 'alliance', 'protest', 'migration', 'tribunal', 'ministry', 'province', 'negotiation',
];

export const ADJECTIVES = [
  'fragile', 'ambitious', 'costly', 'unexpected', 'lengthy', 'bitter', 'modest', 'sweeping', 'cautious', 'decisive',
  'controversial', 'uncertain', 'historic', 'regional', 'rural', 'industrial', 'diplomatic', 'quiet', 'steady', 'urgent',
  'narrow', 'broad', 'temporary', 'familiar', 'hidden', 'public', 'private', 'northern', 'southern', 'coastal',
];

export const VERBS = [
  'weakened', 'reshaped', 'delayed', 'strengthened', 'complicated', 'exposed', 'softened', 'divided', 'revived',
  'tested', 'stalled', 'accelerated', 'undermined', 'clarified', 'deepened', 'eased', 'threatened', 'transformed',
];

export const ADVERBS = [
  'sharply', 'slowly', 'quietly', 'steadily', 'unexpectedly', 'repeatedly', 'gradually', 'openly', 'largely', 'briefly',
];

export const CONNECTORS = [
  'Meanwhile,', 'However,', 'In practice,', 'For now,', 'At the same time,', 'Even so,', 'By contrast,', 'In the end,',
  'Critics note that', 'Analysts believe that', 'Officials say that', 'Many residents feel that',
];
