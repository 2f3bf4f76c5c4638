/** PDF statements: text by unpdf (pdf.js), paragraphs rebuilt from line positions, date from the text, else the PDF's metadata. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSource } from '../../src/ingest/add.js';
import { extractPdf } from '../../src/knowledge/pdf.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadCore } from '../../src/load-core.js';
import type { CiteStyle } from '../../src/render/cite-styles.js';
import { renderText } from '../../src/render/text.js';
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

it('a PDF whose author is a ministry is cited as the ministry’s statement, the minister still the speaker', async () => {
  const kb = await mkdtemp(join(tmpdir(), 'verbatim-pdf-org-'));
  try {
    await writeFile(
      join(kb, 'rossi.pdf'),
      makePdf({
        title: 'Statement by the Minister of Transport on ferry safety',
        paragraphs: [
          'ROME, 3 June 2024 — The Ministry of Transport today set out new safety rules for ferries on the northern routes.',
          '“No ferry will sail without a full inspection,” said Elena Rossi, the Minister of Transport.',
        ],
        info: { Title: 'Statement by the Minister of Transport on ferry safety', Author: 'Ministry of Transport' },
      }),
    );
    const { core } = await loadCore(kb, { cacheDir: null, progress: null });
    const answer = core.ask('/quote rossi');
    expect(answer.citations[0]).toMatchObject({ speaker: 'Elena Rossi', author: 'Ministry of Transport' });
    const refs = (style: CiteStyle) => renderText(answer, undefined, style).trimEnd().split('\n').at(-1);
    expect(refs('apa')).toBe('[1] Ministry of Transport. (2024, June 3). Statement by the Minister of Transport on ferry safety [Press release].');
    expect(refs('mla')).toBe('[1] “Statement by the Minister of Transport on ferry safety.” Ministry of Transport, 3 June 2024. Press release.');
    expect(refs('chicago')).toBe('[1] Ministry of Transport. “Statement by the Minister of Transport on ferry safety.” Press release, June 3, 2024.');
  } finally {
    await rm(kb, { recursive: true, force: true });
  }
});
