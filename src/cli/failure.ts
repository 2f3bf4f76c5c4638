/**
 * The text faces' error boundary (Discord has its own in src/discord/router.ts): an exception while
 * answering one question is a bug, not a miss. Its stack goes to stderr with a ref; the person
 * sees "something went wrong (ref …)", and `ask --json` prints `found: false` with an `error`.
 */
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Answer } from '../answer/types.js';

export interface Failure {
  ref: string;
  error: string;
}

/** Runs one answer; an exception becomes a Failure whose stack and ref are written to `log` (stderr). */
export function answerOrFail(run: () => Answer, query: string, log: Writable = process.stderr): Answer | Failure {
  try {
    return run();
  } catch (err) {
    const ref = randomBytes(4).toString('hex');
    const stack = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
    log.write(`${JSON.stringify({ level: 'error', ref, query, err: stack })}\n`);
    return { ref, error: err instanceof Error ? err.message : String(err) };
  }
}

export const failed = (a: Answer | Failure): a is Failure => 'ref' in a && 'error' in a;

/** What the person reads: the ref to give the maintainers, never the stack. */
export function failureText(f: Failure): string {
  return `Something went wrong on my side (ref ${f.ref}). Please try again; if it keeps happening, tell the bot's maintainers this ref.`;
}

/** The `ask --json` line of a failure: the same fields as an answer, `found: false`, plus `error` and `ref`. */
export function failureJson(f: Failure): string {
  return JSON.stringify({
    command: null,
    found: false,
    error: f.error,
    ref: f.ref,
    text: failureText(f),
    citations: [],
    suggestions: [],
    hasMore: false,
    total: 0,
  });
}
