/**
 * Two invented articles on one official, months apart, in which her role changes: the fixture the cross-article
 * study tests share (service, screen state and end to end). Invented, so no test leans on a real article's facts.
 */
export const EARLY_ARTICLE =
  'Maria Lindqvist, the Swedish ambassador to Norway, met fishing officials in Bergen on 4 February 2024 to discuss ' +
  'quotas. Talks with the Norwegian fisheries minister, Oskar Brandt, went on for hours. Lindqvist said the quotas ' +
  'were unfair. Brandt disagreed with Lindqvist.';

export const LATER_ARTICLE =
  'Maria Lindqvist, the European environment commissioner, opened a research station in Tromso on 12 May 2024 with ' +
  'scientists. Petra Holm, the mayor of Tromso, thanked the visitors. Lindqvist said the station would study the ice. ' +
  'Holm welcomed Lindqvist.';
