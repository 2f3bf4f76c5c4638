/** Speaker names as users type them, and how results' speakers are compared with the expected one. */
import type { Speech } from './corpus.js';
import { STOPWORDS, words } from './text.js';

/** Splits a speaker name into folded tokens without dots or initials' punctuation. */
function nameTokens(name: string): string[] {
  return words(name);
}

/**
 * How a user would type each speaker: the last name; "first last" when another speaker shares the
 * last name; the full name when even that is shared (George W. Bush / George H. W. Bush).
 */
export function speakerHandles(speeches: readonly Speech[]): Map<string, string> {
  const names = [...new Set(speeches.map((s) => s.speaker))];
  const byLast = new Map<string, string[][]>();
  for (const name of names) {
    const t = nameTokens(name);
    const last = t.at(-1) ?? '';
    byLast.set(last, [...(byLast.get(last) ?? []), t]);
  }
  const handles = new Map<string, string>();
  for (const name of names) {
    const t = nameTokens(name);
    const last = t.at(-1) ?? '';
    const group = byLast.get(last) ?? [];
    const firstLast = (x: string[]): string => `${x[0] ?? ''} ${x.at(-1) ?? ''}`;
    if (last.length < 4 || STOPWORDS.has(last)) handles.set(name, t.join(' '));
    else if (new Set(group.map((x) => x.join(' '))).size === 1) handles.set(name, last);
    else if (group.filter((x) => firstLast(x) === firstLast(t)).length === 1) handles.set(name, firstLast(t));
    else handles.set(name, t.join(' '));
  }
  return handles;
}

/**
 * True when a result's speaker is the expected one (middle names may be missing on one side, and
 * post-nominals such as ", MP" may be dropped: the core shows "James Marape, MP" as "James Marape").
 */
export function sameSpeaker(expected: string, actual: string | null): boolean {
  if (actual === null) return false;
  const plain = (name: string) => name.replace(/(?:,\s*(?:MP|MBBS|MD|PhD|QC|KC|OBE|MBE|CBE|KBE|GCMG))+\s*$/i, '');
  const a = nameTokens(plain(expected));
  const b = nameTokens(plain(actual));
  if (a.join(' ') === b.join(' ')) return true;
  // The core shows one spelling for one-letter transliterations of a given name
  // ("Sergei"/"Sergey Lavrov", "Abdulla"/"Abdullah Shahid"): the same person.
  if (a.length === b.length && a.slice(1).join(' ') === b.slice(1).join(' ') && (a[0]?.length ?? 0) >= 5 && oneEditApart(a[0] ?? '', b[0] ?? ''))
    return true;
  return a[0] === b[0] && a.at(-1) === b.at(-1) && (a.length <= 2 || b.length <= 2);
}

function oneEditApart(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const rest = (p: string, q: string) => p === q;
  return (
    rest(x.slice(i + 1), y.slice(i + 1)) ||
    rest(x.slice(i + 1), y.slice(i)) ||
    rest(x.slice(i), y.slice(i + 1)) ||
    (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(x.slice(i + 2), y.slice(i + 2)))
  );
}
