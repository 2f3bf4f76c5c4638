/**
 * A /verify answer for Discord: the verdict at a glance (first line, bold), a negation that differs
 * called out next, the word diff (source words that the claim lacks as **−word**, claim words that
 * the source lacks as **+word**; everything escaped), then the closest sources as citation embeds
 * with Context and Cite buttons. Within Discord's limits like every other answer.
 */
import type { Answer, Appearance, Difference, Verdict, VerifyResult } from '../../answer/types.js';
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import type { Citation } from '../../answer/types.js';
import { answerButtons } from './buttons.js';
import { citationEmbed } from './citation-embed.js';
import { renderMiss } from './notice.js';
import type { ButtonRow, DiscordMessage } from './message.js';
import { citationCheck, encodeButton } from './custom-ids.js';
import { claimLine } from './claim-line.js';
import { LIMITS, bold, cutPlain, escapeDiscord, fitEscaped } from './escape.js';

const LABEL: Record<Verdict, string> = {
  verbatim: '✅ Verbatim',
  'out-of-context': '⚠️ Verbatim words, cut',
  spliced: '✂️ Spliced',
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
  if (answer.request.offset > 0) return [laterPage(answer, v, opts.askerId)];
  // "Not found for <name>" (a name no source knows) keeps its own words after the icon.
  const label = /^Not found for /.test(answer.heading) ? `❔ ${answer.heading.split(':')[0]}` : LABEL[v.verdict];
  const verdictLine = bold(fitEscaped(`${label}: ${answer.heading.replace(/^[^:]*:\s*/, '')}`.replace(/\s+/g, ' '), 600));
  const lines = [
    verdictLine,
    // The line a Cite click on a long claim reads the claim back from (claim-line.ts).
    answer.request.command === 'verify'
      ? claimLine(answer.request)
      : `Claim: “${fitEscaped(v.claim, 400)}”${v.claimedSpeaker ? ` — attributed to ${fitEscaped(v.claimedSpeaker, 100)}` : ''}`,
    ...notes(answer, v),
  ];
  if (v.negations.length) {
    lines.push(
      `Negation differs (it reverses the meaning): ${v.negations.map((n) => `${bold(escapeDiscord(`${n.op === 'removed' ? '−' : '+'}${cutPlain(n.text, 60)}`))} ${n.op === 'removed' ? 'in the source, not in the claim' : 'in the claim, not in the source'}`).join('; ')}`,
    );
  }
  if (v.differences.some((d) => d.op !== 'same')) {
    lines.push(
      `Differences: ${diffLine(v.differences, DIFF_BUDGET)}`,
      '(**−** source words the claim leaves out · **+** claim words the source does not have)',
    );
  }
  // Then each later source repeating the words, as many of the page as fit (More goes on from there).
  const later = v.appearances.map(appearanceLine);
  if (!answer.found && !answer.citations.length) {
    const text = answer.text
      .split('\n')
      .filter((l) => !l.startsWith('Claim:'))
      .slice(1)
      .join('\n')
      .trim();
    if (text) lines.push(fitEscaped(text, 400));
    return [{ content: joinWithin(lines, LIMITS.content), embeds: [], components: [] }];
  }
  const shown = answer.citations.slice(0, 3);
  const embeds = shown.map((c, i) => citationEmbed(c, i + 1));
  const content = joinWithin([...lines, ...later], LIMITS.content);
  const listed = later.filter((l) => content.includes(l)).length;
  return [{ content, embeds, components: buttons(answer, shown, opts.askerId, moreAfter(answer, v, listed, opts.askerId)) }];
}

/** One later source: who, which source, when, and its own wording when it differs ("also as"). */
function appearanceLine(a: Appearance): string {
  const where = `${a.speaker ? `${a.speaker}, ` : ''}${a.title || a.publisher || a.sourceId}, ${a.date}`;
  return `Also in: ${fitEscaped(where, 200)}${a.alsoAs ? `, also as: “${fitEscaped(a.alsoAs, 150)}”` : ''}`;
}

/**
 * More, for the later sources after the `listed` ones shown: stateless and short whatever the
 * claim (vmore:<asker>:<offset>); the click reads the claim back from the message's Claim line.
 */
function moreAfter(answer: Answer, v: VerifyResult, listed: number, askerId: string): APIButtonComponent | null {
  if (!answer.hasMore && listed >= v.appearances.length) return null;
  const id = encodeButton({ kind: 'vmore', askerId, offset: answer.request.offset + listed });
  return id ? { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'More sources', custom_id: id } : null;
}

/** A further page of the later sources (More): the claim, how far the list has come, the sources. */
function laterPage(answer: Answer, v: VerifyResult, askerId: string): DiscordMessage {
  const head = answer.request.command === 'verify' ? claimLine({ ...answer.request, offset: 0 }) : '';
  if (!v.appearances.length)
    return { content: joinWithin([head, 'No more sources repeat these words.'].filter(Boolean), LIMITS.content), embeds: [], components: [] };
  const to = answer.request.offset + v.appearances.length;
  const heading = bold(`Later sources repeating these words: ${answer.request.offset + 1}–${to}${answer.total ? ` of ${answer.total}` : ''}`);
  const later = v.appearances.map(appearanceLine);
  const content = joinWithin([head, heading, ...later], LIMITS.content);
  const listed = later.filter((l) => content.includes(l)).length;
  const more = moreAfter(answer, v, listed, askerId);
  return { content, embeds: [], components: more ? [{ type: ComponentType.ActionRow, components: [more] }] : [] };
}

/** Room for each note under the verdict (the cut sentence, the pieces, the first appearance). */
const NOTE_BUDGET = 400;

/** The cut sentence (left-out words in bold ⟦brackets⟧: square ones are link syntax) and why, the spliced pieces, other forms, the first appearance. */
function notes(answer: Answer, v: VerifyResult): string[] {
  const out: string[] = [];
  if (v.cut) {
    const sentence = v.cut.parts
      .map((p) => {
        // Words left out in bold brackets, the spaces around them kept; a left-out full stop is just a full stop.
        const [, before, words, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!;
        const text = escapeDiscord(cutPlain(words!, NOTE_BUDGET));
        return `${before}${p.left && /[\p{L}\p{N}]/u.test(p.text) ? bold(`⟦${text}⟧`) : text}${after}`;
      })
      .join('');
    out.push(`Cut from: “${sentence.replace(/\s+/g, ' ')}” (**⟦…⟧** left out by the claim)`);
    out.push(`Left out: ${v.cut.reasons.map((r) => `“${escapeDiscord(cutPlain(r.words, 60))}” (${r.kind})`).join('; ')}`);
  }
  (v.pieces ?? []).forEach((p, k) => {
    out.push(`Piece ${k + 1} (source ${k + 1}): “${fitEscaped(p.claim, 200)}”${p.gap ? `; then ${escapeDiscord(p.gap)}` : ''}`);
  });
  for (const f of v.forms) {
    const what = f.kind === 'number' ? 'Same number, written differently' : 'Same words, written another way';
    out.push(`${what}: “${fitEscaped(f.source, 60)}” in the source, “${fitEscaped(f.claim, 60)}” in the claim`);
  }
  // (Not when the only source is the one cited first: its citation already says where and when.)
  if (v.firstSeen && (v.appearances.length || answer.citations[0]?.sourceId !== v.firstSeen.sourceId)) {
    const n = Math.max(v.appearancesTotal, v.appearances.length);
    const later = n ? ` · ${n} later source${n === 1 ? '' : 's'}` : '';
    out.push(`First seen: ${fitEscaped(`${v.firstSeen.title || v.firstSeen.publisher || v.firstSeen.sourceId}, ${v.firstSeen.date}`, 200)}${later}`);
  }
  return out;
}

/** The diff as one line, cut between runs (marked …) to fit `max` characters. */
function diffLine(differences: Difference[], max: number): string {
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

/**
 * Context and Cite for each source shown. Cite replays the request when it fits a custom id (a
 * short claim), else names the excerpt's place in its paragraph (vcite), which any shard rebuilds.
 */
function buttons(answer: Answer, shown: Citation[], askerId: string, more: APIButtonComponent | null): ButtonRow[] {
  // (A verify answer pages its later sources with vmore, whatever the claim's length: not the generic More.)
  const generic = answerButtons({ ...answer, hasMore: false }, askerId);
  const ranges = answer.verify?.ranges ?? [];
  const num = (i: number) => (shown.length > 1 ? ` ${i + 1}` : '');
  const make = (label: string, id: string | null): APIButtonComponent | null =>
    id ? { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: id } : null;
  const ids = new Set(generic.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : ''))));
  const cites = shown
    .map((c, i) => {
      const replay = encodeButton({ kind: 'cite', index: i, check: citationCheck(c), request: answer.request });
      if (replay && ids.has(replay)) return null; // already there
      const [start, end] = ranges[i] ?? [0, 0];
      return end > start
        ? make(`Cite${num(i)}`, encodeButton({ kind: 'vcite', index: i, check: citationCheck(c), start, end, passageKey: c.passageKey }))
        : null;
    })
    .filter((b): b is APIButtonComponent => b !== null);
  const all = [...generic.flatMap((r) => r.components), ...cites, ...(more ? [more] : [])];
  const rows: ButtonRow[] = [];
  for (let k = 0; k < all.length && rows.length < LIMITS.rows; k += LIMITS.buttonsPerRow)
    rows.push({ type: ComponentType.ActionRow, components: all.slice(k, k + LIMITS.buttonsPerRow) });
  return rows;
}
