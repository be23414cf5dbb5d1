import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh `hlsforge-<name>-*` temporary folder, removed after the test file (call at test or describe level). */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hlsforge-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
