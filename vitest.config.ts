import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Probes PostgreSQL and Redis once (tests/services.ts): required with CI, else skipped with one line.
    globalSetup: ['tests/services.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
