import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { FIXTURES } from '../helpers.js';

describe('loading a folder with bad files', async () => {
  const { articles, problems } = await loadKnowledge(join(FIXTURES, 'bad'));
  const reasonFor = (file: string, line?: number) =>
    problems
      .filter((p) => p.file === file && (line === undefined || p.line === line))
      .map((p) => p.reason)
      .join(' | ');

  it('still loads every good record', () => {
    expect(articles.map((a) => a.id).sort()).toEqual(['ok-1', 'ok-2']);
  });

  it('reports each bad file or line with a clear reason', () => {
    expect(reasonFor('empty.txt')).toMatch(/empty/);
    expect(reasonFor('image.txt')).toMatch(/binary/);
    expect(reasonFor('broken-front-matter.md')).toMatch(/front matter/);
    expect(reasonFor('impossible-date.md')).toMatch(/impossible date "2021-02-30"/);
    expect(reasonFor('undated.txt')).toMatch(/no date/);
    expect(reasonFor('records.jsonl', 2)).toMatch(/not valid JSON/);
    expect(reasonFor('records.jsonl', 3)).toMatch(/missing date/);
    expect(reasonFor('records.jsonl', 4)).toMatch(/impossible date/);
  });

  it('never loads a folder README as an article', () => {
    expect(problems.some((p) => p.file === 'README.md')).toBe(false);
    expect(articles.some((a) => a.file === 'README.md')).toBe(false);
  });

  it('keeps year-only JSONL dates as years', () => {
    expect(articles.find((a) => a.id === 'ok-1')).toMatchObject({ date: '1843', datePrecision: 'year' });
  });

  it('reports a missing folder instead of throwing', async () => {
    const result = await loadKnowledge(join(FIXTURES, 'no-such-folder'));
    expect(result.articles).toEqual([]);
    expect(result.problems[0]?.reason).toMatch(/cannot read/);
  });
});

describe('front matter', async () => {
  const { articles, problems } = await loadKnowledge(join(FIXTURES, 'good'));
  it("overrides detection and a speaker makes the whole text that speaker's words", () => {
    expect(problems).toEqual([]);
    const speech = articles.find((a) => a.id === 'speech')!;
    expect(speech).toMatchObject({ title: 'Statement on the harbour reopening', date: '2023', datePrecision: 'year' });
    const segs = speech.paragraphs.flatMap((p) => p.segments);
    expect(segs.every((s) => s.kind === 'quote' && s.speaker === 'Maria Lindqvist')).toBe(true);
    const two = articles.find((a) => a.id === 'two-speakers')!;
    expect(two).toMatchObject({ publisher: 'Harbour Gazette', url: 'https://example.org/fisheries', author: 'Ana Pereira', date: '2022-06-15' });
  });
});
