import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every test process gets TMPDIR set to one fresh folder, removed when the run ends, so a full
 * run leaves nothing behind (onnxruntime's session files included) even if a test forgets its own cleanup (which it should not: the
 * teardown names what was left, to be fixed at its source).
 *
 * With ccache on PATH (Debian `ccache`; `.ci/run` installs it), Verilator's make compiles through it (OBJCACHE, read by
 * verilated.mk) into a cache inside that folder: Verilator's runtime (verilated.cpp, verilated_threads.cpp, the same
 * in every build) is compiled once per run instead of once per RTL simulation, about 10 s of CPU less per build. The
 * cache only replays identical compilations: the simulations and their results are unchanged.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'hlsforge-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  const objcache = process.env.OBJCACHE;
  const ccacheDir = process.env.CCACHE_DIR;
  const withCcache = objcache === undefined && !spawnSync('ccache', ['--version'], { stdio: 'ignore' }).error;
  if (withCcache) {
    process.env.OBJCACHE = 'ccache';
    process.env.CCACHE_DIR = join(root, 'verilator-ccache');
  }
  return () => {
    // the C++ test cache (tests/fixed/cpp/gxx.ts) lives here on purpose; other programs' files (onnxruntime's) are not ours
    const left = readdirSync(root).filter((f) => f.startsWith('hlsforge-') && f !== 'hlsforge-cpp-cache');
    if (left.length) console.warn(`[hlsforge tests] ${left.length} temporary folder(s) were not removed by their tests: ${left.join(', ')}`);
    rmSync(root, { recursive: true, force: true });
    if (withCcache) {
      delete process.env.OBJCACHE;
      if (ccacheDir === undefined) delete process.env.CCACHE_DIR;
      else process.env.CCACHE_DIR = ccacheDir;
    }
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
