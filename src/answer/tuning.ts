/**
 * The values the answers are tuned by, in one place, each with why it has its value (like
 * Fuse.js's documented defaults). A change here changes what users read: run the tests and the
 * graders in ../shared/eval after one. Search's own values (BM25, typo corrections, passage
 * lengths, phrase candidates) are in src/search/tuning.ts.
 */

// Pages

/** Results per page of /quote and free-text search: five fit one Discord message and one screen. */
export const PAGE = 5;
/** Sources per page of /sources: one line each, so twice a results page. */
export const SOURCES_PAGE = 10;
/** Citations per page of /timeline: one per source, eight still fit one message with the chart. */
export const TIMELINE_PAGE = 8;
/** "Did you mean" choices at most: more is a list to read, not a choice. */
export const SUGGESTIONS = 5;

// How deep each answer reads into the ranked passages

/** /quote: passages read per result wanted, enough to rank well, few enough to answer in milliseconds. */
export const QUOTE_DEPTH_PER_RESULT = 8;
/** Free-text search: passages read per result wanted (no speaker filter drops any, so fewer than /quote). */
export const SEARCH_DEPTH_PER_RESULT = 6;
/** /summary: passages read first (deepen reads on when none of them gives a sentence). */
export const SUMMARY_DEPTH = 24;
/** The deepest any answer reads while it finds nothing usable: "not quoted on X" must be a real miss, and still fast. */
export const MAX_DEPTH = 4096;
/** Passages holding the exact words read per answer: more than any page shows, few enough to stay fast. */
export const PHRASE_LIMIT = 200;
/** Best BM25 results rated by the phrase besides those: the words in order, or a misquote's run. */
export const PHRASE_RATED = 40;

// Source titles (titled.ts)

/** /quote: at most this many sources titled with the topic go first; a page of five still shows other sources. */
export const TITLED_FIRST = 3;
/** Titled sources whose words lack the topic checked for being the speaker's own speech: bounds the work for a common title word ("remarks"). */
export const TITLED_CHECKED = 20;

// Excerpts

/** An excerpt reads as a citation, not a document: at most this many characters (the Context view shows the whole paragraph). */
export const MAX_EXCERPT = 1000;
/** At most this many sentences of one quotation in a /quote excerpt; the rest is marked "…". */
export const QUOTE_SENTENCES = 3;
/** Free-text search: sentences of a passage in its excerpt, the best ones (a passage is not a quotation). */
export const SEARCH_SENTENCES = 2;
/** Sentences around an exact phrase kept in its excerpt. */
export const PHRASE_SENTENCES = 3;
/** Longest stretch of adjacent sentences read as one text when rating a phrase. */
export const PHRASE_CHUNK = 2_000;
/**
 * A quotation shorter than this ("Thank you.", "(Applause.)") is listed after every substantial
 * one when a speaker is asked for without a topic; SHORT_LAST is the rank offset that puts it there.
 */
export const MIN_QUOTE_CHARS = 60;
export const SHORT_LAST = 1_000_000;

// Summaries

/** A summary has at least three sentences when the sources have them (fewer is a quote, not a summary)… */
export const SUMMARY_MIN_SENTENCES = 3;
/** …and at most six: a paragraph's worth, each cited. */
export const SUMMARY_MAX_SENTENCES = 6;
/** Sentences a summary fills up to by rank once every voice and source has one (more only when there are more voices). */
export const SUMMARY_SENTENCES = 5;
/** Distinct candidate sentences considered before choosing. */
export const SUMMARY_POOL = 30;
/** Sentences this similar (word-set Jaccard) to one already chosen add nothing new to a summary. */
export const REDUNDANT = 0.5;

// Copies of the same words

/** Word-set similarity from which two excerpts may be copies ("Also in" still needs the same words). */
export const NEAR_DUPLICATE = 0.8;
/** Two copies of one record (same date and title) whose excerpts were cut a little differently. */
export const SAME_RECORD = 0.5;
/** After a page is full, how many more results are still checked for copies of what it shows. */
export const LOOKAHEAD = 40;
