/**
 * The limits of loading a source, in one place (documented in docs/reliability.md; each can be set
 * from the environment, read by the faces: src/config.ts `loadLimitsConfig`, never here). Chosen far
 * above what a real source needs, so they only ever stop a hostile or broken one.
 */
export const LOAD_LIMITS = {
  /**
   * Characters in one paragraph. A paragraph is the unit quoting, the index and the speaker pass
   * work on, and their cost grows faster than its length (one 50 MB paragraph took 2.7 GB to
   * load): a longer one is cut at sentence ends, or refused with its size when it cannot be.
   */
  paragraphChars: 1_000_000,
  /**
   * Characters in one paragraph above which the source is parsed in the worker thread rather than
   * on the main thread: finding quotations takes time that grows with the square of their number
   * in one paragraph (a 300 KB paragraph packed with quotations took 26 s), and the main thread
   * answers meanwhile. The longest paragraph of the 100,951-passage speech corpus is 127 KB;
   * ordinary articles stay under 5 KB, so almost every source is still parsed where it is read.
   */
  workerParagraphChars: 50_000,
  /** Bytes in one line of a `.jsonl` collection (one record: a whole article). */
  lineBytes: 16 * 1024 * 1024,
  /** Bytes of a file read whole (text, Markdown, HTML, PDF); collections are streamed line by line. */
  fileBytes: 64 * 1024 * 1024,
  /** Wall time of one job in the worker thread (extracting a page, parsing an oversized source). */
  workerTimeMs: 15_000,
  /** The worker's heap (`resourceLimits.maxOldGenerationSizeMb`): a source that needs more is refused. */
  workerMemoryMb: 512,
  /** Element nesting of an HTML page: Readability's time grows far faster than the depth. */
  domDepth: 256,
};

export type LoadLimits = typeof LOAD_LIMITS;

/** Sets the limits given (the faces, from the environment, at start); the others keep their value. */
export function setLoadLimits(limits: Partial<LoadLimits>): void {
  for (const [key, value] of Object.entries(limits) as [keyof LoadLimits, number | undefined][]) if (value !== undefined) LOAD_LIMITS[key] = value;
}
