/**
 * Text from sources made safe for Discord: escaped so it can neither format nor mention, and cut
 * on sentence (then word) boundaries to fit a limit. Cuts happen on the raw text and escaping
 * afterwards, so a cut can never fall inside an escape or a Markdown marker we add.
 */

/** Discord's documented limits (characters). */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  fields: 25,
  embeds: 10,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Discord's own bare-link rule (a link runs to whitespace or `<` and never ends on punctuation):
 * text is split exactly where Discord will see a link, so no escape we add ends up inside one.
 */
const LINK = /(https?:\/\/[^\s<]+[^<.,:;"')\]\s])/;
/**
 * No real address is this long (browsers stop near 2,000): a longer "link" is text that merely
 * starts like one, and is escaped like text so nothing inside it can become a masked link.
 */
const MAX_LINK = 2000;

/**
 * Backslash-escapes everything Discord would read as Markdown, a link, a mention, a channel,
 * an emoji or a timestamp. Discord drops the backslash before any punctuation when rendering,
 * so people see the source's words unchanged.
 */
export function escapeDiscord(text: string): string {
  // Bare links stay clickable: escaping inside a URL would change where it points. Except a
  // mention: Discord reads `@everyone` even inside a link, so that (only) is escaped there too.
  return text
    .split(LINK)
    .map((part, i) => (i % 2 === 1 && part.length <= MAX_LINK ? part.replace(/@(?=everyone|here)/gi, '\\@') : escapePart(part)))
    .join('');
}

/** Cut then escape everything, links included: for a masked link's label, where a bare URL would end the label early. */
export function fitLabel(text: string, max: number): string {
  return escapePart(cutText(text, max, (s) => escapePart(s).length));
}

/**
 * `**…**` around escaped text: a text ending in a bare link gets a space before the closing
 * marker, or Discord would read the marker as part of the link.
 */
export function bold(escaped: string): string {
  return LINK_AT_END.test(escaped) ? `**${escaped} **` : `**${escaped}**`;
}

const LINK_AT_END = /https?:\/\/\S*$/;

function escapePart(text: string): string {
  return (
    text
      .replace(/[\\*_~`|[\]<>]/g, '\\$&')
      .replace(/@(?=everyone|here)/gi, '\\@')
      // Also at the very end: we may append " · date" to the text, making it a heading or a list.
      .replace(/^(\s*)(#{1,3}|-#?|\+)(?=\s|$)/gm, '$1\\$2')
      .replace(/^(\s*\d+)\.(?=\s|$)/gm, '$1\\.')
  );
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const words = new Intl.Segmenter('en', { granularity: 'word' });

function segmentsOf(text: string, by: Intl.Segmenter): string[] {
  return Array.from(by.segment(text), (s) => s.segment);
}

/** Longest prefix made of whole segments whose measured length (plus the tail) fits `max`. */
function takeSegments(parts: string[], max: number, measure: (s: string) => number, tail: string): string {
  let kept = '';
  for (const part of parts) {
    const next = kept + part;
    if (measure(next.trimEnd() + tail) > max) break;
    kept = next;
  }
  return kept.trimEnd();
}

/**
 * Cuts raw `text` so that `escapeDiscord(result)` fits in `max` characters: whole sentences if
 * any fits, else whole space-separated words, else Unicode words (for scripts without spaces),
 * else (a single giant token) whole code points; ` …` marks the cut.
 * Returns raw text: escape it afterwards.
 */
export function cutText(text: string, max: number, measure: (s: string) => number = escapedLength): string {
  const clean = text.trim();
  if (measure(clean) <= max) return clean;
  const tail = ` ${ELLIPSIS}`;
  let kept = takeSegments(segmentsOf(clean, sentences), max, measure, tail);
  if (!kept) kept = takeSegments(clean.split(/(?<=\s)/), max, measure, tail);
  if (!kept) kept = takeSegments(segmentsOf(clean, words), max, measure, tail); // scripts without spaces
  if (!kept) kept = takeSegments(Array.from(clean), max, measure, tail);
  return kept ? `${kept}${tail}` : measure(ELLIPSIS) <= max ? ELLIPSIS : '';
}

export function escapedLength(s: string): number {
  return escapeDiscord(s).length;
}

/** Cut then escape: the usual way to put source text into a limited Discord field. */
export function fitEscaped(text: string, max: number): string {
  return escapeDiscord(cutText(text, max));
}

/**
 * Splits long raw text into escaped chunks of at most `max` characters each, breaking between
 * lines when possible, else between sentences, else between words. Nothing is dropped.
 */
export function splitEscaped(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest) {
    if (escapedLength(rest) <= max) {
      chunks.push(escapeDiscord(rest));
      break;
    }
    let head = takeSegments(rest.split(/(?<=\n)/), max, escapedLength, '');
    if (!head) head = takeSegments(segmentsOf(rest, sentences), max, escapedLength, '');
    if (!head) head = takeSegments(rest.split(/(?<=\s)/), max, escapedLength, '');
    if (!head) head = takeSegments(segmentsOf(rest, words), max, escapedLength, '');
    if (!head) head = takeSegments(Array.from(rest), max, escapedLength, '');
    if (!head) break; // max too small for one escaped character: nothing sensible to send
    chunks.push(escapeDiscord(head));
    rest = rest.slice(head.length).trim();
  }
  return chunks;
}

/** Cuts a label/title we write ourselves (not escaped) to `max` on a word boundary. */
export function cutPlain(text: string, max: number): string {
  return cutText(text, max, (s) => s.length);
}
