import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer, Core, LiveCore, ReloadReport } from '../answer/types.js';
import { plural } from '../answer/format.js';
import { renderText } from '../render/text.js';
import { answerMore, MORE } from './paging.js';

/**
 * The local face: answers each line typed (or piped) with the same core as Discord. "more" pages
 * through the last answer, like Discord's More button; with a live core, edits to the knowledge
 * folder are picked up as they happen and announced in one line.
 */
export async function runConsole(core: Core | LiveCore, io: { input: Readable; output: Writable; interactive: boolean }): Promise<void> {
  const { input, output, interactive } = io;
  const stats = core.stats();
  output.write(`verbatim is running locally (no DISCORD_TOKEN set): ${plural(stats.sources, 'source')}, ${plural(stats.speakers, 'speaker')}, ${plural(stats.quotes, 'quotation')}.\n`);
  if (interactive) output.write('Ask a question or type /quote <speaker> [topic], /summary <topic>, /sources, /help. "more" shows more results, "clear" clears the screen, "quit" or Ctrl-D leaves.\n');
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: '> ', crlfDelay: Infinity });
  const stopWatching = 'watch' in core ? core.watch((report) => {
    // Above the prompt, so what is being typed stays where it was.
    output.write(`${interactive ? '\r\x1b[K' : ''}${reloadLine(report)}\n`);
    if (interactive) rl.prompt(true);
  }) : () => undefined;
  let last: Answer | null = null;
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

/** "Knowledge folder changed: added a.md; removed b.txt. Now answering from 3 sources." */
export function reloadLine(r: ReloadReport): string {
  const names = (files: string[]) => (files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', '));
  const parts = [
    r.added.length ? `added ${names(r.added)}` : '',
    r.changed.length ? `changed ${names(r.changed)}` : '',
    r.removed.length ? `removed ${names(r.removed)}` : '',
    r.keptLastGood.length ? `${names(r.keptLastGood)} now ${r.keptLastGood.length === 1 ? 'fails' : 'fail'} to load, so the last good version keeps answering` : '',
  ].filter(Boolean);
  const problems = r.problems.length ? ` ${plural(r.problems.length, 'problem')}: npm run lint:knowledge lists ${r.problems.length === 1 ? 'it' : 'them'}.` : '';
  return `Knowledge folder changed: ${parts.join('; ') || 'no source changed'}. Now answering from ${plural(r.sources, 'source')}.${problems}`;
}
