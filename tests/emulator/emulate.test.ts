import { describe, expect, it } from 'vitest';
import { compileEmulator, emulate } from '../../src/emulator/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { chain, randomArray, rng, type LayerSpec } from './build-graph.ts';
import { referenceEmulate } from './reference.ts';

type Precisions = LayerSpec['precision'];

function denseGraph(random: () => number, nIn: number, nOut: number, p: { input?: string; dense: Precisions }, zeros = 0.2): Graph {
  return chain([
    { kind: 'input', name: 'x', shape: [nIn], precision: p.input ? { result: p.input } : undefined },
    {
      kind: 'dense', name: 'fc', shape: [nOut], nIn, nOut, precision: p.dense,
      weights: randomArray(random, nIn * nOut, 1.5, zeros),
      bias: randomArray(random, nOut, 2),
    },
  ]);
}

/** The emulator's output and per-variable overflow counts equal the BigInt oracle's, exactly. */
function expectMatchesReference(graph: Graph, inputs: Float64Array, batch: number): void {
  const got = emulate(graph, inputs, batch);
  const want = referenceEmulate(graph, inputs, batch);
  expect(Array.from(got.output)).toEqual(want.output);
  expect(got.overflowsByVar).toEqual(want.overflowsByVar);
}

const MIXES: Record<string, { input?: string; dense: Precisions }> = {
  'the model default everywhere': { dense: {} },
  'a wide AP_RND/AP_SAT accumulator (exact products)': {
    dense: { accum: 'ap_fixed<32,12,AP_RND,AP_SAT>', result: 'ap_fixed<16,6,AP_RND,AP_SAT>' },
  },
  'a narrow saturating AP_RND_CONV accumulator and an AP_SAT_SYM result': {
    dense: { accum: 'ap_fixed<12,4,AP_RND_CONV,AP_SAT>', result: 'ap_fixed<8,3,AP_RND,AP_SAT_SYM>' },
  },
  'a wrapping AP_TRN_ZERO accumulator': { dense: { accum: 'ap_fixed<10,3,AP_TRN_ZERO>', weight: 'ap_fixed<6,2,AP_RND>' } },
  'AP_RND_ZERO with AP_SAT_ZERO and AP_RND_MIN_INF with AP_WRAP_SM': {
    dense: { accum: 'ap_fixed<14,5,AP_RND_ZERO,AP_SAT_ZERO>', result: 'ap_fixed<9,3,AP_RND_MIN_INF,AP_WRAP_SM>' },
  },
  'AP_RND_INF accumulator with an unsigned input and negative integer bits': {
    input: 'ap_ufixed<9,3,AP_RND>',
    dense: { accum: 'ap_fixed<13,4,AP_RND_INF,AP_SAT>', weight: 'ap_fixed<8,-1,AP_RND_CONV,AP_SAT>', result: 'ap_ufixed<7,2,AP_RND,AP_SAT>' },
  },
  'an accumulator finer than the products (no rounding)': { dense: { accum: 'ap_fixed<40,12>', weight: 'ap_fixed<8,2>' } },
  'a 64-bit accumulator (BigInt path)': {
    dense: { accum: 'ap_fixed<64,24,AP_RND_CONV,AP_SAT>', weight: 'ap_fixed<24,4,AP_RND>', result: 'ap_fixed<20,8,AP_RND,AP_SAT>' },
  },
  'an accumulator wider than 53 bits that wraps (BigInt path)': {
    input: 'ap_fixed<30,10>',
    dense: { accum: 'ap_fixed<56,8,AP_RND>', weight: 'ap_fixed<30,2>', result: 'ap_fixed<12,4,AP_RND,AP_SAT_SYM>' },
  },
};

describe('dense', () => {
  for (const [mix, precisions] of Object.entries(MIXES)) {
    it(`accumulates exactly like the BigInt oracle with ${mix}`, () => {
      const random = rng(mix.length);
      const graph = denseGraph(random, 12, 7, precisions);
      expectMatchesReference(graph, randomArray(random, 40 * 12, 9), 40);
    });
  }

  it('applies over the last axis when the input has several rows', () => {
    const random = rng(3);
    const graph = chain([
      { kind: 'input', name: 'x', shape: [3, 4] },
      { kind: 'dense', name: 'fc', shape: [3, 2], nIn: 4, nOut: 2, weights: randomArray(random, 8, 1), bias: randomArray(random, 2, 1) },
    ]);
    expectMatchesReference(graph, randomArray(random, 5 * 12, 4), 5);
  });

  it('counts accumulator overflows term by term on crafted inputs', () => {
    // accum ap_fixed<6,3,AP_TRN,AP_SAT>: range [−4, 3.875]; 2 + 2 + 2 − 2 saturates at the second and third term
    const graph = chain([
      { kind: 'input', name: 'x', shape: [4] },
      {
        kind: 'dense', name: 'fc', shape: [1], nIn: 4, nOut: 1, weights: new Float64Array([1, 1, 1, -1]), bias: new Float64Array([0]),
        precision: { accum: 'ap_fixed<6,3,AP_TRN,AP_SAT>', result: 'ap_fixed<4,1,AP_TRN,AP_SAT>' },
      },
    ]);
    const r = emulate(graph, new Float64Array([2, 2, 2, 2]), 1);
    expect(Array.from(r.output)).toEqual([0.875]); // acc: 2, 3.875, 3.875, 1.875 → the result saturates
    expect(r.overflowsByVar).toEqual({ fc: { accum: 2, result: 1 } });
    expect(r.overflows.fc).toBe(3);
  });
});

const ACTIVATIONS: Record<string, LayerSpec> = {
  relu: { kind: 'relu', name: 'act', shape: [6], precision: { result: 'ap_ufixed<6,2,AP_RND,AP_SAT>' } },
  'leaky relu': { kind: 'leaky_relu', name: 'act', shape: [6], alpha: 0.3, precision: { param: 'ap_fixed<8,1,AP_RND>', result: 'ap_fixed<10,4,AP_RND_CONV>' } },
  clip: { kind: 'clip', name: 'act', shape: [6], min: -1.3, max: 2.71, precision: { result: 'ap_fixed<8,3,AP_RND_INF>' } },
  linear: { kind: 'linear', name: 'act', shape: [6], precision: { result: 'ap_fixed<7,2,AP_RND_ZERO,AP_SAT_SYM>' } },
  batchnorm: {
    kind: 'batchnorm', name: 'act', shape: [2, 3],
    scale: new Float64Array([0.7, -1.9, 3.3]), bias: new Float64Array([0.1, -0.25, 4]),
    precision: { scale: 'ap_fixed<10,3,AP_RND>', bias: 'ap_fixed<8,4>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' },
  },
  sigmoid: { kind: 'sigmoid', name: 'act', shape: [6], tableSize: 1024, precision: { result: 'ap_ufixed<8,0,AP_RND,AP_SAT>' } },
  'a small tanh table': { kind: 'tanh', name: 'act', shape: [6], tableSize: 64, precision: { table: 'ap_fixed<10,2,AP_RND>', result: 'ap_fixed<8,1,AP_RND,AP_SAT>' } },
  softmax: { kind: 'softmax', name: 'act', shape: [6], tableSize: 1024 },
  'softmax with a narrow accumulator over rows of 3': {
    kind: 'softmax', name: 'act', shape: [2, 3], tableSize: 256,
    precision: { accum: 'ap_fixed<6,2,AP_TRN,AP_SAT>', exp_table: 'ap_ufixed<8,1,AP_RND>', inv_table: 'ap_ufixed<10,1,AP_RND>', result: 'ap_ufixed<8,0,AP_RND,AP_SAT>' },
  },
  identity: { kind: 'identity', name: 'act', shape: [6] },
};

describe('elementwise layers and lookup tables', () => {
  for (const [what, spec] of Object.entries(ACTIVATIONS)) {
    it(`computes ${what} exactly like the BigInt oracle, overflow counts included`, () => {
      const random = rng(what.length + 100);
      const graph = chain([{ kind: 'input', name: 'x', shape: [...spec.shape], precision: { result: 'ap_fixed<14,5,AP_RND>' } }, spec]);
      const inputs = randomArray(random, 60 * 6, 12);
      inputs.set([0, -0.5, 7.99, -8, 3.96875, -4], 0); // table edges and exact bin boundaries
      expectMatchesReference(graph, inputs, 60);
    });
  }
});

describe('emulate', () => {
  const random = rng(42);
  const graph = chain([
    { kind: 'input', name: 'x', shape: [5] },
    { kind: 'dense', name: 'fc1', shape: [8], nIn: 5, nOut: 8, weights: randomArray(random, 40, 1), bias: randomArray(random, 8, 1) },
    { kind: 'relu', name: 'r1', shape: [8] },
    { kind: 'dense', name: 'fc2', shape: [3], nIn: 8, nOut: 3, weights: randomArray(random, 24, 1), bias: randomArray(random, 3, 1) },
    { kind: 'softmax', name: 'sm', shape: [3], tableSize: 1024 },
  ]);
  const inputs = randomArray(random, 30 * 5, 3);

  it('runs a whole network exactly like the BigInt oracle', () => {
    expectMatchesReference(graph, inputs, 30);
  });

  it('gives the same result from a compiled emulator on every run, with counters reset between runs', () => {
    const em = compileEmulator(graph);
    const first = em.run(inputs, 30);
    const second = em.run(inputs, 30);
    expect(second.output).toEqual(first.output);
    expect(second.overflows).toEqual(first.overflows);
    expect(first.output).toEqual(emulate(graph, inputs, 30).output);
    expect(first.outputShape).toEqual([3]);
  });

  it('traces every layer as values', () => {
    const r = emulate(graph, inputs, 30, { trace: true });
    expect(Object.keys(r.trace!)).toEqual(['x', 'fc1', 'r1', 'fc2', 'sm']);
    expect(r.trace!.sm).toEqual(r.output);
    expect(r.trace!.r1.every((v) => v >= 0)).toBe(true);
    expect(r.trace!.fc1.length).toBe(30 * 8);
  });

  it('in float mode computes plain double arithmetic', () => {
    const r = emulate(graph, inputs, 30, { mode: 'float', trace: true });
    const [fc1, fc2] = [graph.layers[1], graph.layers[3]] as Extract<(typeof graph.layers)[number], { kind: 'dense' }>[];
    for (let s = 0; s < 30; s++) {
      const x = inputs.subarray(s * 5, s * 5 + 5);
      const h = Array.from({ length: 8 }, (_, j) => Math.max(0, x.reduce((a, v, i) => a + v * fc1.weights[i * 8 + j], fc1.bias[j])));
      const z = Array.from({ length: 3 }, (_, j) => h.reduce((a, v, i) => a + v * fc2.weights[i * 3 + j], fc2.bias[j]));
      const e = z.map((v) => Math.exp(v - Math.max(...z)));
      const sum = e.reduce((a, b) => a + b, 0);
      expect(Array.from(r.output.subarray(s * 3, s * 3 + 3))).toEqual(e.map((v) => v / sum));
    }
    expect(Object.values(r.overflows).every((n) => n === 0)).toBe(true);
  });

  it('quantizes the inputs with the input layer type and counts their overflows', () => {
    const g = chain([{ kind: 'input', name: 'x', shape: [4], precision: { result: 'ap_fixed<4,2,AP_RND,AP_SAT>' } }]);
    const r = emulate(g, new Float64Array([5, -5, 0.3, 1.9]), 1);
    expect(Array.from(r.output)).toEqual([1.75, -2, 0.25, 1.75]);
    expect(r.overflows).toEqual({ x: 3 });
  });

  it('names the layer and the variable when a precision is missing', () => {
    const g = chain([
      { kind: 'input', name: 'x', shape: [2] },
      { kind: 'dense', name: 'fc', shape: [1], nIn: 2, nOut: 1, weights: new Float64Array(2), bias: new Float64Array(1) },
    ]);
    const { accum: _dropped, ...rest } = g.layers[1].precision;
    const broken: Graph = { ...g, layers: [g.layers[0], { ...g.layers[1], precision: rest }] };
    expect(() => emulate(broken, new Float64Array(2), 1)).toThrow(
      "layer 'fc' (dense): precision 'accum' is missing; the apply-config pass normally fills it",
    );
  });

  it('refuses inputs of the wrong size', () => {
    expect(() => emulate(graph, new Float64Array(7), 2)).toThrow('inputs must hold batch × 5 = 10 values, not 7');
  });
});
