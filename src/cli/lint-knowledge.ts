import { parseArgs } from 'node:util';
import { loadKnowledge } from '../knowledge/load.js';
import { knowledgeDir, printProblems } from './knowledge-dir.js';

/** `npm run lint:knowledge [-- DIR]`: lists every problem in the knowledge folder; exit 1 if any. */
const { positionals } = parseArgs({ allowPositionals: true });
const dir = knowledgeDir(positionals[0]);
const { articles, problems, files } = await loadKnowledge(dir);
printProblems(problems, process.stdout);
const undated = articles.filter((a) => !a.date).length;
process.stdout.write(`lint:knowledge ${dir}: ${files.length} files, ${articles.length} articles, ${problems.length} problems${undated ? `, ${undated} undated` : ''}\n`);
process.exitCode = problems.length ? 1 : 0;
