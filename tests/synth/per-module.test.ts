import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRtlProject } from '../../src/backends/rtl/index.ts';
import { synthesize, YOSYS } from '../../src/synth/index.ts';
import { ChainBuilder, fx, projectConfig } from '../backends/hls/graph-builders.ts';
import { hasYosys as yosysPresent } from '../helpers/oracles.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const hasYosys = yosysPresent(YOSYS);

const work = tempDirForFile('per-module');

/** Per-module (out-of-context) synthesis: each module alone, counts multiplied by instances (src/synth/per-module.ts). */
describe.skipIf(!hasYosys)('per-module synthesis', () => {
  it('counts what the flattened run counts on a generated 6→6→3 MLP: DSP equal, LUT and FF no fewer and at most 15 % more', async () => {
    const g = new ChainBuilder('mlp', 6, fx('ap_fixed<8,3>'), 9).dense(6).relu().dense(3).build();
    const config = { ...projectConfig('mlp', work), backend: 'RTL' as const };
    const dir = join(work, 'mlp');
    writeRtlProject(g, config, dir, { inputs: new Float64Array(6), predictions: new Float64Array(3), batch: 1 });
    const per = await synthesize(dir, { perModule: true, jobs: 2 });
    const flat = await synthesize(dir);
    expect(per.mode).toBe('per-module');
    // the top and its three layer modules
    expect(per.modules!.length).toBe(4);
    expect(per.modules!.find((m) => m.module === per.top)!.instances).toEqual(Object.fromEntries(per.modules!.filter((m) => m.module !== per.top).map((m) => [m.module, 1])));
    // per module is an upper bound: the flattened run knows that each relu output's sign bit is always 0 (a constant
    // crossing a port), so it drops the next layer's register of it (74 FF against 68 when written) and simplifies the
    // adders reading it, and it merges the relu's clamp into them
    expect(per.resources.ff, `FF per module ${per.resources.ff}, flat ${flat.resources.ff}`).toBeGreaterThanOrEqual(flat.resources.ff);
    expect(per.resources.ff / flat.resources.ff - 1, `FF per module ${per.resources.ff}, flat ${flat.resources.ff}`).toBeLessThanOrEqual(0.15);
    expect(per.resources.dsp).toBe(flat.resources.dsp);
    // 815 LUT against 767 when first written, 826 against 733 (+12.7 %) with adder trees built in order of arrival
    expect(per.resources.lut, `LUT per module ${per.resources.lut}, flat ${flat.resources.lut}`).toBeGreaterThanOrEqual(flat.resources.lut);
    expect(per.resources.lut / flat.resources.lut - 1, `LUT per module ${per.resources.lut}, flat ${flat.resources.lut}`).toBeLessThanOrEqual(0.15);
    // the design's counts are the modules' own counts (each instantiated once here)
    const sum = per.modules!.reduce((n, m) => n + m.resources.lut, 0);
    expect(per.resources.lut).toBe(sum);
  }, 300_000);

  it('multiplies a module by its instances and leaves the black boxes out of the counts', async () => {
    const dir = join(work, 'twice');
    mkdirSync(join(dir, 'rtl'), { recursive: true });
    // a registered 8-bit adder, instantiated twice by the top
    writeFileSync(join(dir, 'rtl/add8.v'), 'module add8 (input clk, input [7:0] a, input [7:0] b, output reg [8:0] y);\n  always @(posedge clk) y <= a + b;\nendmodule\n');
    writeFileSync(
      join(dir, 'rtl/top2.v'),
      'module top2 (input clk, input [7:0] a, input [7:0] b, output reg [9:0] y);\n  wire [8:0] s, t;\n' +
        '  add8 u0 (.clk(clk), .a(a), .b(b), .y(s));\n  add8 u1 (.clk(clk), .a(b), .b(a ^ b), .y(t));\n  always @(posedge clk) y <= s + t;\nendmodule\n',
    );
    writeFileSync(join(dir, 'hlsforge.json'), JSON.stringify({ backend: 'RTL', project: 'twice', top: 'top2', sources: ['rtl/add8.v', 'rtl/top2.v'] }));
    const r = await synthesize(dir, { perModule: true });
    const add8 = r.modules!.find((m) => m.module === 'add8')!;
    const top = r.modules!.find((m) => m.module === 'top2')!;
    expect(top.instances).toEqual({ add8: 2 });
    expect(add8.resources.ff).toBe(9);
    expect(top.resources.ff).toBe(10);
    expect(r.resources.ff).toBe(2 * 9 + 10);
    expect(r.resources.lut).toBe(2 * add8.resources.lut + top.resources.lut);
    expect(r.cells.add8).toBeUndefined();
  }, 120_000);
});
