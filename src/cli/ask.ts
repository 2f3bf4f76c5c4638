import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadCore } from '../core.js';
import { openStoreFromEnv } from '../store/open.js';
import { renderJson } from '../render/json.js';
import { renderText } from '../render/text.js';
import { isCiteStyle } from '../render/cite-styles.js';
import { writeFileSync } from 'node:fs';
import { cacheDir, knowledgeDir, printProblems } from './knowledge-dir.js';

/**
 * `npm run --silent ask -- [--json] [--knowledge DIR] ["query"]`: one answer per query; with no
 * query, one per line of standard input. Exit 0 for any answer, found or not; 2 for a usage error.
 */
const USAGE = 'usage: npm run --silent ask -- [--json] [--cite apa|mla|chicago|chicago-note] [--chart FILE.png] [--knowledge DIR] ["query"]   (no query: one query per stdin line)';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { json: { type: 'boolean' }, cite: { type: 'string' }, chart: { type: 'string' }, knowledge: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cite = args.values.cite;
  if (cite !== undefined && !isCiteStyle(cite)) {
    process.stderr.write(`--cite: unknown style “${cite}”; use apa, mla, chicago or chicago-note\n${USAGE}\n`);
    return 2;
  }
  const dir = knowledgeDir(args.values.knowledge);
  const store = await openStoreFromEnv(dir); // DATABASE_URL: answer from the database
  const { core, problems } = await loadCore(dir, { cacheDir: cacheDir(), ...(store ? { source: store } : {}) }).finally(() => store?.close());
  printProblems(problems);
  const render = args.values.json ? (a: Parameters<typeof renderJson>[0]) => `${renderJson(a, cite ? { cite } : {})}\n` : renderText;
  if (args.positionals.length) {
    const answer = core.ask(args.positionals.join(' '));
    process.stdout.write(render(answer));
    const chart = args.values.chart;
    if (chart) {
      // The chart is the timeline's counts; stdout stays one JSON object per line.
      if (!answer.periods?.length) {
        process.stderr.write('--chart: this answer has no periods to chart (ask for a /timeline)\n');
        return 1;
      }
      const { chartPng } = await import('../render/chart.js');
      writeFileSync(chart, chartPng(answer.periods, answer.heading));
      process.stderr.write(`chart written to ${chart}\n`);
    }
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) process.stdout.write(render(core.ask(line)));
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`ask failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
