/**
 * What each command prints for --help (and after a usage error). The README and docs/ quote these; a test
 * checks that the two agree.
 */

export const START_USAGE = `usage: npm start [-- options]          (built: npm run start:prod [-- options])

  Without DISCORD_TOKEN: a local console that answers what you type, or each line piped in.
  With DISCORD_TOKEN set (in the environment or .env): the Discord bot.

  --knowledge DIR   answer from DIR instead of knowledge/ (the same as KNOWLEDGE_DIR=DIR)
  --discord         run the bot, and refuse to start when DISCORD_TOKEN is missing
  -h, --help        this text

In the console: /quote <speaker> [topic], /summary <topic>, /sources, /help, or a question;
"more" shows the next results, "context 2" the whole paragraph around result [2] (paged
when long), "clear" clears the screen, "quit", "exit" or Ctrl-D leaves.
Edits to the knowledge folder are picked up while it runs.
`;

export const ASK_USAGE = `usage: npm run --silent ask -- [options] "query"
       … | npm run --silent ask -- [options]       one query per line of standard input; "more" pages on

  --json            one JSON object per answer, one per line (nothing else is printed on stdout)
  --knowledge DIR   answer from DIR instead of knowledge/ (or KNOWLEDGE_DIR)
  --offset N        skip the first N results (the next page of 5 quotes: --offset 5)
  --cite STYLE      each result's reference entry: apa, mla, chicago or chicago-note
                    (listed under the answer; with --json, a "cite" field of every citation)
  --claimreview     with --json, print a /verify answer as a schema.org ClaimReview object instead
  --chart FILE.png  write a /timeline answer's counts per period as a bar chart
  -h, --help        this text

Exit status: 0 for any answer (found or not), 2 for a usage error or an unusable knowledge folder.
`;

/** `npm run lint:knowledge [-- DIR]`: lists every problem in the knowledge folder; exit 1 if any. */
export const LINT_USAGE = `usage: npm run lint:knowledge [-- DIR]

  Reads every file of the knowledge folder (DIR, else KNOWLEDGE_DIR, else knowledge/) the way the
  bot does and lists each problem as file:line: reason (empty or binary files, broken front
  matter, impossible or missing dates, bad JSONL lines), then one summary line. A date in the
  future is a warning. The folder's README.md documents it and is not a source.

  -h, --help   this text

Exit status: 0 when there is no problem, 1 when there are problems, 2 for a usage error or a
folder that cannot be read.
`;

/** `npm run add`'s usage line. */
export const ADD_USAGE = 'usage: npm run add -- [--knowledge DIR] [--date YYYY-MM-DD] <url|file>…';

/** `npm run knowledge`'s usage line. */
export const KNOWLEDGE_USAGE =
  'usage: npm run knowledge -- import DIR | export DIR | list | remove NAME...   (needs DATABASE_URL)\n' +
  "       npm run knowledge -- promote ID...   (a server's own source becomes global; the database, else the knowledge folder)";
