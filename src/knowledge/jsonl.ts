import { splitLongParagraph } from './long-paragraphs.js';
import { parseGivenDate } from './dates.js';
import { segmentArticle, speechSegments } from './quotes.js';
import { collapseSpaces } from './text.js';
import { transcriptSegments } from './transcript.js';
import type { Article } from './types.js';

/**
 * One JSON Lines record → Article: `{id,title,speaker?,date,date_precision?,publisher?,url?,text}`.
 * `speaker` means the whole text is that person's words (a speech); `multi_speaker: true` means
 * turns are marked in the text and only the speaker's own turns are theirs.
 */
export function parseJsonlRecord(line: string, file: string, lineNo: number): Article {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    throw new Error(`not valid JSON: ${(err as Error).message}`);
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('a record must be a JSON object');
  const r = rec as Record<string, unknown>;
  const text = typeof r.text === 'string' ? r.text : '';
  if (!text.trim()) throw new Error('missing "text"');
  const date = parseGivenDate(r.date, r.date_precision);
  if ('error' in date) throw new Error(date.error);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? collapseSpaces(v) : null);
  const id = str(r.id) ?? `${file}#${lineNo}`;
  const speaker = str(r.speaker);
  const paragraphs = text
    .split(/\n\s*\n/)
    .map(collapseSpaces)
    .filter(Boolean)
    .flatMap((p) => splitLongParagraph(p));
  const segments = speaker
    ? r.multi_speaker === true
      ? transcriptSegments(paragraphs, speaker)
      : paragraphs.map((p, i) => speechSegments(p, speaker, i + 1))
    : segmentArticle(paragraphs.map((p) => ({ text: p, kind: 'body' as const })));
  return {
    id,
    file,
    title: str(r.title) ?? id,
    date: date.iso,
    datePrecision: date.precision,
    publisher: str(r.publisher),
    author: null,
    url: str(r.url),
    photoCredit: null,
    paragraphs: paragraphs.map((p, i) => ({
      text: p,
      section: null,
      segments: (segments[i]?.length ? segments[i] : [{ kind: 'narration' as const, speaker: null, start: 0, end: p.length }])!,
    })),
    country: str(r.country_iso3) ?? str(r.country),
    roles: speaker && typeof r.speaker_post === 'string' && r.speaker_post.trim() ? [{ speaker, role: collapseSpaces(r.speaker_post) }] : [],
  };
}
