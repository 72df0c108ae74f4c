import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node loads graphql 16 as CommonJS (it has no exports map); Vite would pick its .mjs build,
  // and Apollo (CommonJS) would then meet two graphql copies ("from another module or realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'explorer/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Each file gets its own process: LadybugDB's native module and file locks stay per file.
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
