import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { plural } from '../answer/format.js';
import { articleWarnings, lineOf } from '../knowledge/warnings.js';
import { loadKnowledge } from '../knowledge/load.js';
import { readFlags } from '../flags.js';
import { knowledgeDir, limitsFromEnv } from '../config.js';
import { setLoadLimits } from '../knowledge/limits.js';
import { isFolderReadme, knowledgeDirProblem, printProblems } from '../knowledge-folder.js';
import { LINT_USAGE } from './usage.js';

async function main(): Promise<number> {
  const flags = readFlags('lint:knowledge', LINT_USAGE, {});
  if ('exit' in flags) return flags.exit;
  setLoadLimits(limitsFromEnv());
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
  // Warnings are for an editor, never failures: unattributed quotations and a missing headline,
  // and a date after today (possible for an embargoed release, more often a typo).
  let warnings = 0;
  const warn = (line: string) => {
    process.stdout.write(`knowledge warning: ${line}\n`);
    warnings++;
  };
  for (const article of articles) {
    const list = articleWarnings(article);
    if (!list.length) continue;
    const path = isAbsolute(article.file) ? article.file : join(dir, article.file);
    let raw = '';
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      /* the line is then unknown */
    }
    for (const w of list) {
      const line = lineOf(raw, w.paragraph);
      warn(`${article.file}${line ? `:${line}` : ''}: ${w.reason}`);
    }
  }
  const today = new Date().toISOString().slice(0, 10);
  for (const a of articles)
    if (a.date.slice(0, today.length) > today.slice(0, a.date.length)) warn(`${a.file}: date ${a.date} is in the future (today is ${today})`);
  const sources = files.filter((f) => !isFolderReadme(f.path)).length;
  const undated = articles.filter((a) => !a.date).length;
  process.stdout.write(
    `lint:knowledge ${dir}: ${plural(sources, 'file')}, ${plural(articles.length, 'article')}, ${plural(problems.length, 'problem')}, ${plural(warnings, 'warning')}${undated ? `, ${undated} undated` : ''}\n`,
  );
  return problems.length ? 1 : 0;
}

process.exitCode = await main();
