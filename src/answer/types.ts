/**
 * The answer contract shared by every face (console, `ask --json`, Discord).
 * A Citation cannot exist without its excerpt, speaker (or null), source title and date,
 * so no renderer can show words without saying where and when they come from.
 */

import type { Addition } from '../knowledge/scope.js';
import type { DateFrom, Problem } from '../knowledge/types.js';

type Command = 'quote' | 'summary' | 'search' | 'sources' | 'help' | 'verify' | 'timeline';
export type CitationKind = 'quote' | 'reported' | 'passage';

/**
 * Whose sources answer a request: the global ones only (a direct message, a user install, the
 * console), or those plus one server's own (a source added there; knowledge/scope.ts). The face
 * says which (answer/scope.ts withScope); the core knows nothing of where the request came from.
 */
export type Scope = 'global' | { server: string };

/** A source as shown to a user: enough to find the original. */
export interface SourceRef {
  sourceId: string;
  title: string;
  publisher: string | null;
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known (never an invented day). */
  date: string;
  url: string | null;
}

export interface Citation extends SourceRef {
  kind: CitationKind;
  /** Canonical speaker name; null for narration or unattributed text. */
  speaker: string | null;
  /** The name as this source writes it, when that differs from the canonical one ("Macky Sail"). */
  speakerAsGiven?: string;
  /** Verbatim words from the source; ` … ` marks every cut. */
  excerpt: string;
  /** Other sources carrying the same (or near-identical) words. */
  alsoIn: SourceRef[];
  /** Opaque, stable key of the passage the excerpt comes from (for "Context" buttons). */
  passageKey: string;
  /** The headline of the story within the source the excerpt comes from, when the file holds several. */
  section?: string | null;
  /** A partial quotation: the quoted words sit inside the reporter's sentence about what was said. */
  partial?: boolean;
  /** The source's byline, for citation styles that name the author (APA, MLA, Chicago). */
  author?: string | null;
  /** Where an added page's date was read (json-ld, meta, time-element, dateline, given): how far to trust it. */
  dateFrom?: DateFrom;
  /** When the source was added from the asker's own server: by whom and when ("added by a moderator of this server"). */
  addedHere?: Addition;
}

export interface SourceSummary extends SourceRef {
  author: string | null;
  paragraphs: number;
  quotes: number;
  speakers: string[];
  /** When it was added (`npm run add`, `/add`, a feed), ISO timestamp; absent for files placed by hand. */
  retrieved?: string | null;
  /** A later modification date of the source, `YYYY-MM-DD` (the citation keeps the publication date). */
  updated?: string | null;
  /** A source of the asker's own server (not global), with its addition there when recorded. */
  own?: { added: Addition | null };
}

export interface Answer {
  command: Command;
  found: boolean;
  /** What the user reads: the whole answer as plain text; each face adds its own way to the next page (render/text.ts). */
  text: string;
  citations: Citation[];
  /** Short headline, e.g. `Jens Stoltenberg on “china”`. */
  heading: string;
  /** "Did you mean" choices on a miss (speakers or topics), best first. */
  suggestions: string[];
  /** For paging ("More"): the normalised request and whether more results exist past this page. */
  request: AnswerRequest;
  hasMore: boolean;
  /**
   * How many results the question has in all pages (distinct citations, sources, or summary
   * sentences); "about" this many when only the best ones were checked for copies. 0 on a miss.
   */
  total?: number;
  /** Only for `sources`. */
  sources?: SourceSummary[];
  /** Only for `verify`. */
  verify?: VerifyResult;
  /** Only for `timeline`: sources per period, earliest first; the counts add up to all its citations. */
  periods?: PeriodCount[];
}

/** One period of a timeline: `2021`, `2021-03` or `2021-03-22`, and how many sources fall in it. */
export interface PeriodCount {
  period: string;
  count: number;
}

/** How a claimed quotation stands against the sources (never "false": a miss is "not-found in these sources"). */
export type Verdict = 'verbatim' | 'out-of-context' | 'spliced' | 'altered' | 'reported' | 'misattributed' | 'not-found';

/** One run of a word diff of claim against source: `added` = claim words the source lacks, `removed` = source words the claim lacks. */
export interface Difference {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * The same words written another way in claim and source: not a difference of words. `number`
 * ("six"/"6") is said as "same number, written differently"; `contraction` ("don’t"/"do not") and
 * `spelling` ("destabilise"/"destabilize") as the same words.
 */
export interface FormDifference {
  source: string;
  claim: string;
  kind: 'number' | 'contraction' | 'spelling';
}

export interface VerifyResult {
  verdict: Verdict;
  claim: string;
  /** The claimed speaker's canonical name (or the name as typed when no speaker has it); null when none was given. */
  claimedSpeaker: string | null;
  /** Claim against the closest source words (citation 1), in reading order; empty when not found. */
  differences: Difference[];
  /** Negations ("not", "n't", "never", "no") added or removed: they flip the meaning, so they are named first. */
  negations: Difference[];
  /** Per citation, the character range of its excerpt in its paragraph (for the stateless Cite button). */
  ranges: Array<[number, number]>;
  /** Words of claim and source that are the same words written another way (not differences). */
  forms: FormDifference[];
  /** `out-of-context`: the sentence the words were cut from, what was left out and why it matters. */
  cut?: Cut;
  /** `spliced`: the pieces in the claim's order (citation i is piece i), and what stands between each and the next. */
  pieces?: SplicePiece[];
  /** The earliest dated source holding the words (or the line they misquote); null when not found. */
  firstSeen: Appearance | null;
  /** The later sources repeating them, date order, a page (from the request's offset). */
  appearances: Appearance[];
  /** How many later sources repeat them in all (every page). */
  appearancesTotal: number;
}

/** What a left-out part of a sentence does to the words cut from it. */
export type CutKind = 'negation' | 'condition' | 'question' | 'attribution' | 'contrast';

export interface Cut {
  /** The sentence (or sentences) in reading order, in parts: `left` parts are words the claim leaves out. */
  parts: Array<{ text: string; left: boolean }>;
  /** Each left-out word that changes the meaning, and what kind of change it is. */
  reasons: Array<{ kind: CutKind; words: string }>;
}

export interface SplicePiece {
  /** The piece's words as the claim has them. */
  claim: string;
  /** What stands between this piece and the next in the sources ("9 sentences (96 words)", "another source, 2019"); null for the last. */
  gap: string | null;
}

/** One source holding the words: where and when, and its wording when it differs from the first one ("also as"). */
export interface Appearance extends SourceRef {
  speaker: string | null;
  words: string;
  /** Set when this source words it differently from the first appearance. */
  alsoAs?: string;
}

/**
 * A request in normalised form; every face builds one of these (or free text) and asks the core.
 * `scope`: whose sources answer it (answer/scope.ts); absent, the global ones.
 */
export type AnswerRequest = { scope?: Scope } & (
  | ({ command: 'quote'; speaker: string; topic: string; offset: number } & Bounds)
  | ({ command: 'summary'; topic: string; offset: number } & Bounds)
  | { command: 'search'; query: string; offset: number }
  | { command: 'sources'; offset: number }
  | { command: 'help'; offset: number }
  | ({ command: 'verify'; claim: string; speaker: string; offset: number } & Bounds)
  | ({ command: 'timeline'; topic: string; speaker: string; offset: number } & Bounds)
);

/** `since` / `until` options: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, combined with any period typed in the topic (both apply). */
export interface Bounds {
  since?: string;
  until?: string;
}

interface SpeakerChoice {
  name: string;
  quotes: number;
}

export interface PassageContext {
  source: SourceRef;
  section: string | null;
  /** The whole paragraph around an excerpt, verbatim. */
  text: string;
}

/**
 * The one object every face talks to. Pure and synchronous: no I/O, no Discord, no env. Every
 * question takes a scope (answer/scope.ts): without one, only the global sources answer.
 */
export interface Core {
  /** Answers a normalised request (slash commands and buttons build these). */
  answer(request: AnswerRequest): Answer;
  /** Answers what a user typed: `/quote stoltenberg china`, `/summary x`, or a free-text question. */
  ask(input: string, scope?: Scope): Answer;
  /** The paragraph around a citation's `passageKey`, or null when the key is unknown, stale or outside the scope. */
  context(passageKey: string, scope?: Scope): PassageContext | null;
  /**
   * The citation of the sentences in `[start, end)` of a passage's paragraph, for a Cite button
   * whose question is too long to replay (a /verify claim); null when the key is unknown, stale or outside the scope.
   */
  cite?(passageKey: string, start: number, end: number, scope?: Scope): Citation | null;
  /** Speakers ranked by fuzzy match on what was typed (all speakers by quote count when empty). */
  suggestSpeakers(typed: string, limit?: number, scope?: Scope): SpeakerChoice[];
  /** Topic words/names near a speaker's quotes (or across all sources), matching what was typed. */
  suggestTopics(typed: string, speaker?: string, limit?: number, scope?: Scope): string[];
  stats(): { sources: number; passages: number; quotes: number; speakers: number };
}

/** What a reload of the knowledge folder did, for logs and the admin `/reload` command. */
export interface ReloadReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files that now fail to load and whose last good version keeps serving. */
  keptLastGood: string[];
  problems: Problem[];
  sources: number;
  ms: number;
}

/**
 * A Core whose knowledge can be reloaded while it answers: the new knowledge base is built in
 * the background (in small slices, so answers keep flowing from the old one) and swapped in at once.
 */
export interface LiveCore extends Core {
  /** Re-reads the folder; concurrent calls share one reload. Never rejects: failures are in the report. */
  reload(): Promise<ReloadReport>;
  /** Resolves once no reload runs and no snapshot is still being written (before removing the cache). */
  settled(): Promise<void>;
  /** Reloads (debounced) whenever a file under the folder changes; returns a function that stops watching. */
  watch(onReload: (report: ReloadReport) => void): () => void;
}
