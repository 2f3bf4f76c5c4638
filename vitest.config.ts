import { defineConfig } from 'vitest/config';

/**
 * tests/e2e/store.test.ts stops and starts the PostgreSQL server: it runs in a group of its own,
 * after every other file, so no other database test is cut off by it.
 */
const RESTARTS_POSTGRES = 'tests/e2e/store.test.ts';

const shared = {
  testTimeout: 20_000,
  hookTimeout: 30_000,
  // Probes PostgreSQL and Redis once (tests/services.ts): required with CI, else skipped with one line.
  globalSetup: ['tests/services.ts'],
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'verbatim', include: ['tests/**/*.test.ts'], exclude: [RESTARTS_POSTGRES], sequence: { groupOrder: 0 } } },
      { test: { ...shared, name: 'postgres-restart', include: [RESTARTS_POSTGRES], sequence: { groupOrder: 1 } } },
    ],
  },
});
