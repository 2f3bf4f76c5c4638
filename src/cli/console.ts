import { TIMELINE_PAGE } from '../answer/timeline.js';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer, AnswerRequest, Core } from '../answer/types.js';
import { renderText } from '../render/text.js';

/**
 * The local face: answers each line typed (or piped) with the same core as Discord. "more" pages
 * through the last answer, like Discord's More button.
 */
export async function runConsole(core: Core, io: { input: Readable; output: Writable; interactive: boolean }): Promise<void> {
  const { input, output, interactive } = io;
  const stats = core.stats();
  output.write(`verbatim is running locally (no DISCORD_TOKEN set): ${stats.sources} sources, ${stats.speakers} speakers, ${stats.quotes} quotations.\n`);
  if (interactive) output.write('Ask a question or type /quote <speaker> [topic], /summary <topic>, /sources, /help. "more" shows more results; Ctrl-D quits.\n');
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: '> ', crlfDelay: Infinity });
  let last: Answer | null = null;
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const typed = line.trim();
    if (interactive && (typed === 'exit' || typed === 'quit')) break;
    let answer: Answer;
    if (/^(more|next|\/more)$/i.test(typed) && last) {
      answer = last.hasMore ? core.answer(nextPage(last.request)) : { ...last, text: 'No more results.\n' };
    } else {
      answer = core.ask(line);
    }
    if (answer.command !== 'help') last = answer;
    output.write(`${renderText(answer)}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}

function nextPage(request: AnswerRequest): AnswerRequest {
  return { ...request, offset: request.offset + (request.command === 'sources' ? 10 : request.command === 'timeline' ? TIMELINE_PAGE : 5) };
}
