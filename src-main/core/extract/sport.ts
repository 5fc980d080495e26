/**
 * Sports teams named like places. In a text about a match ("Liverpool beat Chelsea 2-1"), a city or ordinary word
 * that is the subject or object of a sporting verb names a club, not a place: it is typed as an organisation
 * wherever the text uses it. Texts without several sport cues are left alone.
 */

const SPORT_CUES =
  /\b(?:goals?|scored|striker|midfielder|defender|goalkeeper|penalty|half-time|kick-off|league|match|season|coach|manager|points\s+clear|relegation|derby|fixture|substitute|referee|stoppage\s+time|equaliser|equalizer|innings|touchdown|quarterback)\b/gi;
const SCORE = /\b\d{1,2}[-–]\d{1,2}\b/;

// One to three capitalised words.
const NAME = "(\\p{Lu}[\\p{L}’'-]*(?:[ \\t]+\\p{Lu}[\\p{L}’'-]*){0,2})";
const AS_SUBJECT =
  '(?:beat|beats|defeated|defeats|thrashed|edged|drew|draw|lost\\s+to|lose\\s+to|host|hosts|hosted|travel\\s+to|travelled\\s+to|visit|visited|won\\s+(?:at|against)|came\\s+from\\s+behind)';
const AS_OBJECT =
  '(?:beat|beats|defeated|defeats|thrashed|edged|drew\\s+with|draw\\s+with|drawn\\s+with|lost\\s+to|lose\\s+to|host|hosts|hosted|signed\\s+for|joined\\s+from|travel\\s+to|travelled\\s+to|against|victory\\s+over|leaders|rivals|win\\s+over|defeat\\s+to|defeat\\s+by)';
const SUBJECT_RE = new RegExp(`${NAME}(?:,\\s+who\\s+[^,.]{1,40},)?\\s+${AS_SUBJECT}\\b`, 'gu');
const OBJECT_RE = new RegExp(`\\b${AS_OBJECT}\\s+${NAME}`, 'gu');
// "signed for the club from Brentford": a player moves from one club to another.
const FROM_CLUB_RE = new RegExp(`\\b(?:signed|joined|arrived|moved)\\b[^.,;]{0,30}?\\bfrom\\s+${NAME}`, 'gu');

/** True when the text reads as a sports report: at least three sport words, or two and a score. */
export function isSportText(text: string): boolean {
  const cues = text.match(SPORT_CUES)?.length ?? 0;
  return cues >= 3 || (cues >= 2 && SCORE.test(text));
}

/** Lower-case names the text uses as teams; empty for texts that are not about sport. */
export function findClubs(text: string): Set<string> {
  const clubs = new Set<string>();
  if (!isSportText(text)) return clubs;
  for (const re of [SUBJECT_RE, OBJECT_RE, FROM_CLUB_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = (m[1] ?? '').replace(/[’']s?$/, '').replace(/\.$/, '');
      if (!/^(?:The|A|An|He|She|They|We|It|His|Her|Their|This|That)$/.test(name)) clubs.add(name.toLowerCase());
    }
  }
  return clubs;
}
