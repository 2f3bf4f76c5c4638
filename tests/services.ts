/**
 * Real PostgreSQL and Redis for the store and limit tests. vitest's global setup (below) probes
 * both once per run: with CI set a missing server fails the run; without CI the tests that need
 * it are skipped, and the run prints one line saying so.
 */
import net from 'node:net';
import type { TestProject } from 'vitest/node';

export const DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

declare module 'vitest' {
  export interface ProvidedContext {
    services: { postgres: boolean; redis: boolean };
  }
}

/** Whether something accepts TCP connections at the URL's host and port (within 1.5 s). */
export function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Once per run, however many vitest projects call the setup (so the skip line is printed once). */
function probeOnce(): Promise<{ postgres: boolean; redis: boolean }> {
  const g = globalThis as { verbatimServices?: Promise<{ postgres: boolean; redis: boolean }> };
  g.verbatimServices ??= (async () => {
    const postgres = await reachable(DATABASE_URL, 5432);
    const redis = await reachable(REDIS_URL, 6379);
    const missing = [...(postgres ? [] : [`PostgreSQL (${DATABASE_URL})`]), ...(redis ? [] : [`Redis (${REDIS_URL})`])];
    if (missing.length && process.env.CI) {
      throw new Error(`CI is set but ${missing.join(' and ')} cannot be reached: the store and shared-limit tests must run in CI`);
    }
    if (missing.length)
      process.stdout.write(`skipping the tests that need ${missing.join(' and ')}: not reachable (set TEST_DATABASE_URL / TEST_REDIS_URL)\n`);
    return { postgres, redis };
  })();
  return g.verbatimServices;
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('services', await probeOnce());
}
