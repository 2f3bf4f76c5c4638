/** `/sources` lists the newest additions first, and `ask --json "/sources"` carries the list as data. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { loadCore } from '../../src/load-core.js';
import { addSource } from '../../src/ingest/add.js';
import { renderJson } from '../../src/render/json.js';
import { newsPage, pressReleasePage } from './pages.js';

let dir: string;
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

it('lists additions newest first, then the rest by date, with every field as data', async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-sources-'));
  await cp(fileURLToPath(new URL('../../knowledge', import.meta.url)), dir, { recursive: true });
  const add = (name: string, html: string, at: string) =>
    addSource({ kind: 'file', name, bytes: Buffer.from(html) }, { knowledgeDir: dir, now: () => new Date(at) });
  expect((await add('press.html', pressReleasePage(), '2026-12-01T10:00:00Z')).ok).toBe(true);
  expect((await add('news.html', newsPage(), '2026-12-02T10:00:00Z')).ok).toBe(true);
  const { core } = await loadCore(dir, { cacheDir: null });
  const answer = core.ask('/sources');
  const json = JSON.parse(renderJson(answer));
  expect(json.sources.map((s: { sourceId: string }) => s.sourceId)).toEqual([
    'added/news',
    'added/press',
    '000_3b84f6373ba0600d',
    '003_6af9d5b632cee811',
  ]);
  expect(Object.keys(json.sources[0])).toEqual([
    'sourceId',
    'title',
    'publisher',
    'author',
    'date',
    'url',
    'retrieved',
    'paragraphs',
    'quotes',
    'speakers',
  ]);
  expect(json.sources[0]).toMatchObject({
    publisher: 'Diplomatic Times',
    author: 'Gary Raynaldo',
    date: '2021-03-22',
    url: 'https://diplomatic-times.example/2021/03/nato-spy-ring',
    retrieved: '2026-12-02T10:00:00.000Z',
  });
  expect(json.sources[0].speakers).toContain('Jens Stoltenberg');
  expect(json.sources[2].retrieved).toBeNull();
  expect(answer.text).toMatch(/1\. .*2021-03-22.*\(updated 2021-03-23\), by Gary Raynaldo/);
  expect(JSON.parse(renderJson(core.ask('/quote stoltenberg georgia'))).sources).toBeUndefined();
});
