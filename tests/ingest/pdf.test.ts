/** PDF statements: text by unpdf (pdf.js), paragraphs rebuilt from line positions, date from the text, else the PDF's metadata. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSource } from '../../src/ingest/add.js';
import { extractPdf } from '../../src/knowledge/pdf.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { quotesOf } from './pages.js';
import { makePdf, STATEMENT_PARAGRAPHS, statementPdf } from './pdf-fixture.js';
import { send, startServer, type FixtureServer } from './server.js';

let dir: string;
let srv: FixtureServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-pdf-'));
  srv = await startServer({
    '/statement.pdf': send('application/pdf', statementPdf()),
    '/download?id=7': send('application/octet-stream', statementPdf()),
  });
});
afterAll(async () => {
  await srv?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('rebuilds the statement’s paragraphs from its lines, word for word', async () => {
  const page = await extractPdf(statementPdf());
  expect(page.title).toBe('Statement on the reopening of the northern basin');
  expect(page.author).toBe('Harbour Authority');
  expect(page.blocks).toEqual(STATEMENT_PARAGRAPHS);
});

it('loads a PDF in the knowledge folder: dated by its dateline, quotes attributed', async () => {
  await writeFile(join(dir, 'statement.pdf'), statementPdf());
  await writeFile(
    join(dir, 'undated.pdf'),
    makePdf({ title: 'A note', paragraphs: ['No dateline here, only words that say nothing of when.'], info: { CreationDate: 'D:20240105120000Z' } }),
  );
  await writeFile(join(dir, 'broken.pdf'), '%PDF-1.4 this is not really a PDF');
  const { articles, problems } = await loadKnowledge(dir);
  const a = articles.find((x) => x.file === 'statement.pdf')!;
  expect(a).toMatchObject({ title: 'Statement on the reopening of the northern basin', date: '2023-05-02', author: 'Harbour Authority' });
  expect(quotesOf(a)).toEqual([
    'Maria Lindqvist: The basin is safe again, and every berth has been inspected twice',
    'Maria Lindqvist: We thank the crews who worked through the night to make it so.',
  ]);
  // Without a dateline the PDF's creation date is the only date it gives.
  expect(articles.find((x) => x.file === 'undated.pdf')?.date).toBe('2024-01-05');
  expect(problems.find((p) => p.file === 'broken.pdf')?.reason).toMatch(/not a readable PDF/);
});

it('adds a PDF from a URL, also one served as application/octet-stream', async () => {
  const r = await addSource({ kind: 'url', url: `${srv.origin}/statement.pdf` }, { knowledgeDir: dir, fetch: { allowPrivate: true } });
  expect(r.ok && [r.file, r.source.date, r.source.quotes]).toEqual([
    expect.stringMatching(/^added\/127-0-0-1-statement-[0-9a-f]{8}\.pdf$/),
    '2023-05-02',
    2,
  ]);
  const octet = await addSource({ kind: 'url', url: `${srv.origin}/download?id=7` }, { knowledgeDir: dir, fetch: { allowPrivate: true } });
  expect(octet.ok ? octet.file : octet.reason).toMatch(/unsupported content type "application\/octet-stream"/);
});
