/** `.jsonl.gz` collections, streamed; symbolic links followed; nothing skipped without a problem. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge, parseKnowledgeBytes } from '../../src/knowledge/load.js';
import { FIXTURES } from '../helpers.js';

const MINI = join(FIXTURES, 'mini', 'speeches.jsonl');
const BAD = join(FIXTURES, 'bad', 'records.jsonl');

describe('JSONL collections, plain and gzipped', () => {
  const root = mkdtempSync(join(tmpdir(), 'verbatim-gz-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const folder = (name: string, files: Record<string, Uint8Array | string>) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, bytes] of Object.entries(files)) writeFileSync(join(dir, file), bytes);
    return dir;
  };

  it('a .jsonl.gz loads the same articles and problems as its .jsonl', async () => {
    for (const source of [MINI, BAD]) {
      const plain = await loadKnowledge(folder(`plain-${source.length}`, { 'c.jsonl': readFileSync(source) }));
      const gz = await loadKnowledge(folder(`gz-${source.length}`, { 'c.jsonl.gz': gzipSync(readFileSync(source)) }));
      expect(plain.articles.length).toBeGreaterThan(0);
      const named = (x: typeof plain, file: string) => ({
        articles: x.articles.map((a) => ({ ...a, file, id: a.id.replace(/^c\.jsonl(\.gz)?#/, '#') })),
        problems: x.problems.map((p) => ({ ...p, file })),
      });
      expect(named(gz, 'c')).toEqual(named(plain, 'c'));
    }
  });

  it('reads a collection stored as bytes (the database) the same way, gzipped or not', async () => {
    const bytes = readFileSync(MINI);
    const plain = await parseKnowledgeBytes({ path: 'm.jsonl', size: bytes.length, mtimeMs: 0 }, bytes);
    const gz = await parseKnowledgeBytes({ path: 'm.jsonl.gz', size: 0, mtimeMs: 0 }, gzipSync(bytes));
    expect(gz.articles.map((a) => a.paragraphs)).toEqual(plain.articles.map((a) => a.paragraphs));
    expect(gz.problems).toEqual([]);
  });

  it('splits records at every newline, whatever the chunk boundaries (one record spanning many chunks)', async () => {
    const long = `{"id":"long","title":"Long","speaker":"A B","date":"2001","text":"${'word '.repeat(60_000)}end."}`;
    const text = `${long}\n\n${readFileSync(MINI, 'utf8')}`;
    const { articles, problems } = await loadKnowledge(folder('long', { 'l.jsonl.gz': gzipSync(text) }));
    expect(problems).toEqual([]);
    expect(articles[0]!.id).toBe('long');
    expect(articles[0]!.paragraphs[0]!.text.endsWith('word end.')).toBe(true);
  });

  it('a truncated or corrupt .gz is a clear problem, never a crash; the records before the break load', async () => {
    const gz = gzipSync(readFileSync(MINI));
    const { articles, problems } = await loadKnowledge(
      folder('broken', {
        'cut.jsonl.gz': gz.subarray(0, Math.floor(gz.length * 0.7)),
        'junk.jsonl.gz': 'not gzip at all',
        'ok.jsonl': readFileSync(BAD),
      }),
    );
    const reason = (file: string) => problems.filter((p) => p.file === file).map((p) => p.reason);
    expect(reason('cut.jsonl.gz')).toEqual([
      expect.stringMatching(/^corrupt or truncated gzip \(unexpected end of file\); the records before line \d+ are loaded$/),
    ]);
    expect(reason('junk.jsonl.gz')).toEqual([expect.stringMatching(/^corrupt or truncated gzip \(incorrect header check\)$/)]);
    expect(articles.some((a) => a.file === 'cut.jsonl.gz')).toBe(true);
    expect(articles.filter((a) => a.file === 'ok.jsonl').map((a) => a.id)).toEqual(['ok-1', 'ok-2']);
  });

  it('bytes that are not UTF-8 and empty collections are reported as before', async () => {
    const { articles, problems } = await loadKnowledge(
      folder('odd', { 'bin.jsonl': Buffer.from([0x7b, 0xff, 0xfe, 0x0a]), 'blank.jsonl.gz': gzipSync('\n  \n'), 'none.jsonl': '' }),
    );
    expect(articles).toEqual([]);
    expect(problems).toEqual([
      { file: 'bin.jsonl', reason: 'not UTF-8 text (binary file?)' },
      { file: 'blank.jsonl.gz', reason: 'empty file' },
      { file: 'none.jsonl', reason: 'empty file' },
    ]);
  });
});

describe('symbolic links', () => {
  const root = mkdtempSync(join(tmpdir(), 'verbatim-links-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a linked file and a linked folder load; a broken link and a loop are problems, never skipped silently', async () => {
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(join(elsewhere, 'nested'), { recursive: true });
    copyFileSync(MINI, join(elsewhere, 'speeches.jsonl'));
    writeFileSync(join(elsewhere, 'nested', 'more.jsonl.gz'), gzipSync(readFileSync(BAD)));
    const dir = join(root, 'knowledge');
    mkdirSync(dir);
    symlinkSync(join(elsewhere, 'speeches.jsonl'), join(dir, 'speeches.jsonl'));
    symlinkSync(join(elsewhere, 'nested'), join(dir, 'linked'));
    symlinkSync(join(root, 'missing.jsonl'), join(dir, 'broken.jsonl'));
    symlinkSync(dir, join(dir, 'loop'));
    const direct = await loadKnowledge(join(elsewhere));
    const { articles, problems, files } = await loadKnowledge(dir);
    expect(files.map((f) => f.path)).toEqual(['broken.jsonl', 'linked/more.jsonl.gz', 'loop', 'speeches.jsonl']);
    expect(articles.map((a) => a.id).sort()).toEqual(direct.articles.map((a) => a.id).sort());
    expect(problems.filter((p) => p.file === 'broken.jsonl')).toEqual([
      { file: 'broken.jsonl', reason: expect.stringMatching(/^symbolic link to nothing readable \(ENOENT\)/) },
    ]);
    expect(problems.filter((p) => p.file === 'loop')).toEqual([
      { file: 'loop', reason: 'symbolic link to a folder that contains it (a loop); skipped' },
    ]);
    expect(files.find((f) => f.path === 'speeches.jsonl')?.size).toBe(readFileSync(MINI).length);
  });
});
