import type { LoadProgress } from './snapshot.js';

/**
 * Load progress on a terminal (stderr), so nobody stares at a blank screen: nothing for a load
 * under a second; after that one line, rewritten in place (files read, then passages indexed),
 * cleared when done. Not a terminal (pipes, CI, tests): no output at all.
 */

const QUIET_MS = 1000;
/** Indexing this many paragraphs takes over a second on a small machine: say so before it starts. */
const SLOW_INDEX = 20_000;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, now: () => number = () => performance.now()): LoadProgress | undefined {
  if (!stream.isTTY) return undefined;
  return lineProgress((s) => stream.write(s), now);
}

/** The same, writing to any sink (tested without a terminal). */
export function lineProgress(write: (s: string) => void, now: () => number = () => performance.now()): LoadProgress {
  const started = now();
  let shown = false;
  let last = '';
  let latest = '';
  let wroteAt = -Infinity;
  const show = (line: string, force = false) => {
    latest = line;
    const t = now();
    if (!force && (t - started < QUIET_MS || t - wroteAt < 100)) return;
    if (line === last) return;
    write(`\r\x1b[K${line}`);
    shown = true;
    last = line;
    wroteAt = t;
  };
  // A load that stalls on one big file still shows where it is after a second.
  const timer = setTimeout(() => {
    if (latest) show(latest, true);
  }, QUIET_MS);
  timer.unref();
  return {
    files: (done, total) => show(`verbatim: reading knowledge: ${done}/${total} files`),
    records: (done, total, records) =>
      show(`verbatim: reading knowledge: ${done}/${total} files, ${records.toLocaleString('en')} records of the next`),
    indexing: (passages) => show(`verbatim: indexing ${passages.toLocaleString('en')} paragraphs…`, passages >= SLOW_INDEX),
    done: () => {
      clearTimeout(timer);
      if (shown) write('\r\x1b[K');
    },
  };
}
