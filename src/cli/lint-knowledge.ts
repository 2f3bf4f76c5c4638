import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleWarnings, lineOf } from '../knowledge/warnings.js';
import { loadKnowledge } from '../knowledge/load.js';
import { knowledgeDir, printProblems } from './knowledge-dir.js';

/** `npm run lint:knowledge [-- DIR]`: lists every problem in the knowledge folder; exit 1 if any. */
const { positionals } = parseArgs({ allowPositionals: true });
const dir = knowledgeDir(positionals[0]);
const { articles, problems, files } = await loadKnowledge(dir);
printProblems(problems, process.stdout);
// Warnings (unattributed quotations, no headline) are listed for an editor, never failures.
let warnings = 0;
for (const article of articles) {
  const list = articleWarnings(article);
  if (!list.length) continue;
  const path = isAbsolute(article.file) ? article.file : join(dir, article.file);
  let raw = '';
  try { raw = readFileSync(path, 'utf8'); } catch { /* the line is then unknown */ }
  for (const w of list) {
    const line = lineOf(raw, w.paragraph);
    process.stdout.write(`knowledge warning: ${article.file}${line ? `:${line}` : ''}: ${w.reason}\n`);
    warnings++;
  }
}
const undated = articles.filter((a) => !a.date).length;
process.stdout.write(`lint:knowledge ${dir}: ${files.length} files, ${articles.length} articles, ${problems.length} problems, ${warnings} warnings${undated ? `, ${undated} undated` : ''}\n`);
process.exitCode = problems.length ? 1 : 0;
