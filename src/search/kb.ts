import type { Article, Paragraph, Segment } from '../knowledge/types.js';
import { SearchIndex } from './index.js';
import { cutPassages, type Passage } from './passages.js';
import { SpeakerDirectory } from './speakers.js';

/** Everything the answer layer needs, built once from the loaded articles. */
export interface KnowledgeBase {
  articles: Article[];
  passages: Passage[];
  index: SearchIndex;
  speakers: SpeakerDirectory;
}

export function buildKnowledgeBase(articles: Article[]): KnowledgeBase {
  const passages = cutPassages(articles);
  const speakers = new SpeakerDirectory(articles, passages);
  const index = new SearchIndex(passages.map((p) => passageText(articles, p)));
  return { articles, passages, index, speakers };
}

export function passageText(articles: Article[], p: Passage): string {
  return articles[p.article]!.paragraphs[p.paragraph]!.text.slice(p.start, p.end);
}

/** The paragraph and segments of a passage. */
export function passageParts(kb: KnowledgeBase, id: number): { article: Article; paragraph: Paragraph; segments: Segment[]; passage: Passage } {
  const passage = kb.passages[id]!;
  const article = kb.articles[passage.article]!;
  const paragraph = article.paragraphs[passage.paragraph]!;
  return { article, paragraph, passage, segments: paragraph.segments.slice(passage.segFrom, passage.segTo) };
}
