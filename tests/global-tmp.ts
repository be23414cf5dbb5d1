import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every test process gets TMPDIR set to one fresh folder, removed when the run ends, so a full
 * run leaves no `hlsforge-*` folders behind even if a test forgets its own cleanup (which it should not: the
 * teardown names what was left, to be fixed at its source).
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'hlsforge-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    const left = readdirSync(root);
    if (left.length) console.warn(`[hlsforge tests] ${left.length} temporary folder(s) were not removed by their tests: ${left.slice(0, 10).join(', ')}${left.length > 10 ? ', …' : ''}`);
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
