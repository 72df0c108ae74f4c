import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Each file gets its own process: LadybugDB's native module and file locks stay per file.
    pool: 'forks',
    reporters: ['default'],
  },
});
