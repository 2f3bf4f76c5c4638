/** A first start's index built on the worker thread from the file's text section is the index built here. */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Article } from '../../src/knowledge/types.js';
import { concatIndexes, IndexBuilder } from '../../src/search/index-builder.js';
import { indexInWorker } from '../../src/search/index-thread.js';
import { SearchIndex } from '../../src/search/index.js';
import { buildKnowledgeBaseBeside, passageText } from '../../src/search/kb.js';
import { encodeTexts } from '../../src/search/kb-file.js';
import { cutPassages } from '../../src/search/passages.js';
import { KNOWLEDGE } from '../helpers.js';

const paragraph = (text: string) => ({ text, section: null, segments: [{ kind: 'narration' as const, speaker: null, start: 0, end: text.length }] });

/** Text the worker reads each way: ASCII bytes, typographic marks, accents, other scripts, a lone surrogate. */
const mixed: Article = {
  id: 'mixed',
  file: 'mixed.md',
  title: 'Mixed',
  date: '2024-01-01',
  datePrecision: 'day',
  publisher: null,
  author: null,
  url: null,
  photoCredit: null,
  paragraphs: [
    paragraph("The NATION's Allies DON'T agree; O'Brien's rock'n'roll 1990s. Processes, allies, elections!"),
    paragraph('“Russia’s” position — said Niinistö — is São Paulo’s café crème; Ελλάδα и Россия 中国.'),
    paragraph(`A lone surrogate \ud800 between words, then ${'word '.repeat(300)}end.`),
    paragraph(`${'Long sentence about the treaty and its allies. '.repeat(40)}Done.`),
  ],
  country: null,
  roles: [],
};

async function same(articles: Article[]): Promise<void> {
  const passages = cutPassages(articles);
  const here = SearchIndex.build(passages.map((p) => passageText(articles, p))).data;
  const there = await indexInWorker(encodeTexts(articles, true), passages);
  expect(there).not.toBeNull();
  expect(there!.terms).toEqual(here.terms);
  for (const k of ['offsets', 'docs', 'tfs', 'docLength'] as const) expect(Array.from(there![k]), k).toEqual(Array.from(here[k]));
}

describe('the index built on a worker thread', () => {
  it('is the index SearchIndex.build makes, for ASCII and any other text', async () => {
    const { articles } = await loadKnowledge(KNOWLEDGE);
    await same([...articles, mixed]);
  });

  it('addAscii of bytes is add of the string they spell', () => {
    const text = "The NATION's Allies DON'T agree, 1990s processes";
    const a = new IndexBuilder();
    a.add(text);
    const b = new IndexBuilder();
    b.addAscii(Buffer.from(`xx${text}yy`, 'latin1'), 2, 2 + text.length);
    expect(b.finish()).toEqual(a.finish());
  });

  it('joins two parts into the index of them all, built on two threads or here when the thread failed', async () => {
    const { articles: seed } = await loadKnowledge(KNOWLEDGE);
    const articles = [...seed, mixed];
    const passages = cutPassages(articles);
    const whole = SearchIndex.build(passages.map((p) => passageText(articles, p))).data;
    for (const from of [0, 1, Math.floor(passages.length / 3), passages.length - 1, passages.length]) {
      const copy = structuredClone(articles);
      const split = await buildKnowledgeBaseBeside(copy, passages, from, indexInWorker(encodeTexts(copy, true), passages.slice(from)));
      expect(split.index.data, `from ${from}`).toEqual(whole);
      const failed = await buildKnowledgeBaseBeside(structuredClone(articles), passages, from, Promise.resolve(null));
      expect(failed.index.data, `from ${from}, failed`).toEqual(whole);
    }
  });

  it("concatenates indexes: terms merged in code-unit order, the second part's passages after the first's", () => {
    const index = (texts: string[]) => {
      const b = new IndexBuilder();
      for (const t of texts) b.add(t);
      return b.finish();
    };
    const texts = ['alpha beta beta', 'gamma', 'Beta delta', '', 'alpha Zeta zeta', 'émigré epsilon'];
    for (let k = 0; k <= texts.length; k++) expect(concatIndexes(index(texts.slice(0, k)), index(texts.slice(k)))).toEqual(index(texts));
  });
});
