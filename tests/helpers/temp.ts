import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const fresh = (name: string): string => mkdtempSync(join(tmpdir(), `hlsforge-${name}-`));
const remover = (dir: string) => () => rmSync(dir, { recursive: true, force: true });

/**
 * A fresh `hlsforge-<name>-*` temporary folder for the running test, removed when that test ends. Call it inside an
 * `it` body (or a function an `it` body calls); vitest refuses onTestFinished anywhere else.
 */
export function tempDirForTest(name: string): string {
  const dir = fresh(name);
  onTestFinished(remover(dir));
  return dir;
}

/**
 * A fresh `hlsforge-<name>-*` temporary folder shared by the tests of a file (called at file level) or of a describe
 * block (called in its body), removed after them by an afterAll of that scope. Not inside a hook or a test: vitest
 * does not run an afterAll registered there (the global teardown, tests/global-tmp.ts, would name the leftover).
 */
export function tempDirForFile(name: string): string {
  const dir = fresh(name);
  afterAll(remover(dir));
  return dir;
}
