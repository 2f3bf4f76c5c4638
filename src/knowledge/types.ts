import type { DatePrecision } from './dates.js';
import type { Addition } from './scope.js';

/** What a sentence-sized piece of a paragraph is. `attribution` ("…,” said X.") is never shown alone. */
export type SegmentKind = 'quote' | 'reported' | 'narration' | 'attribution';

/** A piece of a paragraph, by offsets, so every excerpt is a slice of the source text. */
export interface Segment {
  kind: SegmentKind;
  /** Speaker as written or resolved in this article; canonicalised across the knowledge base later. */
  speaker: string | null;
  start: number;
  end: number;
  /** Sentences of one quotation share an id (also across paragraphs), so excerpts can tell cuts. */
  quoteId?: number;
  /** Quoted words inside a sentence that is itself reported speech ("X said … “words”"). */
  embedded?: boolean;
}

export interface Paragraph {
  /** Whitespace-collapsed text of the paragraph as published. */
  text: string;
  section: string | null;
  segments: Segment[];
  /** A photo caption or credit line, not a sentence of the story. */
  caption?: boolean;
}

/** Where a page's publication date was read (json-ld, a `<meta>` tag, a `<time>` in its header, a visible dateline), or given by whoever added it. */
export type DateFrom = 'json-ld' | 'meta' | 'time-element' | 'dateline' | 'given';

export interface Article {
  id: string;
  file: string;
  title: string;
  /** False when the text has no headline of its own (front matter `title:` or a headline at the top). */
  titled?: boolean;
  date: string;
  datePrecision: DatePrecision;
  /** Where the date of an added page (HTML, PDF) was read; absent for text articles, dated by their own front matter. */
  dateFrom?: DateFrom;
  publisher: string | null;
  author: string | null;
  url: string | null;
  photoCredit: string | null;
  paragraphs: Paragraph[];
  /** When the source was fetched or added (ISO timestamp, from its provenance sidecar); absent for files dropped in by hand. */
  retrieved?: string;
  /** A modification date later than the publication date (`YYYY-MM-DD`): shown as "updated …", never cited instead. */
  updated?: string;
  /** Roles learnt from the text, by speaker ("NATO Secretary General" → "Jens Stoltenberg"). */
  roles: Array<{ speaker: string; role: string }>;
  /**
   * The country a collection gives for the record's speaker (`country_iso3`), when it gives one:
   * the context in which two spellings of a name are taken for one person.
   */
  country?: string | null;
  /**
   * The servers whose answers include this source (it was added there: knowledge/scope.ts);
   * absent for a global source, answered everywhere.
   */
  scopes?: string[];
  /** Who added it from which server and when (its provenance sidecar), newest last. */
  additions?: Addition[];
}

/** A file that could not be loaded (or loaded with a caveat); never stops the other files. */
export interface Problem {
  file: string;
  line?: number;
  reason: string;
}
