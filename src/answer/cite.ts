import { createHash } from 'node:crypto';
import type { Article, Segment } from '../knowledge/types.js';
import type { KnowledgeBase } from '../search/kb.js';
import { rememberTerms } from './dedupe.js';
import { excerptOf } from './excerpt.js';
import type { Pick } from './pick.js';
import { additionHere } from './scope.js';
import { sourceRef } from './source-ref.js';
import type { Citation, CitationKind } from './types.js';

/** Building a citation from a pick: its verbatim excerpt, speaker, source and a stable key of its paragraph. */

const KIND: Record<Segment['kind'], CitationKind> = { quote: 'quote', reported: 'reported', narration: 'passage', attribution: 'passage' };

export function citationOf(kb: KnowledgeBase, pick: Pick): Citation {
  const article = kb.articles[pick.articleIndex]!;
  const paragraph = article.paragraphs[pick.paragraphIndex]!;
  const lead = pick.segments[0]!;
  // The source's fields written out, not spread: `{ ...ref, kind, … }` takes V8 (Node 20) a slow
  // path costing ~20 µs per citation, and a page builds up to ~45 citations (bench/compare.ts: the
  // spread alone was a quarter of all answer time).
  const ref = sourceRef(article);
  const citation: Citation = {
    sourceId: ref.sourceId,
    title: ref.title,
    publisher: ref.publisher,
    date: ref.date,
    url: ref.url,
    kind: KIND[lead.kind],
    speaker: lead.kind === 'narration' ? null : lead.speaker,
    excerpt: excerptOf(paragraph, pick.segments, paragraph.segments, pick.focus),
    alsoIn: [],
    passageKey: passageKey(article, pick.paragraphIndex),
    section: paragraph.section && paragraph.section !== article.title ? paragraph.section : null,
    author: article.author,
  };
  const asGiven = citation.speaker ? kb.speakers.asGiven.get(pick.articleIndex)?.get(citation.speaker) : undefined;
  if (asGiven) citation.speakerAsGiven = asGiven;
  if (article.dateFrom) citation.dateFrom = article.dateFrom;
  if (lead.kind === 'quote' && pick.segments.every((s) => s.embedded)) citation.partial = true;
  const added = additionHere(kb, pick.articleIndex);
  if (added) citation.addedHere = added;
  if (pick.terms) rememberTerms(citation, pick.terms);
  return citation;
}

/**
 * Stable across restarts and re-indexing: the source id and paragraph number. Long ids are
 * replaced by a hash so the key fits in a Discord button id (100 characters with its prefix).
 */
export function passageKey(article: Article, paragraphIndex: number): string {
  let id = SHORT_IDS.get(article);
  if (id === undefined) {
    id = shortId(article.id);
    SHORT_IDS.set(article, id);
  }
  return `${id}#${paragraphIndex}`;
}

/**
 * An article's short id, hashed once per article (and held no longer than it): a page builds up
 * to ~45 citations, and hashing a long id for each was most of the key's cost.
 */
const SHORT_IDS = new WeakMap<Article, string>();

const MAX_ID_IN_KEY = 48;

export function shortId(id: string): string {
  return id.length <= MAX_ID_IN_KEY ? id : `h:${createHash('sha256').update(id).digest('base64url').slice(0, 22)}`;
}
