/** The binary persisted index: built → saved → loaded answers exactly the same; a bad file is rebuilt, never trusted. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCore } from '../../src/load-core.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Article } from '../../src/knowledge/types.js';
import { buildKnowledgeBase } from '../../src/search/kb.js';
import { cutPassages } from '../../src/search/passages.js';
import { SpeakerDirectory } from '../../src/search/speakers.js';
import { bufferReader, checksum, decodeKb, encodeKb } from '../../src/search/kb-file.js';
import { KNOWLEDGE } from '../helpers.js';

const CORPUS = join(KNOWLEDGE, '..', '..', 'shared', 'corpus', 'speeches.jsonl');
const root = mkdtempSync(join(tmpdir(), 'verbatim-kbfile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SEED_QUESTIONS = [
  '/quote stoltenberg china',
  '/quote stoltenberg russia',
  '/summary spy ring',
  'has NATO commented on battlegroups',
  '/quote stoltenbreg nucler',
  '/timeline stoltenberg | russia',
  'did Stoltenberg say "We regard China as an adversary"?',
  'who said "we do not see China as an adversary"?',
  '/sources',
];
const CORPUS_QUESTIONS = [
  '/quote lincoln slavery',
  '/quote obama health care',
  '/summary civil rights',
  '/quote kennedy moon',
  'what did reagan say about the soviet union?',
  '/timeline roosevelt | depression',
  'did Lincoln say "a house divided against itself cannot stand"?',
  'anything on comprehensive apporch?',
  '/quote washington union',
  '/sources',
];

/** Answers from a fresh build and from the saved file, question by question (with a second page). */
async function roundTrip(dir: string, questions: string[]) {
  const cache = join(root, `cache-${readdirSync(root).length}`);
  const built = await loadCore(dir, { cacheDir: cache, progress: null });
  expect(built.cache).toBe('built');
  const loaded = await loadCore(dir, { cacheDir: cache, progress: null });
  expect(loaded.cache).toBe('hit');
  for (const q of questions) {
    expect(loaded.core.ask(q), q).toEqual(built.core.ask(q));
    expect(loaded.core.answer({ command: 'search', query: q, offset: 5 }), q).toEqual(built.core.answer({ command: 'search', query: q, offset: 5 }));
  }
  expect(loaded.core.stats()).toEqual(built.core.stats());
  expect(loaded.core.suggestSpeakers('sto', 10)).toEqual(built.core.suggestSpeakers('sto', 10));
}

describe('the binary knowledge base file', () => {
  it('round-trips the seed articles and index field for field', async () => {
    const { articles, problems, files, aliases } = await loadKnowledge(KNOWLEDGE);
    const kb = buildKnowledgeBase(articles, undefined, aliases);
    const content = { articles: kb.articles, problems, index: kb.index.data, files, aliases, speakers: kb.speakers.state(), passages: kb.passages };
    const decoded = await decodeKb(bufferReader(Buffer.concat(encodeKb(content, 'f', 'k'))), 'f', 'k');
    expect(decoded).toEqual(content);
    // The restored speaker directory is the built one, and the one rebuilding from the saved articles would give.
    const passages = cutPassages(kb.articles);
    expect(new SpeakerDirectory(kb.articles, passages, aliases, content.speakers).state()).toEqual(content.speakers);
    expect(new SpeakerDirectory((decoded as typeof content).articles, passages, aliases).state()).toEqual(content.speakers);
    // Text read in blocks smaller than a paragraph, and of odd sizes: every carry over a block edge.
    for (const block of [8, 64, 4096])
      expect(await decodeKb(bufferReader(Buffer.concat(encodeKb(content, 'f', 'k', block))), 'f', 'k')).toEqual(content);
  });

  it('keeps optional fields and text UTF-8 cannot carry (a lone surrogate) exactly', async () => {
    const article: Article = {
      id: 'x',
      file: 'x.md',
      title: 'X',
      date: '2020',
      datePrecision: 'year',
      publisher: null,
      author: null,
      url: null,
      photoCredit: null,
      roles: [],
      paragraphs: [
        {
          text: 'lone \ud800 surrogate “quoted”',
          section: 'A section',
          caption: true,
          segments: [{ kind: 'quote', speaker: 'Ann', start: 0, end: 4, quoteId: 7, embedded: false }],
        },
        { text: 'plain', section: null, segments: [{ kind: 'narration', speaker: null, start: 0, end: 5 }] },
      ],
    };
    const index = { terms: [], offsets: new Uint32Array(1), docs: new Uint32Array(0), tfs: new Uint16Array(0), docLength: new Float32Array(0) };
    const content = { articles: [article], problems: [], index, files: [], aliases: {}, passages: cutPassages([article]) };
    expect(await decodeKb(bufferReader(Buffer.concat(encodeKb(content, 'f', 'k'))), 'f', 'k')).toEqual(content);
  });

  it('is rejected, with the reason, when truncated, corrupted, stale or of another format', async () => {
    const { articles, problems, files, aliases } = await loadKnowledge(KNOWLEDGE);
    const kb = buildKnowledgeBase(articles, undefined, aliases);
    const bytes = Buffer.concat(encodeKb({ articles: kb.articles, problems, index: kb.index.data, files, aliases }, 'f', 'k'));
    const rejected = async (b: Buffer, format = 'f', key = 'k') => {
      const r = await decodeKb(bufferReader(b), format, key);
      return 'rejected' in r ? r.rejected : 'accepted';
    };
    expect(await rejected(bytes.subarray(0, bytes.length - 100))).toMatch(/^truncated/);
    expect(await rejected(bytes.subarray(0, 20))).toMatch(/^truncated|bad header/);
    expect(await rejected(Buffer.from('not a snapshot'))).toBe('not a knowledge base file (bad header)');
    expect(await rejected(bytes, 'f', 'other')).toMatch(/^stale/);
    expect(await rejected(bytes, 'g')).toMatch(/^older format/);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 200]! ^= 0x10;
    expect(await rejected(flipped)).toMatch(/^bad checksum/);
    const text = Buffer.from(bytes);
    text[Math.floor(text.length / 2)]! ^= 0x01;
    expect(await rejected(text)).toMatch(/^bad checksum/);
    expect(await rejected(bytes)).toBe('accepted');
  });

  it('makes an article’s paragraphs from the file only when they are read, then holds them like any property', async () => {
    const { articles, problems, files, aliases } = await loadKnowledge(KNOWLEDGE);
    const kb = buildKnowledgeBase(articles, undefined, aliases);
    const content = { articles: kb.articles, problems, index: kb.index.data, files, aliases, speakers: kb.speakers.state(), passages: kb.passages };
    const decoded = (await decodeKb(bufferReader(Buffer.concat(encodeKb(content, 'f', 'k'))), 'f', 'k')) as typeof content;
    const [first, second] = decoded.articles as [Article, Article];
    expect(Object.getOwnPropertyDescriptor(first, 'paragraphs')?.get).toBeDefined();
    expect(first.paragraphs).toEqual(kb.articles[0]!.paragraphs);
    // Read once, kept: the same objects on every read, so a change to a segment stays.
    expect(Object.getOwnPropertyDescriptor(first, 'paragraphs')?.value).toBe(first.paragraphs);
    first.paragraphs[0]!.segments[0]!.speaker = 'Changed';
    expect(first.paragraphs[0]!.segments[0]!.speaker).toBe('Changed');
    // Spreading reads them (as it would a plain property); assigning replaces them.
    expect({ ...second }).toEqual(kb.articles[1]);
    second.paragraphs = [];
    expect(second.paragraphs).toEqual([]);
    // A passage that points past its article's paragraphs is a reason to rebuild.
    const bad = { ...content, passages: [...kb.passages, { ...kb.passages[0]!, paragraph: 10_000 }] };
    const rejected = await decodeKb(bufferReader(Buffer.concat(encodeKb(bad, 'f', 'k'))), 'f', 'k');
    expect(rejected).toEqual({ rejected: 'inconsistent passages' });
  });

  it('reads an article’s text from the file when first read, checked again: a file changed since the load is never served', async () => {
    const { articles, problems, files, aliases } = await loadKnowledge(KNOWLEDGE);
    const kb = buildKnowledgeBase(articles, undefined, aliases);
    const content = { articles: kb.articles, problems, index: kb.index.data, files, aliases, speakers: kb.speakers.state(), passages: kb.passages };
    for (const block of [8, 4096, undefined]) {
      const file = Buffer.concat(encodeKb(content, 'f', 'k', block));
      const decoded = (await decodeKb(bufferReader(file), 'f', 'k')) as typeof content;
      const last = kb.articles.length - 1;
      const header = JSON.parse(file.subarray(16, 16 + file.readUInt32LE(12)).toString()) as { sections: { text: { offset: number } } };
      const at = file.indexOf(Buffer.from(kb.articles[last]!.paragraphs[0]!.text.slice(0, 40)), header.sections.text.offset);
      expect(at).toBeGreaterThan(0);
      file[at + 3]! ^= 0x01;
      expect(() => decoded.articles[last]!.paragraphs).toThrow(/changed while in use/);
    }
  });

  it('checksums every byte, aligned or not', () => {
    const b = Buffer.from('abcdefghij');
    expect(checksum(b)).not.toBe(checksum(Buffer.from('abcdefghik')));
    expect(checksum(b.subarray(1))).toBe(checksum(Buffer.from('bcdefghij')));
  });
});

describe('a persisted index on disk', () => {
  const knowledge = join(root, 'knowledge');
  cpSync(KNOWLEDGE, knowledge, { recursive: true });
  const cache = join(root, 'cache');

  it('gives identical answers on the seeds', () => roundTrip(KNOWLEDGE, SEED_QUESTIONS));

  it('a truncated, corrupted or stale file is rebuilt, and says why', async () => {
    expect((await loadCore(knowledge, { cacheDir: cache, progress: null })).cache).toBe('built');
    const file = () => join(cache, readdirSync(cache).find((f) => f.startsWith('kb-'))!);
    truncateSync(file(), 1000);
    const truncated = await loadCore(knowledge, { cacheDir: cache, progress: null });
    expect(truncated).toMatchObject({ cache: 'built', rejected: expect.stringMatching(/^truncated/) });
    const bytes = readFileSync(file());
    bytes[bytes.length - 64]! ^= 0xff;
    writeFileSync(file(), bytes);
    expect(await loadCore(knowledge, { cacheDir: cache, progress: null })).toMatchObject({
      cache: 'built',
      rejected: expect.stringMatching(/^bad checksum/),
    });
    expect((await loadCore(knowledge, { cacheDir: cache, progress: null })).cache).toBe('hit');
    // Stale: a knowledge file changed, so the key (and the file name) changes and the old file goes.
    writeFileSync(join(knowledge, 'new.md'), '---\ntitle: New\ndate: 2024-01-02\n---\nNew words about harbours.\n');
    const stale = await loadCore(knowledge, { cacheDir: cache, progress: null });
    expect(stale.cache).toBe('built');
    expect(stale.core.ask('harbours').found).toBe(true);
    expect(readdirSync(cache).filter((f) => f.startsWith('kb-'))).toHaveLength(1);
  });

  it.skipIf(!existsSync(CORPUS))('gives identical answers on a 2,000-passage sample of ../shared/corpus', async () => {
    // Every 40th record from a fixed start until about 2,000 passages: presidents and UN speakers alike.
    const lines = readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean);
    const picked: string[] = [];
    let paragraphs = 0;
    for (let i = 7; paragraphs < 2000 && picked.length < lines.length; i = (i + 41) % lines.length) {
      picked.push(lines[i]!);
      paragraphs += (JSON.parse(lines[i]!) as { text: string }).text.split(/\n\s*\n/).length;
    }
    const dir = join(root, 'sample');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sample.jsonl'), `${picked.join('\n')}\n`);
    await roundTrip(dir, CORPUS_QUESTIONS);
  });
});
if (!existsSync(CORPUS)) console.log(`kb-file: ${CORPUS} is not here; the 2,000-passage sample test is skipped`);
