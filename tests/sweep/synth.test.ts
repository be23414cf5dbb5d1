import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hlsforge } from '../helpers/cli.ts';
import { hasYosys } from '../helpers/oracles.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { fakeYosys } from './fake-yosys.ts';
import { synthModel } from './synth-model.ts';

const tiny = synthModel();
afterAll(() => rmSync(tiny.dir, { recursive: true, force: true }));
const work = tempDirForFile('sweep-synth');

interface Synthesized {
  precision: string;
  reuseFactor: number;
  yosys: { key: string; cached: boolean; lut: number; ff: number; dsp: number; carry: number; bram: number };
}
const sweep = (cache: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  hlsforge(['sweep', tiny.model, '--precision', '6,8', '--integer-bits', '3', '-n', '10', '--synth', '--jobs', '2', '--cache', cache, ...extra], { env });
const entries = (cache: string): string[] => (existsSync(cache) ? readdirSync(cache, { recursive: true }).map(String).filter((f) => /^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(f)) : []);

describe.runIf(hasYosys())('hlsforge sweep --synth (Yosys in worker processes, content-hash cache)', () => {
  const cache = join(work, 'cache');
  let first: Synthesized[];

  it('synthesizes each point once, caches it by content hash, and re-synthesizes nothing on a re-run', () => {
    const r = sweep(cache, ['--json']);
    expect(r.stderr).toBe('');
    first = JSON.parse(r.stdout).points;
    expect(first.map((p) => p.yosys.cached)).toEqual([false, false]);
    expect(new Set(first.map((p) => p.yosys.key)).size).toBe(2);
    // one entry per key, holding the counts the sweep printed; the run folder is gone
    expect(entries(cache).sort()).toEqual(first.map((p) => `${p.yosys.key.slice(0, 2)}/${p.yosys.key}.json`).sort());
    for (const p of first) expect(JSON.parse(readFileSync(join(cache, p.yosys.key.slice(0, 2), `${p.yosys.key}.json`), 'utf8')).resources).toEqual({ lut: p.yosys.lut, ff: p.yosys.ff, dsp: p.yosys.dsp, carry: p.yosys.carry, bram: p.yosys.bram });
    expect(readdirSync(cache).includes('runs')).toBe(false);
    expect(first.every((p) => p.yosys.lut > 0 && p.yosys.ff > 0)).toBe(true);

    // other test vectors do not change the Verilog: the same keys, all from the cache
    const again = sweep(cache, ['--json', '-n', '7']);
    const second: Synthesized[] = JSON.parse(again.stdout).points;
    expect(second.map((p) => p.yosys)).toEqual(first.map((p) => ({ ...p.yosys, cached: true })));
    const text = sweep(cache);
    expect(text.stdout).toContain('Yosys synth_xilinx -family xcup -abc9: 0 points synthesized, 2 from the cache\n');
    expect(text.stdout).toMatch(/\nap_fixed<6,3> +1 .*Yosys/s);
  });

  it('counts what `hlsforge synth` counts on the same design converted on its own', () => {
    const out = join(work, 'prj');
    const c = hlsforge(['convert', tiny.model, '--backend', 'RTL', '--precision', 'ap_fixed<8,3>', '-n', '3', '-o', out]);
    expect(c.status, c.stderr).toBe(0);
    const s = JSON.parse(hlsforge(['synth', out, '--json']).stdout);
    const { lut, ff, dsp, carry, bram } = first.find((p) => p.precision === 'ap_fixed<8,3>')!.yosys;
    expect(s.yosys).toEqual({ lut, ff, dsp, carry, bram });
  });
});

describe('hlsforge sweep --synth errors: one catalogued line, nothing half-written', () => {
  it('yosys missing', () => {
    const cache = join(work, 'no-yosys');
    const r = sweep(cache, [], { HLSFORGE_YOSYS: join(work, 'nowhere', 'yosys') });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`hlsforge: error[tool-missing]: a required tool is not installed: ${join(work, 'nowhere', 'yosys')} must be on PATH, not missing; install it with: apt-get install yosys\n`);
    expect(existsSync(cache)).toBe(false);
  });

  it('a point whose synthesis fails: every failed point named with its log, which is kept; nothing cached', () => {
    const cache = join(work, 'fails');
    const r = sweep(cache, [], { HLSFORGE_YOSYS: fakeYosys(work, 'fails') });
    expect(r.status).toBe(1);
    const runs = join(cache, 'runs');
    const [run] = readdirSync(runs);
    const log = (i: number) => join(runs, run, String(i), 'yosys.log');
    expect(r.stderr).toBe(
      `hlsforge: error[synth-failed]: synthesis of some sweep points failed: every point must synthesize, not 2 of 2 failing: ` +
        `ap_fixed<6,3> RF 1: yosys must exit with 0, not 3: ERROR: cannot map this design (fake) (log: ${log(0)}); ` +
        `ap_fixed<8,3> RF 1: yosys must exit with 0, not 3: ERROR: cannot map this design (fake) (log: ${log(1)}); ` +
        `logs kept in ${join(runs, run)}, the other points are cached\n`,
    );
    expect(readFileSync(log(1), 'utf8')).toBe('ERROR: cannot map this design (fake)\n');
    expect(entries(cache)).toEqual([]);
  });

  it('sbatch missing, and an unknown scheduler', () => {
    const cache = join(work, 'no-slurm');
    const r = sweep(cache, ['--scheduler', 'slurm'], { PATH: join(work, 'nowhere'), HLSFORGE_YOSYS: fakeYosys(work, 'fails') });
    expect(r.stderr).toBe('hlsforge: error[tool-missing]: a required tool is not installed: sbatch must be on PATH for --scheduler slurm, not missing; run the sweep on a Slurm login node, or use --scheduler local\n');
    expect(r.status).toBe(1);
    expect(existsSync(cache)).toBe(false);
    const bad = sweep(cache, ['--scheduler', 'pbs']);
    expect(bad.stderr).toBe(`hlsforge: error[bad-option]: key '--scheduler': bad command-line option: must be local or slurm, not "pbs"\n`);
  });
});
