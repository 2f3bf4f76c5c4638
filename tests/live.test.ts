import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReloadReport } from '../src/answer/types.js';
import { loadLiveCore } from '../src/live.js';
import { lineProgress } from '../src/progress.js';
import { FIXTURES, KNOWLEDGE } from './helpers.js';

describe('reloading knowledge while answering', async () => {
  const root = mkdtempSync(join(tmpdir(), 'verbatim-live-'));
  const dir = join(root, 'knowledge');
  cpSync(KNOWLEDGE, dir, { recursive: true });
  const { core } = await loadLiveCore(dir, { cacheDir: join(root, 'cache') });
  // A reload saves its snapshot in the background (src/live.ts): the folder goes once none is writing.
  afterAll(async () => {
    await core.settled();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers from the old knowledge until the new one is swapped in', async () => {
    cpSync(join(FIXTURES, 'good', 'two-speakers.md'), join(dir, 'two-speakers.md'));
    expect(core.ask('/quote berg science').found).toBe(false);
    const pending = core.reload();
    let answeredDuring = false;
    // Between the reload's slices the event loop is free: an answer comes, from the old base.
    await new Promise((resolve) => setImmediate(resolve));
    answeredDuring = core.ask('/quote stoltenberg china').found && !core.ask('/quote berg science').found;
    const report = await pending;
    expect(answeredDuring).toBe(true);
    expect(report.added).toEqual(['two-speakers.md']);
    expect(core.ask('/quote berg science').citations[0]).toMatchObject({ speaker: 'Tomas Berg', date: '2022-06-15' });
  });

  it('a reload with nothing changed changes nothing', async () => {
    const report = await core.reload();
    expect(report.added.length + report.changed.length + report.removed.length).toBe(0);
    expect(report.sources).toBe(3);
  });

  it('a file broken by an edit keeps its last good version serving, with a clear problem', async () => {
    writeFileSync(join(dir, 'two-speakers.md'), '---\ntitle: [broken\n---\nNothing.\n');
    const report = await core.reload();
    expect(report.changed).toEqual(['two-speakers.md']);
    expect(report.keptLastGood).toEqual(['two-speakers.md']);
    expect(report.problems.map((p) => p.reason).join()).toMatch(/front matter.*last good version keeps serving/);
    expect(core.ask('/quote berg science').found).toBe(true);
  });

  it('a deleted file stops being answered', async () => {
    rmSync(join(dir, 'two-speakers.md'));
    const report = await core.reload();
    expect(report.removed).toEqual(['two-speakers.md']);
    expect(core.ask('/quote berg science').found).toBe(false);
  });

  it('a JSONL record broken by an edit keeps its last good version', async () => {
    const file = join(dir, 'records.jsonl');
    writeFileSync(file, `${readFileSync(join(FIXTURES, 'bad', 'records.jsonl'), 'utf8').split('\n')[0]}\n`);
    await core.reload();
    expect(core.ask('/quote lovelace engine').found).toBe(true);
    writeFileSync(file, '{"id":"ok-1","title":"A good record","speaker":"Ada Lovelace","date":"1843",\n');
    const report = await core.reload();
    expect(report.keptLastGood).toEqual(['records.jsonl']);
    expect(core.ask('/quote lovelace engine').citations[0]?.date).toBe('1843');
  });

  it('watches the folder and reloads by itself', async () => {
    const got = new Promise<ReloadReport>((resolve) => {
      const stop = core.watch((r) => {
        stop();
        resolve(r);
      });
    });
    appendFileSync(
      join(dir, 'records.jsonl'),
      '\n{"id":"ok-2","title":"Another good one","speaker":"Charles Babbage","date":"1837-05-01","text":"The calculating engine must be able to store numbers."}\n',
    );
    const report = await got;
    expect(report.changed).toContain('records.jsonl');
    expect(core.ask('/quote babbage numbers').found).toBe(true);
  }, 15_000);
});

describe('the first load of a live core (the console)', () => {
  it('shows the same progress line as ask while a slow load runs', async () => {
    const written: string[] = [];
    // A clock that moves two seconds per look: every step is past the quiet first second.
    let t = 0;
    const progress = lineProgress(
      (s) => written.push(s),
      () => (t += 2000),
    );
    const { core } = await loadLiveCore(KNOWLEDGE, { cacheDir: null, progress });
    expect(core.stats().sources).toBe(2);
    expect(written.join('')).toMatch(/verbatim: reading knowledge: \d+\/\d+ files/);
    // The line is cleared when loading is done, so answers start on a clean line.
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});
