import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/**
 * A fresh `hlsforge-<name>-*` temporary folder, removed when the test that asked for it ends (called inside a test)
 * or after the test file (called at file or describe level; not inside a beforeAll hook, where vitest takes no
 * afterAll).
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hlsforge-${name}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove); // inside a test
  } catch {
    afterAll(remove); // at file or describe level: vitest refuses onTestFinished there
  }
  return dir;
}
