/** The cores the e2e tests answer from: the real one, over the seed articles or a tiny fixture. */
import { fileURLToPath } from 'node:url';
import type { Core } from '../../src/answer/types.js';
import { loadCore } from '../../src/load-core.js';

let seeds: Promise<Core> | undefined;

/** The real core over knowledge/ (loaded once per test file). */
export function testCore(): Promise<Core> {
  seeds ??= loadCore(fileURLToPath(new URL('../../knowledge', import.meta.url))).then(({ core, problems }) => {
    if (problems.length) throw new Error(`seed knowledge has problems: ${JSON.stringify(problems)}`);
    return core;
  });
  return seeds;
}

/** The real core over one article whose quote holds @everyone, a user mention and Markdown. */
export async function everyoneCore(): Promise<Core> {
  const { core } = await loadCore(fileURLToPath(new URL('./fixtures/everyone', import.meta.url)));
  return core;
}
