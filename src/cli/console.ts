import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer, Core, LiveCore, PassageContext, ReloadReport } from '../answer/types.js';
import { plural } from '../answer/format.js';
import { renderContextText, renderText } from '../render/text.js';
import { answerMore, MORE } from './paging.js';

/**
 * The local face: answers each line typed (or piped) with the same core as Discord. "more" pages
 * through the last answer, like Discord's More button; with a live core, edits to the knowledge
 * folder are picked up as they happen and announced in one line.
 */
export async function runConsole(
  core: Core | LiveCore,
  io: { input: Readable; output: Writable; interactive: boolean; store?: KnowledgeStoreKind },
): Promise<void> {
  const { input, output, interactive, store = 'folder' } = io;
  // Watching starts before anything is printed, and one reload catches edits made while the
  // folder was being loaded, so no edit falls between loading and watching.
  const announce = (report: ReloadReport) => {
    // Above the prompt, so what is being typed stays where it was.
    output.write(`${interactive ? '\r\x1b[K' : ''}${reloadLine(report, store)}\n`);
    if (interactive) rl?.prompt(true);
  };
  let rl: Interface | undefined;
  const stopWatching = 'watch' in core ? core.watch(announce) : () => undefined;
  if ('reload' in core)
    void core.reload().then((r) => {
      if (r.added.length + r.changed.length + r.removed.length > 0) announce(r);
    });
  const stats = core.stats();
  output.write(
    `verbatim is running locally (no DISCORD_TOKEN set): ${plural(stats.sources, 'source')}, ${plural(stats.speakers, 'speaker')}, ${plural(stats.quotes, 'quotation')}.\n`,
  );
  if (interactive)
    output.write(
      'Ask a question or type /quote <speaker> [topic], /summary <topic>, /sources, /help. "more" shows more results, "context 2" the whole paragraph of result [2], "clear" clears the screen, "quit" or Ctrl-D leaves.\n',
    );
  rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: '> ', crlfDelay: Infinity });
  let last: Answer | null = null;
  /** The paragraph being read in the Context view, and where its next page starts. */
  let reading: Reading | null = null;
  try {
    if (interactive) rl.prompt();
    for await (const line of rl) {
      const typed = line.trim().toLowerCase();
      if (/^\/?(?:exit|quit)$/.test(typed)) break;
      if (/^\/?(?:clear|cls)$/.test(typed)) {
        if (interactive) output.write('\x1b[2J\x1b[3J\x1b[H');
        if (interactive) rl.prompt();
        continue;
      }
      const more = MORE.test(typed);
      const ctx = /^\/?(?:context|ctx)(?:\s+(.*))?$/.exec(typed);
      // "context abc" is a mistyped command, not a question: searching it would answer something else.
      if (ctx?.[1] && !/^\d+$/.test(ctx[1])) {
        output.write(`"context" takes the number of a result shown in [brackets], e.g. "context 2"; “${ctx[1]}” is not one.\n\n`);
        if (interactive) rl.prompt();
        continue;
      }
      if (ctx || (more && reading)) {
        reading = ctx ? contextOf(core, last, Number(ctx[1] || 1), output) : nextContextPage(reading!, output);
        if (interactive) rl.prompt();
        continue;
      }
      reading = null;
      const answer: Answer = more ? answerMore(core, last) : core.ask(line);
      // "more" pages the last question with results; "help" in between does not lose it.
      if (more ? answer.found : answer.command !== 'help') last = answer;
      output.write(`${renderText(answer)}\n`);
      if (interactive) rl.prompt();
    }
  } finally {
    stopWatching();
    rl.close();
  }
}

type Reading = { ctx: PassageContext; next: number };

/** "context 2": the whole paragraph around result 2 of the last answer (paged when long). */
function contextOf(core: Core, last: Answer | null, n: number, output: Writable): Reading | null {
  // Results are numbered across pages: [6] is the first citation of the second page.
  const c = last?.citations[n - last.request.offset - 1];
  const ctx = c ? core.context(c.passageKey) : null;
  if (!ctx) {
    output.write(
      `${last?.citations.length ? `There is no result ${n} on the last page; type "context" and a number shown in [brackets].` : 'Ask a question first; then "context 1" shows the whole paragraph of its first result.'}\n\n`,
    );
    return null;
  }
  return nextContextPage({ ctx, next: 0 }, output);
}

function nextContextPage(reading: Reading, output: Writable): Reading | null {
  const page = renderContextText(reading.ctx, reading.next);
  output.write(`${page.text}\n`);
  return page.next === null ? null : { ctx: reading.ctx, next: page.next };
}

/** Where the console's knowledge is kept: the folder (default) or the database (DATABASE_URL). */
export type KnowledgeStoreKind = 'folder' | 'database';

/**
 * "Knowledge folder changed: added a.md; removed b.txt. Now answering from 3 sources." The linter
 * reads folders only, so with the database the problems themselves are named instead.
 */
export function reloadLine(r: ReloadReport, store: KnowledgeStoreKind = 'folder'): string {
  const names = (files: string[]) => (files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', '));
  const parts = [
    r.added.length ? `added ${names(r.added)}` : '',
    r.changed.length ? `changed ${names(r.changed)}` : '',
    r.removed.length ? `removed ${names(r.removed)}` : '',
    r.keptLastGood.length
      ? `${names(r.keptLastGood)} now ${r.keptLastGood.length === 1 ? 'fails' : 'fail'} to load, so the last good version keeps answering`
      : '',
  ].filter(Boolean);
  const listed = r.problems.slice(0, 3).map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
  const more = r.problems.length > 3 ? ` and ${r.problems.length - 3} more` : '';
  const problems = !r.problems.length
    ? ''
    : store === 'database'
      ? ` ${plural(r.problems.length, 'problem')}: ${listed.join('; ')}${more}.`
      : ` ${plural(r.problems.length, 'problem')}: npm run lint:knowledge lists ${r.problems.length === 1 ? 'it' : 'them'}.`;
  const where = store === 'database' ? 'Knowledge in the database changed' : 'Knowledge folder changed';
  return `${where}: ${parts.join('; ') || 'no source changed'}. Now answering from ${plural(r.sources, 'source')}.${problems}`;
}
