/** Word handling shared by query building and relevance checks. */

/** Lower-case, without diacritics (Niinistö → niinisto). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Words of letters only, folded. */
export function words(text: string): string[] {
  return fold(text).match(/\p{L}+/gu) ?? [];
}

/** Common English words never used as a topic or a "rare" word. */
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves shall must may might upon unto thus hath been every many
  much made make well great good like said says say one two three first new year years also time
  people nation nations country countries world government state states united today must let us
  mr ms madam president general assembly secretary excellency session thank
  others less remains final always important different nothing living brought step another still even
  within without across whether though although however therefore since against toward towards among
  know known think come came take taken give given going done find found keep kept seen become became
  need needs want wants part parts last next long whole full high large small right left certain
  important necessary possible present further greater great better best less least other others
  things thing something anything everything nothing someone anyone everyone place way ways back`
    .split(/\s+/)
    .filter(Boolean),
);

/** Collapses white space so verbatim excerpts compare with passage text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
