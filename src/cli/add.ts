import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { addSource, describeAdd, type AddInput } from '../ingest/add.js';
import { parseGivenDate } from '../knowledge/dates.js';
import { allowPrivateUrls, knowledgeDir, limitsFromEnv } from '../config.js';
import { setLoadLimits } from '../knowledge/limits.js';
import { ADD_USAGE } from './usage.js';

/**
 * `npm run add -- [--knowledge DIR] [--date YYYY-MM-DD] <url|file>…`: fetches or reads each source,
 * shows what was found and saves it (with its provenance) into the knowledge folder; a running bot
 * picks it up through its watcher. Exit 0 when every source was added or updated, 1 when any was
 * refused, 2 on a usage error.
 */

const OPTIONS = { knowledge: { type: 'string' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    args = parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${ADD_USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${ADD_USAGE}\n`);
    return 0;
  }
  setLoadLimits(limitsFromEnv());
  if (args.positionals.length === 0) {
    process.stderr.write(`nothing to add\n${ADD_USAGE}\n`);
    return 2;
  }
  const date = args.values.date;
  if (date !== undefined) {
    const d = parseGivenDate(date);
    if ('error' in d || !/^\d{4}(-\d{2}-\d{2})?$/.test(date)) {
      process.stderr.write(`--date: ${'error' in d ? d.error : `use YYYY-MM-DD or YYYY, not "${date}"`}\n${ADD_USAGE}\n`);
      return 2;
    }
  }
  const dir = knowledgeDir(args.values.knowledge);
  // Unsafe outside tests and local use: lets URLs reach loopback and private addresses.
  const allowPrivate = allowPrivateUrls();
  let refused = 0;
  for (const item of args.positionals) {
    let input: AddInput;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(item)) input = { kind: 'url', url: item };
    else {
      try {
        input = { kind: 'file', name: item, bytes: await readFile(item) };
      } catch (err) {
        process.stdout.write(`Refused ${item}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
        refused++;
        continue;
      }
    }
    const result = await addSource(input, { knowledgeDir: dir, ...(date ? { date } : {}), fetch: { allowPrivate } });
    if (!result.ok) refused++;
    process.stdout.write(`${describeAdd(result)}\n`);
  }
  return refused ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`add failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
