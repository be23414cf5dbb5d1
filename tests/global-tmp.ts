import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every test process gets TMPDIR set to one fresh folder, removed when the run ends, so a full
 * run leaves nothing behind (onnxruntime's session files included) even if a test forgets its own cleanup (which it should not: the
 * teardown names what was left, to be fixed at its source).
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'hlsforge-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    // the C++ test cache (tests/fixed/cpp/gxx.ts) lives here on purpose; other programs' files (onnxruntime's) are not ours
    const left = readdirSync(root).filter((f) => f.startsWith('hlsforge-') && f !== 'hlsforge-cpp-cache');
    if (left.length) console.warn(`[hlsforge tests] ${left.length} temporary folder(s) were not removed by their tests: ${left.join(', ')}`);
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
