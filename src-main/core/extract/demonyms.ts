/** Country adjectives and demonyms (ISO alpha-2 -> forms) plus extra short names the ISO list lacks; pure data. */

// Format: CODE:form|form. Plurals of "-an"/"-i" forms are generated; irregular person nouns are listed explicitly.
const DEMONYM_DATA = `AF:Afghan|Afghans;AL:Albanian;DZ:Algerian;AD:Andorran;AO:Angolan;AR:Argentine|Argentinian;AM:Armenian;
AU:Australian|Aussie;AT:Austrian;AZ:Azerbaijani;BS:Bahamian;BH:Bahraini;BD:Bangladeshi;BB:Barbadian;BY:Belarusian;
BE:Belgian;BZ:Belizean;BJ:Beninese;BT:Bhutanese;BO:Bolivian;BA:Bosnian;BW:Botswanan;BR:Brazilian;BN:Bruneian;
BG:Bulgarian;BF:Burkinabe;BI:Burundian;KH:Cambodian;CM:Cameroonian;CA:Canadian;CV:Cape Verdean;
CF:Central African;TD:Chadian;CL:Chilean;CN:Chinese;CO:Colombian;KM:Comorian;CD:Congolese;CR:Costa Rican;
CI:Ivorian;HR:Croatian|Croat|Croats;CU:Cuban;CY:Cypriot;CZ:Czech|Czechs;DK:Danish|Dane|Danes;DJ:Djiboutian;
DO:Dominican;EC:Ecuadorian;EG:Egyptian;SV:Salvadoran;GQ:Equatoguinean;ER:Eritrean;EE:Estonian;SZ:Swazi;
ET:Ethiopian;FJ:Fijian;FI:Finnish|Finn|Finns;FR:French|Frenchman|Frenchmen;GA:Gabonese;GM:Gambian;GE:Georgian;
DE:German;GH:Ghanaian;GR:Greek|Greeks;GT:Guatemalan;GN:Guinean;GW:Bissau-Guinean;GY:Guyanese;HT:Haitian;
HN:Honduran;HU:Hungarian;IS:Icelandic|Icelander|Icelanders;IN:Indian;ID:Indonesian;IR:Iranian;IQ:Iraqi;
IE:Irish|Irishman;IL:Israeli;IT:Italian;JM:Jamaican;JP:Japanese;JO:Jordanian;KZ:Kazakh|Kazakhstani;KE:Kenyan;
KI:I-Kiribati;KP:North Korean;KR:South Korean|Korean;XK:Kosovar|Kosovan;KW:Kuwaiti;KG:Kyrgyz;LA:Lao|Laotian;
LV:Latvian;LB:Lebanese;LS:Basotho;LR:Liberian;LY:Libyan;LI:Liechtensteiner;LT:Lithuanian;LU:Luxembourgish;
MG:Malagasy;MW:Malawian;MY:Malaysian;MV:Maldivian;ML:Malian;MT:Maltese;MH:Marshallese;MR:Mauritanian;
MU:Mauritian;MX:Mexican;FM:Micronesian;MD:Moldovan;MC:Monegasque;MN:Mongolian;ME:Montenegrin;MA:Moroccan;
MZ:Mozambican;MM:Burmese|Myanmar;NA:Namibian;NR:Nauruan;NP:Nepali|Nepalese;NL:Dutch|Dutchman;NZ:New Zealander;
NI:Nicaraguan;NE:Nigerien;NG:Nigerian;MK:North Macedonian|Macedonian;NO:Norwegian;OM:Omani;PK:Pakistani;
PW:Palauan;PS:Palestinian;PA:Panamanian;PG:Papua New Guinean;PY:Paraguayan;PE:Peruvian;PH:Filipino|Philippine;
PL:Polish|Pole|Poles;PT:Portuguese;QA:Qatari;RO:Romanian;RU:Russian;RW:Rwandan;WS:Samoan;SM:Sammarinese;
SA:Saudi|Saudi Arabian;SN:Senegalese;RS:Serbian|Serb|Serbs;SC:Seychellois;SL:Sierra Leonean;SG:Singaporean;
SK:Slovak|Slovaks;SI:Slovenian|Slovene;SB:Solomon Islander;SO:Somali;ZA:South African;SS:South Sudanese;
ES:Spanish|Spaniard|Spaniards;LK:Sri Lankan;SD:Sudanese;SR:Surinamese;SE:Swedish|Swede|Swedes;CH:Swiss;
SY:Syrian;TW:Taiwanese;TJ:Tajik;TZ:Tanzanian;TH:Thai;TL:Timorese;TG:Togolese;TO:Tongan;TT:Trinidadian;
TN:Tunisian;TR:Turkish|Turk|Turks;TM:Turkmen;TV:Tuvaluan;UG:Ugandan;UA:Ukrainian;AE:Emirati;
GB:British|Briton|Britons;US:American;UY:Uruguayan;UZ:Uzbek|Uzbeks;VU:Vanuatuan;VE:Venezuelan;VN:Vietnamese;
YE:Yemeni;ZM:Zambian;ZW:Zimbabwean`;

// Short names in everyday use that the ISO list gives only in official or comma form, or not at all.
const EXTRA_NAME_DATA = `KR:Korea|ROK;KP:DPRK;US:America;GB:Britain|U.K.;SY:Syria;LA:Laos;VA:Vatican|Vatican City;
FM:Micronesia;MD:Moldova;BN:Brunei;BO:Bolivia;VE:Venezuela;TZ:Tanzania;IR:Iran;RU:Russia;CZ:Czechia;
MM:Burma;TL:East Timor;MK:Macedonia;CV:Cabo Verde;SZ:Swaziland;AE:UAE;NL:Holland;CD:DRC|DR Congo;
CI:Ivory Coast;PS:Palestine;XK:Kosovo;TW:Taiwan;KN:St Kitts and Nevis`;

// Names that the ISO list uses but that read as another thing in prose (regions, people, common words).
export const BLOCKED_COUNTRY_PHRASES = [
  'Latin America',
  'South America',
  'North America',
  'Central America',
  'Korean Peninsula',
  'Middle East',
  'Southeast Asia',
  'East Asia',
  'New England',
  'New Mexico',
  'Guinea pig',
  'Chad Smith',
];

// Preferred canonical names where the shortest ISO name is not the one news writes.
export const CANONICAL_OVERRIDES: Record<string, string> = {
  GB: 'United Kingdom',
  US: 'United States',
  KR: 'South Korea',
  KP: 'North Korea',
  CD: 'DR Congo',
  CG: 'Republic of the Congo',
  PS: 'Palestine',
  XK: 'Kosovo',
};

function parse(data: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of data.replace(/\n/g, '').split(';')) {
    const [code, forms] = entry.split(':');
    if (code && forms)
      out.set(
        code.trim(),
        forms.split('|').map((f) => f.trim()),
      );
  }
  return out;
}

function withPlurals(forms: string[]): string[] {
  const out = [...forms];
  for (const f of forms) if (/(an|i)$/.test(f) && !f.includes(' ')) out.push(`${f}s`);
  return out;
}

/** Adjectives and people-nouns per ISO code, with generated plurals ("Americans", "Iraqis"). */
export const DEMONYMS: Map<string, string[]> = new Map(
  [...parse(DEMONYM_DATA)].map(([code, forms]) => [code, withPlurals(forms)]),
);

/** Everyday short names per ISO code. */
export const EXTRA_COUNTRY_NAMES: Map<string, string[]> = parse(EXTRA_NAME_DATA);
