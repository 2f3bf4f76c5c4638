import { afterAll, beforeAll } from 'vitest';
import { testCore } from './core.js';
import { startHarness, type Harness } from './harness.js';

/** One stand-in and one bot over the seed knowledge for a whole test file, closed after it. */
export function useSeedHarness(set: (h: Harness) => void): void {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(await testCore());
    set(current);
  }, 30_000);
  afterAll(async () => {
    await current?.close();
  });
}
