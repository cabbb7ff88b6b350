import { defineConfig } from 'vitest/config';

// The client tests: outputs opened by the programs users open them with
// (LibreOffice, pandoc, pdftotext, Chromium with axe-core, pre-commit, npm pack).
// Slow and dependent on installed programs, so they run apart from `npm test`.
export default defineConfig({
  test: {
    include: ['test/clients/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    env: { NO_COLOR: '1', ACCSM_TODAY: '2026-11-23' },
  },
});
