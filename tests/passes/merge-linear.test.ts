import { describe, expect, it } from 'vitest';
import { randomInputs } from '../../src/data/random-inputs.ts';
import { emulate } from '../../src/emulator/index.ts';
import { parseFixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { mergeLinear, representable } from '../../src/passes/merge-linear.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import { configured } from './pass-helpers.ts';

const T = parseFixedType;

/** dense_1 → linear_1 → dense_2 → softmax_2, with the given result types of dense_1 and linear_1. */
function graph(denseResult: string, linearResult: string): Graph {
  const g = configured(mlpGraph([6, 5, 3], { hidden: 'linear' }));
  const set = (l: Layer, t: string) => ({ ...l, precision: { ...l.precision, result: T(t) } }) as Layer;
  return { ...g, layers: g.layers.map((l) => (l.name === 'dense_1' ? set(l, denseResult) : l.name === 'linear_1' ? set(l, linearResult) : l)) };
}

// random values plus values far outside every type involved, so wrapping and saturation are exercised
const X = randomInputs(300, 6, 5);
X.data.forEach((v, i) => (X.data[i] = i % 7 === 0 ? v * 40 : v * 4));

function expectBitEqual(before: Graph, after: Graph): void {
  verifyGraph(after, { configured: true });
  expect(Array.from(emulate(after, X.data, 300).output)).toEqual(Array.from(emulate(before, X.data, 300).output));
}

describe('merge-linear', () => {
  it('removes a linear whose type equals its producer\'s (Q∘Q = Q), bit-identically', () => {
    const g = graph('ap_fixed<10,4,AP_RND,AP_SAT>', 'ap_fixed<10,4,AP_RND,AP_SAT>');
    const m = mergeLinear.run(g, undefined as never);
    expect(m.layers.map((l) => l.kind)).not.toContain('linear');
    expect(m.layers.find((l) => l.name === 'dense_2')!.inputs).toEqual(['dense_1']);
    expectBitEqual(g, m);
  });

  it('removes a linear whose type holds every value of its producer\'s type, bit-identically', () => {
    const g = graph('ap_fixed<10,4>', 'ap_fixed<16,6,AP_RND,AP_SAT>');
    const m = mergeLinear.run(g, undefined as never);
    expect(m.layers.map((l) => l.kind)).not.toContain('linear');
    expectBitEqual(g, m);
  });

  it('keeps a linear that rounds or saturates its input', () => {
    for (const t of ['ap_fixed<10,5>', 'ap_fixed<10,3>', 'ap_ufixed<12,6>', 'ap_fixed<10,4,AP_TRN,AP_SAT_SYM>']) {
      const g = graph('ap_fixed<10,4>', t);
      const m = mergeLinear.run(g, undefined as never);
      expect(m).toBe(g);
      // and it must be kept: it changes some value its producer emits
      const trace = emulate(g, X.data, 300, { trace: true }).trace!;
      expect(Array.from(trace.linear_1)).not.toEqual(Array.from(trace.dense_1));
    }
  });

  it('merges an output linear only when its type has the same values', () => {
    const base = configured(mlpGraph([6, 5], { last: 'linear' }));
    const set = (t: string): Graph => ({ ...base, layers: base.layers.map((l) => (l.kind === 'linear' ? ({ ...l, precision: { result: T(t) } } as Layer) : l)) });
    const same = set('ap_fixed<16,6,AP_RND,AP_SAT>');
    const merged = mergeLinear.run(same, undefined as never);
    expect(merged.outputs).toEqual(['dense_1']);
    expectBitEqual(same, merged);
    const wider = set('ap_fixed<20,8>');
    expect(mergeLinear.run(wider, undefined as never)).toBe(wider);
  });

  it('decides representability on grid and range, signedness and AP_SAT_SYM included', () => {
    expect(representable(T('ap_ufixed<8,4>'), T('ap_fixed<9,5>'))).toBe(true);
    expect(representable(T('ap_ufixed<8,4>'), T('ap_fixed<8,4>'))).toBe(false);
    expect(representable(T('ap_fixed<8,4>'), T('ap_fixed<9,4>'))).toBe(true);
    expect(representable(T('ap_fixed<8,4>'), T('ap_fixed<9,5>'))).toBe(true);
    expect(representable(T('ap_fixed<8,4>'), T('ap_fixed<8,5>'))).toBe(false);
    expect(representable(T('ap_fixed<8,4>'), T('ap_fixed<8,4,AP_TRN,AP_SAT_SYM>'))).toBe(false);
    expect(representable(T('ap_fixed<8,4>'), T('ap_ufixed<16,8>'))).toBe(false);
  });
});
