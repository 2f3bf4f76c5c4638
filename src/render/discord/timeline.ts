/** A timeline on Discord: the answer's embeds, the counts per period in the heading message, and the chart attached. */
import type { Answer } from '../../answer/types.js';
import { renderAnswer } from './answer.js';
import type { DiscordMessage } from './message.js';
import { LIMITS, fitEscaped } from './escape.js';

const CHART_NAME = 'timeline.png';

export function renderTimeline(answer: Answer, opts: { askerId: string; chart?: Buffer }): DiscordMessage[] {
  const pages = renderAnswer(answer, opts);
  if (!answer.found || !answer.periods?.length || !pages[0]) return pages;
  const first = pages[0];
  const counts = fitEscaped(answer.periods.map((p) => `${p.period}: ${p.count}`).join(' · '), 900);
  first.content = `${first.content ?? ''}\n${counts}`.slice(0, LIMITS.content);
  if (opts.chart)
    first.files = [
      {
        name: CHART_NAME,
        data: opts.chart,
        description: `Sources per period: ${answer.periods.map((p) => `${p.period} ${p.count}`).join(', ')}`.slice(0, 1000),
      },
    ];
  return pages;
}
