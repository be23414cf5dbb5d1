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
    // a worker runs its files one after another in the same process: the compiler's modules (protobuf, ONNX, the
    // emulator) load once per worker instead of once per file, which was about a tenth of the suite's CPU time. Tests
    // keep no global state (temporary folders through tests/helpers/temp.ts; TMPDIR is restored where changed).
    isolate: false,
    globalSetup: ['tests/global-tmp.ts'],
  },
});
