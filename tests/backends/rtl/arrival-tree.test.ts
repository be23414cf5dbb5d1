import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../../src/backends/rtl/design.ts';
import { tree } from '../../../src/backends/rtl/layers/accumulate.ts';
import { ModuleBuilder } from '../../../src/backends/rtl/netlist/builder.ts';
import { cellInputs, type Sig } from '../../../src/backends/rtl/netlist/netlist.ts';
import { mulberry32 } from '../../../src/data/random-inputs.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { ChainBuilder, fx } from '../hls/graph-builders.ts';
import { evaluate } from '../../helpers/netlist-eval.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';

/**
 * Order-free adder trees are built in order of arrival (layers/accumulate.ts `reduce`, docs/rtl.md "Constant
 * multipliers, cost model and adder trees"): a term that the timing model has ready late joins near the root instead
 * of delaying every level; the sum is the same mod 2^W. And Strategy: Latency builds a layer without DSP products when
 * that makes its result earlier (design.ts `latencyFirst`).
 */
describe('an adder tree built in order of arrival', () => {
  const accum = parseFixedType('ap_fixed<24,24>');
  const build = () => {
    const b = new ModuleBuilder('t');
    const xs = Array.from({ length: 8 }, (_, i) => b.port('input', `x${i}`, 8));
    // a deep term: three adders in a chain before it reaches the tree
    const deep = b.add(b.add(b.add(xs[0], xs[1], 'd0'), xs[2], 'd1'), xs[3], 'd2');
    const terms = [deep, ...xs.slice(4), ...xs.slice(1, 4)].map((sig) => ({ sig, frac: 0 }));
    const init = { sig: b.constant(5n, 24), frac: 0 };
    const acc = tree(b, init, terms, accum, 'n0');
    return { b, xs, deep, terms, acc };
  };

  it('adds the latest term last, straight into the accumulator', () => {
    const { b, deep, acc } = build();
    const adds = b.cells.filter((c) => c.op === 'add');
    const driver = new Map(b.cells.flatMap((c) => (c.op === 'inst' ? [] : [[c.out, c] as const])));
    // what a signal carries, through wiring (the cut to its range, the extension to the accumulator)
    const source = (s: Sig): Sig => {
      const c = driver.get(s);
      return c && (c.op === 'resize' || c.op === 'slice') ? source(c.a) : s;
    };
    const last = adds[adds.length - 1];
    if (last.op !== 'add') throw new Error('unreachable');
    expect(last.out.name).toBe('t_n0_acc');
    expect(cellInputs(last).map(source)).toContain(deep);
    expect(acc.sig.width).toBe(24);
  });

  it('sums to init + Σ terms exactly, on 200 random inputs', () => {
    const { b, xs, terms, acc } = build();
    const rnd = mulberry32(13);
    for (let n = 0; n < 200; n++) {
      const v = xs.map(() => BigInt(Math.floor(rnd() * 256) - 128));
      const out = evaluate(b.cells, new Map(xs.map((s, i) => [s, v[i]] as const)));
      const want = 5n + terms.reduce((s, t) => s + out.get(t.sig)!, 0n);
      expect(out.get(acc.sig)).toBe(want);
    }
  });
});

describe('Strategy: Latency and DSP products', () => {
  // 16-bit weights: the cost model alone puts some products on DSP48E2 slices (a stage of their own)
  const graph = (strategy: 'latency' | 'resource') =>
    new ChainBuilder('lf', 16, fx('ap_fixed<16,6>'), 4).dense(8, { strategy }).relu({ strategy }).dense(8, { strategy }).build();
  const muls = (d: ReturnType<typeof buildDesign>) => d.layers.map((p) => p.hw.module.cells.filter((c) => c.op === 'mul').length);

  it('keeps DSP products under Strategy: Resource (LUT + DspCost·DSP decides alone)', () => {
    const d = buildDesign(graph('resource'), configFor());
    expect(muls(d)[0]).toBeGreaterThan(0);
  });

  it('builds a layer without them under Strategy: Latency when its result is then earlier, and the design is shorter', () => {
    const fast = buildDesign(graph('latency'), configFor());
    const cheap = buildDesign(graph('resource'), configFor());
    expect(muls(fast)[0]).toBe(0);
    expect(fast.latencyCycles).toBeLessThan(cheap.latencyCycles);
    // with no DSP allowed at all both strategies build the same netlists
    const none = { ...configFor(), dspCost: Infinity };
    expect(buildDesign(graph('latency'), none).latencyCycles).toBe(buildDesign(graph('resource'), none).latencyCycles);
  });
});
