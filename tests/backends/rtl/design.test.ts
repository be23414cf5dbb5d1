import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRtl, writeRtlProject, type RtlProjectMeta } from '../../../src/backends/rtl/index.ts';
import { buildDesign } from '../../../src/backends/rtl/design.ts';
import type { LayerHardware } from '../../../src/backends/rtl/layers/types.ts';
import { sizeOf, type Graph } from '../../../src/ir/graph.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { LUT_LEVEL_NS } from '../../../src/backends/rtl/timing.ts';
import { thrown } from '../../helpers/thrown.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';
import { dataMovement, dots, mergeOfFour, mergeOfTwo, residualMlp, twoInTwoOut } from '../../rtlsim/branching-graphs.ts';

const config = configFor();

/**
 * The timing of a graph re-derived from the per-layer latencies and result depths alone (docs/rtl.md "Pipelining
 * rule"): a layer starts when its latest input is ready; a layer scheduled from its inputs' depth (outDepthNs set)
 * takes them as they come, any other layer with logic gets a register in front of a latest input still in logic; a
 * wire (input, identity, reshape, a module of wires) passes its input's readiness and depth on; the design's latency
 * is the latest output, plus its out register when it is still in logic; each value needs one delay line as long as
 * its longest wait (readers and outputs share it).
 */
/** `inputRegister`: the top registers in_data (II > 1), so the inputs are valid one cycle after in_valid */
function expectedTiming(graph: Graph, hw: Map<string, LayerHardware>, width: Map<string, number>, inputRegister: boolean) {
  const ready = new Map<string, { at: number; deep: boolean }>();
  const line = new Map<string, string>(); // the value whose delay line a wire shares
  const start = new Map<string, number>();
  for (const l of graph.layers) {
    const h = hw.get(l.name);
    if (l.kind === 'input') {
      ready.set(l.name, { at: inputRegister ? 1 : 0, deep: false });
      line.set(l.name, l.name);
    } else if (!h) {
      ready.set(l.name, ready.get(l.inputs[0])!);
      line.set(l.name, line.get(l.inputs[0])!);
    } else {
      const latest = Math.max(...l.inputs.map((i) => ready.get(i)!.at));
      const deep = l.inputs.some((i) => ready.get(i)!.at === latest && ready.get(i)!.deep);
      const wires = h.latency === 0 && !h.sequential && h.outDepthNs === undefined;
      const s = latest + (deep && h.outDepthNs === undefined && !wires ? 1 : 0);
      start.set(l.name, s);
      ready.set(l.name, { at: s + h.latency, deep: wires ? deep : (h.outDepthNs ?? 0) > 0 });
      line.set(l.name, l.name);
    }
  }
  // out_data is a register: at least one cycle after the ports
  const total = Math.max(inputRegister ? 2 : 1, ...graph.outputs.map((o) => ready.get(o)!.at + (ready.get(o)!.deep ? 1 : 0)));
  const wait = new Map<string, number>();
  const need = (v: string, at: number) => wait.set(line.get(v)!, Math.max(wait.get(line.get(v)!) ?? 0, at - ready.get(v)!.at));
  for (const l of graph.layers) if (start.has(l.name)) l.inputs.forEach((i) => need(i, start.get(l.name)!));
  graph.outputs.forEach((o) => need(o, total));
  const delayBits = [...wait].reduce((n, [v, d]) => n + d * width.get(v)!, 0);
  return { start, total, delayBits };
}

describe('the RTL design of a branching graph', () => {
  for (const g of [mergeOfTwo(), mergeOfTwo(3), mergeOfFour(), dataMovement(), dots(), twoInTwoOut(), residualMlp(), residualMlp(4)])
    it(`starts every layer when its latest input arrives and balances the rest with shared delay lines (${g.name})`, () => {
      const d = buildDesign(g, config);
      const hw = new Map(d.layers.map((p) => [p.layer.name, p.hw]));
      const width = new Map<string, number>();
      for (const l of g.layers) if (l.kind === 'input') width.set(l.name, sizeOf(l.shape) * l.precision.result.width);
      for (const p of d.layers) width.set(p.layer.name, p.hw.outSize * p.hw.outType.width);
      expect(d.inputRegister).toBe(d.ii > 1);
      const want = expectedTiming(g, hw, width, d.inputRegister);
      const plan = planRtl(g, config);
      expect(plan.perLayer.map((l) => [l.name, l.start])).toEqual(d.layers.map((p) => [p.layer.name, want.start.get(p.layer.name)]));
      expect(plan.latencyCycles).toBe(want.total);
      expect(plan.delayBits).toBe(want.delayBits);
      expect(plan.ii).toBe(Math.max(...g.layers.map((l) => l.reuseFactor)));
    });

  it('has delay lines only where branches of different latencies meet', () => {
    expect(planRtl(mergeOfTwo(), config).delayBits).toBeGreaterThan(0);
    const chain = residualMlp();
    const straight: Graph = { ...chain, layers: chain.layers.filter((l) => ['x', 'fc1', 'relu1', 'fc2'].includes(l.name)), outputs: ['fc2'] };
    // the one top register of a chain is the out register of its result, still in logic
    const d = buildDesign(straight, config);
    expect(d.outputValues[0].depthNs).toBeGreaterThan(0);
    expect(d.delayBits).toBe(d.outputs[0].size * d.outputs[0].type.width);
  });

  it('builds a branch no output reads, even a reuse-factor dense that starts after the last output', () => {
    const g = residualMlp();
    const dead: Graph = { ...g, layers: g.layers.map((l) => (l.name === 'fc_out' ? { ...l, reuseFactor: 4 } : l)), outputs: ['skip_add'] };
    const plan = planRtl(dead, config);
    const fcOut = plan.perLayer.find((l) => l.name === 'fc_out')!;
    expect(fcOut.start).toBeGreaterThanOrEqual(plan.latencyCycles);
    // its start pulse is a stage of the valid pipeline, which is long enough to reach it
    const inst = buildDesign(dead, config).top.cells.find((c) => c.op === 'inst' && c.module === fcOut.module);
    const start = inst?.op === 'inst' ? inst.conns.find((c) => c.port === 'start')?.sig : undefined;
    expect(start?.name).toBe(`valid${fcOut.start - 1}`);
    const add = plan.perLayer.find((l) => l.name === 'skip_add')!;
    expect(plan.latencyCycles).toBe(add.start + add.latency + ((add.outDepthNs ?? 0) > 0 ? 1 : 0));
  });

  /** input → n relus of ap_fixed<16,6>: each one LUT level (the sign bit selects 0), in a module of its own */
  const reluChain = (n: number): Graph => {
    const t = parseFixedType('ap_fixed<16,6>');
    const base = { precision: { result: t }, reuseFactor: 1, strategy: 'latency' as const, shape: [4] };
    const relus = Array.from({ length: n }, (_, k) => ({ ...base, kind: 'relu' as const, name: `relu${k}`, inputs: [k === 0 ? 'x' : `relu${k - 1}`] }));
    return { name: 'relus', layers: [{ ...base, kind: 'input', name: 'x', inputs: [] }, ...relus], outputs: [`relu${n - 1}`] };
  };

  it('lets logic flow through layers without registers while it fits one stage (docs/rtl.md "Pipelining rule")', () => {
    const fits = Math.floor(planRtl(reluChain(1), config).stageNs / LUT_LEVEL_NS); // 9 relus at 5 ns
    const short = planRtl(reluChain(fits), config);
    // all the relus in one stage from in_data (II 1: no input register), then the out register
    expect(short.perLayer.map((l) => l.latency)).toEqual(Array(fits).fill(0));
    expect(short.perLayer.map((l) => l.outDepthNs)).toEqual(Array.from({ length: fits }, (_, k) => +((k + 1) * LUT_LEVEL_NS).toFixed(3)));
    expect(short.latencyCycles).toBe(1);
    // one relu more: one register, in the relu where the budget runs out, which starts the next stage
    const long = planRtl(reluChain(fits + 1), config);
    expect(long.perLayer.map((l) => l.latency)).toEqual([...Array(fits).fill(0), 1]);
    expect(long.perLayer.at(-1)!.outDepthNs).toBeCloseTo(LUT_LEVEL_NS);
    expect(long.latencyCycles).toBe(2);
    expect(long.delayBits).toBe(4 * 16); // the out register only
  });

  it('makes a transpose a module of wires: no clock, latency 0', () => {
    const t = buildDesign(dataMovement(), config).layers.find((p) => p.layer.kind === 'transpose')!;
    expect(t.hw.latency).toBe(0);
    expect(t.hw.module.ports.map((p) => p.sig.name)).toEqual(['x', 'y']);
    expect(t.hw.module.cells.filter((c) => c.op === 'reg')).toEqual([]);
  });

  it('says which output is not a layer of the graph', () => {
    const e = thrown(() => planRtl({ ...twoInTwoOut(), outputs: ['out_a', 'nothing'] }, config));
    expect(e.code).toBe('unsupported-topology');
    expect(e.message).toMatch(/output 'nothing' must be a layer of the graph$/);
  });
});

describe('the packed ports of several inputs and outputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-ports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('packs the inputs in graph order and the outputs in graph.outputs order, and says so in hlsforge.json and README', () => {
    const g = twoInTwoOut();
    writeRtlProject(g, config, dir, { inputs: new Float64Array(8), predictions: new Float64Array(11), batch: 1 });
    const meta = JSON.parse(readFileSync(join(dir, 'hlsforge.json'), 'utf8')) as RtlProjectMeta;
    expect(meta.inputs).toEqual([
      { name: 'x', size: 5, type: 'ap_fixed<10,3>' },
      { name: 'y', size: 3, type: 'ap_fixed<8,2,AP_RND,AP_SAT>' },
    ]);
    expect(meta.outputs).toEqual([
      { name: 'out_b', size: 8, type: 'ap_fixed<9,3,AP_RND,AP_SAT>' },
      { name: 'out_a', size: 3, type: 'ap_ufixed<10,4,AP_RND,AP_SAT>' },
    ]);
    expect([meta.inputSize, meta.outputSize]).toEqual([8, 11]);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const row of [
      '| `in_data` | 49:0 | x | [5] | 5 | `ap_fixed<10,3>` | 10·i + 9 : 10·i |',
      '| `in_data` | 73:50 | y | [3] | 3 | `ap_fixed<8,2,AP_RND,AP_SAT>` | 50 + 8·i + 7 : 50 + 8·i |',
      '| `out_data` | 71:0 | out_b | ',
      '| `out_data` | 101:72 | out_a | [3] | 3 | `ap_ufixed<10,4,AP_RND,AP_SAT>` | 72 + 10·i + 9 : 72 + 10·i |',
      // every element's bits (ports of at most 64 elements)
      '| `in_data[65:58]` | y[1] | `ap_fixed<8,2,AP_RND,AP_SAT>` |',
      '| `out_data[101:92]` | out_a[2] | `ap_ufixed<10,4,AP_RND,AP_SAT>` |',
    ])
      expect(readme).toContain(row);
    const top = readFileSync(join(dir, 'rtl', `${meta.top}.v`), 'utf8');
    expect(top).toMatch(/input wire \[73:0\] in_data/);
    expect(top).toMatch(/output wire \[101:0\] out_data/);
  });
});
