/** The admin /reload report: what changed in the knowledge folder and what could not be loaded. */
import type { ReloadReport } from '../../answer/types.js';
import type { Problem } from '../../knowledge/types.js';
import { fitLines } from './source-fields.js';
import { LIMITS, escapeDiscord } from './escape.js';

function files(label: string, list: string[]): string[] {
  return list.length ? [`${label} (${list.length}): ${list.map(escapeDiscord).join(', ')}`] : [];
}

function problemLine(p: Problem): string {
  return `• ${escapeDiscord(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`)}`;
}

type Health = Record<string, { store: string; state: string; detail?: string; counter?: string }>;

/** One line per connection: `Database (PostgreSQL): ok, change 42.`, `Limits (Redis): down (…); in-memory limits meanwhile.` */
function healthLines(health: Health | undefined): string[] {
  return Object.values(health ?? {}).map((h) => {
    const detail = h.detail ? ` (${h.detail})` : '';
    switch (h.store) {
      case 'postgres':
        return escapeDiscord(`Database (PostgreSQL): ${h.state}${detail}${h.counter ? `, change ${h.counter}` : ''}.`);
      case 'redis':
        return escapeDiscord(`Limits (Redis): ${h.state}${detail}${h.state === 'ok' ? '' : '; in-memory limits meanwhile'}.`);
      case 'folder':
        return 'Knowledge: the knowledge folder.';
      case 'memory':
        return 'Limits: per process (in memory).';
      default:
        return escapeDiscord(`${h.store}: ${h.state}${detail}.`);
    }
  });
}

/** Plain lines (escaped: file names and reasons come from the folder), within one message. */
export function renderReloadText(r: ReloadReport, health?: Health): string {
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
  return fitLines(
    lines.map((l) => (l.length > 900 ? `${l.slice(0, 899)}…` : l)),
    LIMITS.content,
  );
}
