import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup.ts'],
    // A guard against hangs, not a speed target (those live in bench/): component tests that type
    // through user-event take seconds on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
