import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // two files at a time even on a 2-core machine (vitest's default is cores − 1): most files are JavaScript on one
    // core, and they overlap the g++/Verilator builds of the others
    maxWorkers: 2,
    globalSetup: ['tests/global-tmp.ts'],
  },
});
