/** The admin /reload report: what changed in the knowledge folder and what could not be loaded. */
import type { Problem, ReloadReport } from '../answer/types.js';
import { fitLines } from './discord-parts.js';
import { LIMITS, escapeDiscord } from './discord-text.js';

function files(label: string, list: string[]): string[] {
  return list.length ? [`${label} (${list.length}): ${list.map(escapeDiscord).join(', ')}`] : [];
}

function problemLine(p: Problem): string {
  return `• ${escapeDiscord(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`)}`;
}

/** `Database (postgres): ok, change 42.` / `Limits (redis): down (…), in-memory limits meanwhile.` */
function healthLines(health: Record<string, { store: string; state: string; detail?: string; counter?: string }> | undefined): string[] {
  return Object.entries(health ?? {}).map(([name, h]) => {
    const what = `${name[0]!.toUpperCase()}${name.slice(1)} (${h.store}): ${h.state}`;
    return escapeDiscord(`${what}${h.detail ? ` (${h.detail})` : ''}${h.counter ? `, change ${h.counter}` : ''}.`);
  });
}

/** Plain lines (escaped: file names and reasons come from the folder), within one message. */
export function renderReloadText(r: ReloadReport, health?: Record<string, { store: string; state: string; detail?: string; counter?: string }>): string {
  const changes = r.added.length + r.changed.length + r.removed.length;
  const lines = [
    `Reloaded in ${Math.round(r.ms)} ms: ${r.sources} sources. ${changes ? `${changes} file${changes === 1 ? '' : 's'} changed.` : 'Nothing changed.'}`,
    ...healthLines(health),
    ...files('Added', r.added),
    ...files('Changed', r.changed),
    ...files('Removed', r.removed),
    ...files('Broken now, last good version still served', r.keptLastGood),
    ...(r.problems.length ? [`Problems (${r.problems.length}):`, ...r.problems.map(problemLine)] : ['No problems.']),
  ];
  return fitLines(lines.map((l) => (l.length > 900 ? `${l.slice(0, 899)}…` : l)), LIMITS.content);
}
