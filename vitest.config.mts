import { defineConfig } from 'vitest/config';

// Unit tests are colocated (`*.test.ts`) beside the code they check; e2e specs belong to Playwright.
export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/electron-harness/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
