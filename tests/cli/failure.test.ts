/**
 * The text faces' error boundary: an exception inside an answer is not a miss. The stack goes to
 * stderr with a ref, the person reads "something went wrong (ref …)", and `ask --json` carries
 * `found: false` with the error, so a script can tell a bug from "not found".
 */
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { answerOrFail, failed, failureJson, failureText } from '../../src/cli/failure.js';
import { testCore } from '../e2e/core.js';

function stderr() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

it('turns an exception inside an answer into a failure with a ref, logging its stack; a miss stays a miss', async () => {
  const core = await testCore();
  const log = stderr();
  const got = answerOrFail(
    () => {
      core.ask('/quote stoltenberg china');
      throw new TypeError('cannot read the index');
    },
    '/quote stoltenberg china',
    log.stream,
  );
  expect(failed(got)).toBe(true);
  if (!failed(got)) return;
  const logged = JSON.parse(log.lines[0]!);
  expect(logged).toMatchObject({
    level: 'error',
    ref: got.ref,
    query: '/quote stoltenberg china',
    err: expect.stringMatching(/^TypeError: cannot read the index\n\s+at /),
  });
  expect(failureText(got)).toBe(
    `Something went wrong on my side (ref ${got.ref}). Please try again; if it keeps happening, tell the bot's maintainers this ref.`,
  );
  expect(failureText(got)).not.toContain('at ');
  expect(JSON.parse(failureJson(got))).toMatchObject({ found: false, error: 'cannot read the index', ref: got.ref, citations: [] });

  const miss = answerOrFail(() => core.ask('/quote stoltenberg zanzibar'), 'q', log.stream);
  expect(failed(miss)).toBe(false);
  expect(miss).toMatchObject({ found: false });
  expect(JSON.parse(JSON.stringify(miss))).not.toHaveProperty('error');
  expect(log.lines).toHaveLength(1);
});
