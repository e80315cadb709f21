import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/buildOnce.ts'],
    setupFiles: ['tests/support/fastCheckSeed.ts'],
    // Vault tests use real Argon2id, real SQLite files and child processes.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './tests/support/summaryLine.ts'],
  },
});
