import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** Temporary folders for configuration files, removed after each test. */
export function tempConfigs() {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    dir(): string {
      const d = mkdtempSync(join(tmpdir(), 'hlsforge-cfg-'));
      dirs.push(d);
      return d;
    },
    /** write `files` (relative path → text) into a new folder; returns the folder */
    write(files: Record<string, string>): string {
      const d = this.dir();
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(dirname(join(d, rel)), { recursive: true });
        writeFileSync(join(d, rel), text);
      }
      return d;
    },
  };
}
