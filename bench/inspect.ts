/**
 * Shows, for chosen benchmark queries, what ours and MiniSearch return at one sample size:
 * `npx tsx bench/inspect.ts --size 10000 --ids 145,161` (ids as printed by run.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readSpeeches, samplePassages, splitPassages, writeKnowledgeFolder } from './corpus.js';
import { buildMiniSearch } from './engines/minisearch.js';
import { askCore, importLoadCore } from './engines/ours.js';
import { buildQueries } from './queries.js';
import { meetsExpectation } from './relevance.js';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '10000' }, ids: { type: 'string', default: '' }, seed: { type: 'string', default: '20240611' } },
});
const seed = Number(values.seed);
const size = Number(values.size);
const speeches = readSpeeches();
const passages = splitPassages(speeches);
const samples = samplePassages(passages, [1_000, size], seed);
const sample = samples.get(size) ?? [];
const queries = buildQueries(speeches, passages, samples.get(1_000) ?? [], seed);
const work = mkdtempSync(join(tmpdir(), 'verbatim-inspect-'));
writeKnowledgeFolder(work, speeches, sample);
const { core } = await (await importLoadCore())(work);
const mini = buildMiniSearch(sample.map((p) => ({ id: p.id, text: p.text, speaker: speeches[p.speech]?.speaker ?? '' })));
const ids = new Set(values.ids.split(',').filter(Boolean).map(Number));
const cut = (text: string): string => (text.length > 110 ? `${text.slice(0, 110)}…` : text);
for (const query of queries.filter((q) => ids.size === 0 || ids.has(q.id))) {
  const answer = askCore(core, query);
  const ours = answer.citations.slice(0, 5).map((c) => ({ speaker: c.speaker, text: c.excerpt }));
  const theirs = mini.search(query);
  const ok = (hits: typeof ours): string => (query.expect === null ? '' : meetsExpectation(query.expect, hits) ? 'HIT' : 'MISS');
  console.log(
    `\n#${query.id} ${query.text}  [expect ${query.expect?.passage !== undefined ? 'passage' : 'speaker'} ${query.expect?.speaker ?? '-'}]`,
  );
  if (query.expect?.passage !== undefined) console.log(`  expected: ${cut(query.expect.passage)}`);
  console.log(`  ours ${ok(ours)} found=${answer.found} heading="${answer.heading}" suggestions=${JSON.stringify(answer.suggestions.slice(0, 3))}`);
  for (const hit of ours) console.log(`    ${hit.speaker ?? '-'}: ${cut(hit.text)}`);
  console.log(`  MiniSearch ${ok(theirs)}`);
  for (const hit of theirs) console.log(`    ${hit.speaker ?? '-'}: ${cut(hit.text)}`);
}
rmSync(work, { recursive: true, force: true });
