/**
 * A /verify answer for Discord: the verdict at a glance (first line, bold), a negation that differs
 * called out next, the word diff (source words that the claim lacks as **−word**, claim words that
 * the source lacks as **+word**; everything escaped), then the closest sources as citation embeds
 * with Context and Cite buttons. Within Discord's limits like every other answer.
 */
import type { Answer, Difference, Verdict } from '../answer/types.js';
import { answerButtons, citationEmbed, renderMiss, type DiscordMessage } from './discord.js';
import { LIMITS, bold, cutPlain, escapeDiscord, fitEscaped } from './discord-text.js';

const LABEL: Record<Verdict, string> = {
  verbatim: '✅ Verbatim',
  altered: '⚠️ Altered',
  reported: 'ℹ️ Reported, not quoted',
  misattributed: '❌ Misattributed',
  'not-found': '❔ Not found in these sources',
};

/** Room for the diff line: the rest of the 2,000 characters goes to the verdict and notes. */
const DIFF_BUDGET = 1200;

export function renderVerify(answer: Answer, opts: { askerId: string }): DiscordMessage[] {
  const v = answer.verify;
  if (!v) return [renderMiss(answer)];
  const verdictLine = bold(fitEscaped(`${LABEL[v.verdict]}: ${answer.heading.replace(/^[^:]*:\s*/, '')}`.replace(/\s+/g, ' '), 600));
  const lines = [verdictLine, `Claim: “${fitEscaped(v.claim, 400)}”${v.claimedSpeaker ? ` — attributed to ${fitEscaped(v.claimedSpeaker, 100)}` : ''}`];
  if (v.negations.length) {
    lines.push(`Negation differs (it reverses the meaning): ${v.negations.map((n) => `${bold(escapeDiscord(`${n.op === 'removed' ? '−' : '+'}${cutPlain(n.text, 60)}`))} ${n.op === 'removed' ? 'in the source, not in the claim' : 'in the claim, not in the source'}`).join('; ')}`);
  }
  if (v.differences.some((d) => d.op !== 'same')) {
    lines.push(`Differences: ${diffLine(v.differences, DIFF_BUDGET)}`, '(**−** source words the claim leaves out · **+** claim words the source does not have)');
  }
  if (!answer.found) {
    const text = answer.text.split('\n').filter((l) => !l.startsWith('Claim:')).slice(1).join('\n').trim();
    if (text) lines.push(fitEscaped(text, 400));
    return [{ content: joinWithin(lines, LIMITS.content), embeds: [], components: [] }];
  }
  const embeds = answer.citations.slice(0, 3).map((c, i) => citationEmbed(c, i + 1));
  return [{ content: joinWithin(lines, LIMITS.content), embeds, components: answerButtons(answer, opts.askerId) }];
}

/** The diff as one line, cut between runs (marked …) to fit `max` characters. */
export function diffLine(differences: Difference[], max: number): string {
  let out = '';
  for (const d of differences) {
    const words = escapeDiscord(cutPlain(d.text, 300));
    const piece = d.op === 'same' ? words : bold(`${d.op === 'removed' ? '−' : '+'}${words.replace(/ /g, ` ${d.op === 'removed' ? '−' : '+'}`)}`);
    const next = out ? `${out} ${piece}` : piece;
    if (next.length > max - 2) return `${out} …`;
    out = next;
  }
  return out;
}

function joinWithin(lines: string[], max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max) break;
    out = next;
  }
  return out;
}
