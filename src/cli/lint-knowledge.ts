import { plural } from '../answer/format.js';
import { loadKnowledge } from '../knowledge/load.js';
import { readFlags } from './flags.js';
import { isFolderReadme, knowledgeDir, knowledgeDirProblem, printProblems } from './knowledge-dir.js';
import { LINT_USAGE } from './usage.js';


async function main(): Promise<number> {
  const flags = readFlags('lint:knowledge', LINT_USAGE, {});
  if ('exit' in flags) return flags.exit;
  if (flags.positionals.length > 1) {
    process.stderr.write(`lint:knowledge: one folder at a time, not ${flags.positionals.length}\n\n${LINT_USAGE}`);
    return 2;
  }
  const dir = knowledgeDir(flags.positionals[0]);
  const unusable = await knowledgeDirProblem(dir);
  if (unusable) {
    process.stderr.write(`lint:knowledge: ${unusable}\n`);
    return 2;
  }
  const { articles, problems, files } = await loadKnowledge(dir);
  printProblems(problems, process.stdout);
  // A date after today is possible (an embargoed release) but more often a typo: warn, never fail.
  const today = new Date().toISOString().slice(0, 10);
  const future = articles.filter((a) => a.date.slice(0, today.length) > today.slice(0, a.date.length));
  for (const a of future) process.stdout.write(`knowledge warning: ${a.file}: date ${a.date} is in the future (today is ${today})\n`);
  const sources = files.filter((f) => !isFolderReadme(f.path)).length;
  const undated = articles.filter((a) => !a.date).length;
  process.stdout.write(`lint:knowledge ${dir}: ${plural(sources, 'file')}, ${plural(articles.length, 'article')}, ${plural(problems.length, 'problem')}${undated ? `, ${undated} undated` : ''}${future.length ? `, ${plural(future.length, 'warning')}` : ''}\n`);
  return problems.length ? 1 : 0;
}

process.exitCode = await main();
