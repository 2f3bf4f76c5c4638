import type { Article, Paragraph, Segment } from '../knowledge/types.js';
import type { AliasTable } from '../knowledge/aliases.js';
import { concatIndexes, IndexBuilder, type IndexData } from './index-builder.js';
import { SearchIndex } from './index.js';
import { cutPassages, type Passage } from './passages.js';
import { SpeakerDirectory, type SpeakerState } from './speakers.js';

/** Everything the answer layer needs, built once from the loaded articles. */
export interface KnowledgeBase {
  articles: Article[];
  passages: Passage[];
  index: SearchIndex;
  speakers: SpeakerDirectory;
  /** The knowledge folder's own alias list it was built with (kept for rebuilds and snapshots). */
  aliases: AliasTable;
  /**
   * false: topics are not read as phrases, so answers rank by BM25 and sentence scores alone (the
   * exact words first, the words in order and misquote notes are off). Only for measuring what
   * phrase ranking costs (npm run bench); see CoreOptions in answer/core.ts.
   */
  phraseRanking?: false;
  /**
   * Set on the view of one request's scope (answer/scope.ts): the server it answers for (empty
   * for the global scope) and which articles it sees. Absent: every article is seen.
   */
  scope?: { server: string; sees(article: number): boolean };
}

/**
 * Builds the knowledge base; with `index` (a persisted one for these very articles) it skips
 * indexing, and with `cut` (the passages saved with it) it skips cutting them. `aliases` is the knowledge folder's own alias list (the built-in one always applies).
 */
export function buildKnowledgeBase(
  articles: Article[],
  index?: IndexData,
  aliases?: AliasTable,
  speakerState?: SpeakerState,
  cut?: Passage[],
): KnowledgeBase {
  const passages = cut ?? cutPassages(articles);
  const persisted = index !== undefined && index.docLength.length === passages.length;
  // The saved directory only goes with the saved index it was built beside.
  const speakers = new SpeakerDirectory(articles, passages, aliases, persisted ? speakerState : undefined);
  const built = persisted ? new SearchIndex(index) : SearchIndex.build(passages.map((p) => passageText(articles, p)));
  return { articles, passages, index: built, speakers, aliases: aliases ?? {} };
}

/**
 * The same for a first start whose index is built on two threads (index-thread.ts): `tail` is the
 * index of the passages from `from` on, being built on another; this thread builds the speaker
 * directory, then the index of the passages before `from`, and joins the two. `tail` null (the
 * other thread failed): that part is built here too. The index is the one buildKnowledgeBase makes.
 */
export async function buildKnowledgeBaseBeside(
  articles: Article[],
  passages: Passage[],
  from: number,
  tail: Promise<IndexData | null>,
  aliases?: AliasTable,
): Promise<KnowledgeBase> {
  const speakers = new SpeakerDirectory(articles, passages, aliases);
  const build = (start: number, end: number): IndexData => {
    const builder = new IndexBuilder();
    for (let i = start; i < end; i++) builder.add(passageText(articles, passages[i]!));
    return builder.finish();
  };
  const head = from > 0 ? build(0, from) : null;
  let rest = await tail;
  if (rest === null || rest.docLength.length !== passages.length - from) rest = build(from, passages.length);
  const index = new SearchIndex(head ? concatIndexes(head, rest) : rest);
  return { articles, passages, index, speakers, aliases: aliases ?? {} };
}

/** The same, in slices with pauses: for rebuilding in the background while the old base answers. */
export async function buildKnowledgeBaseAsync(articles: Article[], pause: () => Promise<void>, aliases?: AliasTable): Promise<KnowledgeBase> {
  const passages = cutPassages(articles);
  await pause();
  const speakers = new SpeakerDirectory(articles, passages, aliases);
  await pause();
  const index = await SearchIndex.buildAsync(
    passages.map((p) => passageText(articles, p)),
    pause,
  );
  return { articles, passages, index, speakers, aliases: aliases ?? {} };
}

/** The text of one passage, verbatim. */
export function passageText(articles: Article[], p: Passage): string {
  return articles[p.article]!.paragraphs[p.paragraph]!.text.slice(p.start, p.end);
}

/** The paragraph and segments of a passage (with `through`, of it and the passages after it up to that one, in one paragraph). */
export function passageParts(
  kb: KnowledgeBase,
  id: number,
  through = id,
): { article: Article; paragraph: Paragraph; segments: Segment[]; passage: Passage } {
  const passage = kb.passages[id]!;
  const article = kb.articles[passage.article]!;
  const paragraph = article.paragraphs[passage.paragraph]!;
  return { article, paragraph, passage, segments: paragraph.segments.slice(passage.segFrom, kb.passages[through]!.segTo) };
}

/** A passage and the next one as one text, when both are of one paragraph: a line may run across the cut. */
export function pairText(kb: KnowledgeBase, first: number): string | null {
  const a = kb.passages[first];
  const b = kb.passages[first + 1];
  if (!a || !b || a.article !== b.article || a.paragraph !== b.paragraph) return null;
  return kb.articles[a.article]!.paragraphs[a.paragraph]!.text.slice(a.start, b.end);
}
