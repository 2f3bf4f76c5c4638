/**
 * What an extractor (HTML page, PDF) hands the loader: the text as blocks (one paragraph or
 * `## heading` each, in reading order) and the metadata found, as written in the source.
 */
export interface Extracted {
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** The publication date as the source writes it (ISO timestamp, RFC 822, "2 May 2023"…); null when none. */
  published: string | null;
  /** Where `published` was read: JSON-LD, a `<meta>` tag, a `<time>` in the article header, or a visible dateline. */
  publishedFrom?: 'json-ld' | 'meta' | 'time-element' | 'dateline' | null;
  /** The last-modified date, kept apart from the publication date. */
  modified: string | null;
  blocks: string[];
  /** The page's own address (`<link rel="canonical">`, `og:url`), for a page saved to a file. */
  url?: string | null;
  /** A date to use only when neither `published` nor a visible dateline gives one (a PDF's creation date). */
  fallbackDate?: string | null;
}
