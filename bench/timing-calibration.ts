/**
 * `node bin/run-ts.js bench/timing-calibration.ts [--only <name,…>]`: calibrates the RTL pipelining rule
 * (docs/rtl.md, "Pipelining rule"; src/backends/rtl/timing.ts). Each design is one register-to-register stage of the
 * cells the RTL backend builds (adders of several widths, adder chains and trees, shift-add constant products,
 * comparators, multiplexers, a rounding/saturating cast, ROM reads). Each is synthesized with Yosys
 * `synth_xilinx -family xcup -abc9`, and its slowest path is walked in the mapped netlist (src/synth/logic-depth.ts:
 * LUT levels, carry cells, F7/F8 multiplexers, timed with the model's UltraScale+ delays); beside it, the delay the
 * scheduler's model gives the same netlist. Results go to bench/timing-calibration.json (a few seconds per design);
 * `--model-only` recomputes the model's column beside the recorded paths without running Yosys.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnProducts } from '../src/backends/rtl/cmm/products.ts';
import { tree } from '../src/backends/rtl/layers/accumulate.ts';
import { ModuleBuilder } from '../src/backends/rtl/netlist/builder.ts';
import { castFx } from '../src/backends/rtl/netlist/cast.ts';
import { reluFx } from '../src/backends/rtl/layers/elementwise.ts';
import { maxFx, type Fx } from '../src/backends/rtl/netlist/fx.ts';
import type { Sig } from '../src/backends/rtl/netlist/netlist.ts';
import { schedule } from '../src/backends/rtl/netlist/schedule.ts';
import { writeVerilog } from '../src/backends/rtl/netlist/verilog.ts';
import { stageBudgetNs } from '../src/backends/rtl/timing.ts';
import { fixedType } from '../src/fixed/index.ts';
import { worstPath } from '../src/synth/logic-depth.ts';
import { YOSYS } from '../src/synth/yosys.ts';

const FILE = new URL('./timing-calibration.json', import.meta.url);

interface Design {
  readonly name: string;
  readonly what: string;
  /** input widths (signed) */
  readonly inputs: readonly number[];
  readonly build: (b: ModuleBuilder, xs: Sig[]) => Sig[];
}

const fx = (sig: Sig, frac = 0): Fx => ({ sig, frac });
const adds = (b: ModuleBuilder, xs: Sig[]): Sig => xs.reduce((s, x) => b.add(s, x));
const rom = (addressBits: number, width: number) => ({
  name: `rom${addressBits}`,
  width,
  // a fixed pseudo-random table (no structure Yosys could simplify)
  words: Array.from({ length: 2 ** addressBits }, (_, i) => BigInt((i * 2654435761) >>> (32 - width))),
  comment: 'calibration table',
});

const DESIGNS: Design[] = [
  ...[4, 8, 16, 24, 32, 48].map((w) => ({ name: `add${w}`, what: `${w}-bit adder`, inputs: [w, w], build: (b: ModuleBuilder, [x, y]: Sig[]) => [b.add(x, y)] })),
  ...[2, 3, 4, 6].map((k) => ({ name: `chain16x${k + 1}`, what: `${k} chained 16-bit adders (a + b + c …)`, inputs: Array(k + 1).fill(16), build: (b: ModuleBuilder, xs: Sig[]) => [adds(b, xs)] })),
  ...[4, 8, 16].map((n) => ({
    name: `tree${n}x12`,
    what: `balanced tree of ${n} 12-bit terms (${Math.log2(n)} adder levels, exact widths)`,
    inputs: Array(n).fill(12),
    build: (b: ModuleBuilder, xs: Sig[]) => [tree(b, fx(b.constant(0n, 18, true)), xs.map((x) => fx(x)), fixedType(18, 18), 't', { ranges: xs.map(() => ({ lo: -2048n, hi: 2047n })), form: 'adders' }).sig],
  })),
  ...[
    [8, 12],
    [16, 12],
    [32, 12],
    [64, 6],
  ].map(([n, w]) => ({
    name: `csa${n}x${w}`,
    what: `carry-save compressor of ${n} ${w}-bit terms (6:3 counters, one carry adder; layers/compress.ts)`,
    inputs: Array(n).fill(w),
    build: (b: ModuleBuilder, xs: Sig[]) => {
      const h = 1n << BigInt(w - 1);
      return [tree(b, fx(b.constant(0n, 24, true)), xs.map((x) => fx(x)), fixedType(24, 24), 't', { ranges: xs.map(() => ({ lo: -h, hi: h - 1n })), form: 'compressor' }).sig];
    },
  })),
  {
    name: 'csd16',
    what: 'shift-add products x·{93, −227, 181, 45, 117} of a 16-bit x (CSD, shared terms)',
    inputs: [16],
    build: (b, [x]) => [...columnProducts(b, fx(x), [93, -227, 181, 45, 117], 0, 'x', Infinity).values()].map((p) => p.fx.sig),
  },
  { name: 'lt16', what: '16-bit signed compare', inputs: [16, 16], build: (b, [x, y]) => [b.lt(x, y)] },
  { name: 'lt32', what: '32-bit signed compare', inputs: [32, 32], build: (b, [x, y]) => [b.lt(x, y)] },
  { name: 'eq16', what: '16-bit equality', inputs: [16, 16], build: (b, [x, y]) => [b.eq(x, y)] },
  { name: 'mux16', what: '16-bit 2:1 multiplexer', inputs: [1, 16, 16], build: (b, [s, x, y]) => [b.mux(b.slice(s, 0, 1), x, y)] },
  { name: 'max16', what: 'max of two 16-bit values (compare + multiplexer)', inputs: [16, 16], build: (b, [x, y]) => [maxFx(b, fx(x), fx(y)).sig] },
  {
    name: 'max4x16',
    what: 'max of four 16-bit values (two compare + multiplexer levels)',
    inputs: [16, 16, 16, 16],
    build: (b, [p, q, r, s]) => [maxFx(b, maxFx(b, fx(p), fx(q)), maxFx(b, fx(r), fx(s))).sig],
  },
  {
    name: 'cast-relu6',
    what: 'ap_fixed<16,6> to ap_ufixed<6,0,AP_RND_CONV,AP_SAT> (rounding carry, saturation)',
    inputs: [16],
    build: (b, [x]) => [castFx(b, fx(x, 10), fixedType(6, 0, { signed: false, quant: 'AP_RND_CONV', overflow: 'AP_SAT' })).sig],
  },
  {
    name: 'cast-sat16',
    what: '24-bit accumulator to ap_fixed<16,6,AP_RND,AP_SAT>',
    inputs: [24],
    build: (b, [x]) => [castFx(b, fx(x, 14), fixedType(16, 6, { quant: 'AP_RND', overflow: 'AP_SAT' })).sig],
  },
  // the relus follow an adder, as they follow a layer's logic (straight after a register Yosys folds the clamp into the
  // flip-flops' synchronous reset, and the row would measure nothing)
  {
    name: 'add-relu16',
    what: '16-bit adder, then relu of ap_fixed<16,6> to the same type (clamp to 0 from the sign bit)',
    inputs: [16, 16],
    build: (b, [x, y]) => [reluFx(b, fx(b.add(x, y), 10), fixedType(16, 6), 'r')],
  },
  {
    name: 'add-relu-cast6',
    what: '16-bit adder, then relu to ap_ufixed<6,0,AP_RND_CONV,AP_SAT> (cast of x >= 0, clamp from the sign bit)',
    inputs: [16, 16],
    build: (b, [x, y]) => [reluFx(b, fx(b.add(x, y), 10), fixedType(6, 0, { signed: false, quant: 'AP_RND_CONV', overflow: 'AP_SAT' }), 'r')],
  },
  {
    name: 'add-relu3x16',
    what: '16-bit adder, then three relus of ap_fixed<16,6> in a row (logic flowing across layer modules, flattened)',
    inputs: [16, 16],
    build: (b, [x, y]) => [[0, 1, 2].reduce((v, k) => fx(reluFx(b, v, fixedType(16, 6), `r${k}`), 10), fx(b.add(x, y), 10)).sig],
  },
  ...[6, 8, 10].map((a) => ({ name: `rom${a}x16`, what: `ROM read, ${2 ** a} words of 16 bits`, inputs: [a], build: (b: ModuleBuilder, [x]: Sig[]) => [b.rom(rom(a, 16), b.slice(x, 0, a), true)] })),
];

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const budget = stageBudgetNs(5);
const record = existsSync(FILE)
  ? JSON.parse(readFileSync(FILE, 'utf8'))
  : { tool: 'Debian yosys 0.23, synth_xilinx -family xcup -abc9 -flatten; path walk src/synth/logic-depth.ts', results: {} };
const work = mkdtempSync(join(tmpdir(), 'hlsforge-timing-'));
try {
  for (const d of DESIGNS) {
    if (only && !only.includes(d.name)) continue;
    const b = new ModuleBuilder();
    b.port('input', 'clk', 1);
    const xs = d.inputs.map((w, k) => b.resize(b.port('input', `x${k}`, w), w, true, `x${k}_s`));
    const ys = d.build(b, xs);
    // one stage: the model's delay of the whole logic (the budget is not applied: everything in stage 0)
    const s = schedule(b, ys, Infinity);
    s.outputs.forEach((y, k) => b.cell({ op: 'resize', out: b.port('output', `y${k}`, y.width), a: y }));
    const mod = { name: 'dut', comment: [d.what], ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms };
    // the top registers every input, so each path is register to register
    const regs = d.inputs.map((w, k) => `reg [${w - 1}:0] r${k}; always @(posedge clk) r${k} <= i${k};`).join('\n');
    const top = `module top(input clk, ${d.inputs.map((w, k) => `input [${w - 1}:0] i${k}`).join(', ')}, ${s.outputs.map((y, k) => `output [${y.width - 1}:0] o${k}`).join(', ')});
${regs}
dut u(.clk(clk), ${d.inputs.map((_, k) => `.x${k}(r${k})`).join(', ')}, ${s.outputs.map((_, k) => `.y${k}(o${k})`).join(', ')});
endmodule
`;
    if (args.includes('--model-only')) {
      // the model changed, not the synthesis: update the model's column of the record
      const r = record.results[d.name];
      if (r) {
        r.modelNs = s.worstStageNs;
        writeFileSync(FILE, JSON.stringify(record, null, 2) + '\n');
      }
      console.log(`${d.name.padEnd(12)} model ${s.worstStageNs} ns${r ? `; recorded Yosys path ${r.yosysPathNs} ns` : ''}`);
      continue;
    }
    const dir = join(work, d.name);
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'dut.v'), writeVerilog(mod));
    writeFileSync(join(dir, 'top.v'), top);
    const t0 = performance.now();
    execFileSync('nice', ['-n', '10', YOSYS, '-q', '-p', 'read_verilog dut.v top.v; synth_xilinx -family xcup -abc9 -flatten -top top; write_json mapped.json'], { cwd: dir, stdio: 'ignore' });
    const p = worstPath(JSON.parse(readFileSync(join(dir, 'mapped.json'), 'utf8')), 'top');
    const row = { what: d.what, lutLevels: p.lutLevels, carryCells: p.carry, muxf: p.muxf, yosysPathNs: p.ns, modelNs: s.worstStageNs, seconds: Math.round((performance.now() - t0) / 100) / 10 };
    record.results[d.name] = row;
    record.recorded = new Date().toISOString().slice(0, 10);
    writeFileSync(FILE, JSON.stringify(record, null, 2) + '\n');
    console.log(`${d.name.padEnd(12)} LUT levels ${p.lutLevels}, carry cells ${p.carry}, MUXF ${p.muxf}: ${p.ns} ns (model ${s.worstStageNs} ns; stage budget at 5 ns ${budget} ns)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
