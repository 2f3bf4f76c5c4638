import { createInterface } from 'node:readline';
import type { Answer } from '../answer/types.js';
import { loadCore } from '../load-core.js';
import { openStoreFromEnv } from '../store/open.js';
import { renderJson } from '../render/json.js';
import { claimReviewOf } from '../render/claimreview.js';
import { renderText } from '../render/text.js';
import { readFlags } from '../flags.js';
import { cacheDir, knowledgeDir, limitsFromEnv } from '../config.js';
import { setLoadLimits } from '../knowledge/limits.js';
import { knowledgeDirProblem, noSourceProblem, printProblems } from '../knowledge-folder.js';
import { answerOrFail, failed, failureJson, failureText } from './failure.js';
import { answerMore, MORE, nextPage } from './paging.js';
import { ASK_USAGE } from './usage.js';
import { isCiteStyle } from '../render/cite-styles.js';
import { writeFileSync } from 'node:fs';

/**
 * `npm run --silent ask -- [options] ["query"]`: one answer per query; with no query, one per line
 * of standard input ("more" pages on). Exit 0 for any answer, found or not; 2 for a usage error or
 * a knowledge folder that cannot be answered from.
 */

async function main(): Promise<number> {
  const args = readFlags('ask', ASK_USAGE, {
    json: { type: 'boolean' },
    cite: { type: 'string' },
    claimreview: { type: 'boolean' },
    chart: { type: 'string' },
    knowledge: { type: 'string' },
    offset: { type: 'string' },
  });
  if ('exit' in args) return args.exit;
  setLoadLimits(limitsFromEnv());
  const offset = Number(args.values.offset ?? 0);
  if (!/^\d{1,5}$/.test(args.values.offset ?? '0')) {
    process.stderr.write(`ask: --offset takes a whole number of results to skip (0, 5, 10 …), not "${args.values.offset}"\n\n${ASK_USAGE}`);
    return 2;
  }
  const query = args.positionals.join(' ').trim();
  if (!query && process.stdin.isTTY) {
    process.stderr.write(`ask: no query given and nothing piped in\n\n${ASK_USAGE}`);
    return 2;
  }
  const cite = args.values.cite;
  if (cite !== undefined && !isCiteStyle(cite)) {
    process.stderr.write(`--cite: unknown style “${cite}”; use apa, mla, chicago or chicago-note\n\n${ASK_USAGE}`);
    return 2;
  }
  const dir = knowledgeDir(args.values.knowledge);
  const store = await openStoreFromEnv(dir); // DATABASE_URL: answer from the database
  // The folder must hold sources, unless the database is the store (the folder then only seeds it).
  const unusable = store ? null : await knowledgeDirProblem(dir);
  if (unusable) {
    process.stderr.write(`ask: ${unusable}\n`);
    return 2;
  }
  const { core, problems } = await loadCore(dir, { cacheDir: cacheDir(), ...(store ? { source: store } : {}) }).finally(() => store?.close());
  printProblems(problems);
  const empty = noSourceProblem(dir, core.stats().sources, problems);
  if (empty) {
    process.stderr.write(`ask: ${empty}\n`);
    return 2;
  }
  const json = Boolean(args.values.json);
  if (args.values.claimreview && !json) {
    process.stderr.write(`ask: --claimreview is a JSON output: use it with --json\n\n${ASK_USAGE}`);
    return 2;
  }
  // A /verify answer as the ClaimReview a fact-checker publishes; any other answer as usual.
  const review = (a: Answer) => (args.values.claimreview ? claimReviewOf(a) : null);
  const render = (a: Answer, more?: string) => {
    const published = review(a);
    if (published) return `${JSON.stringify(published)}\n`;
    return json ? `${renderJson(a, { ...(cite ? { cite } : {}), ...(more ? { more } : {}) })}\n` : renderText(a, more, cite);
  };
  if (query) {
    const got = answerOrFail(() => {
      const first = core.ask(query);
      return offset ? core.answer({ ...first.request, offset }) : first;
    }, query);
    if (failed(got)) {
      process.stdout.write(json ? `${failureJson(got)}\n` : `${failureText(got)}\n`);
      return 1;
    }
    const answer = got;
    // One question, one answer: the next page is another run with --offset, not "more".
    const hint = answer.hasMore ? `(run again with --offset ${nextPage(answer).offset})` : '';
    process.stdout.write(render(answer, hint || undefined));
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
  let last: Answer | null = null;
  let first = true;
  for await (const line of lines) {
    const more = MORE.test(line.trim());
    const got = answerOrFail(() => {
      const answer: Answer = more ? answerMore(core, last) : core.ask(line);
      return !more && offset ? core.answer({ ...answer.request, offset }) : answer;
    }, line);
    if (failed(got)) {
      process.stdout.write(`${json || first ? '' : '\n'}${json ? failureJson(got) : failureText(got)}\n`);
      first = false;
      continue;
    }
    const answer = got;
    // "more" pages the last question with results; "help" in between does not lose it.
    if (more ? answer.found : answer.command !== 'help') last = answer;
    // Text answers are paragraphs: a blank line between two; JSON stays one object per line.
    process.stdout.write(`${json || first ? '' : '\n'}${render(answer)}`);
    first = false;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`ask failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
