import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { MergeOp } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, randomArray, rng } from './build-graph.ts';
import { referenceEmulate } from './reference.ts';

function expectMatchesReference(graph: Graph, inputs: Float64Array, batch: number): void {
  verifyGraph(graph, { configured: true });
  const got = emulate(graph, inputs, batch);
  const want = referenceEmulate(graph, inputs, batch);
  expect(Array.from(got.output)).toEqual(want.output);
  expect(got.overflowsByVar).toEqual(want.overflowsByVar);
}

/** x → (batchnorm a, relu b) → merge(a, b): two branches of different types meeting again. */
function diamond(op: MergeOp, result: string, extra = 0): Graph {
  const random = rng(3);
  const c = 6;
  const branches = Array.from({ length: 1 + extra }, (_, k) => ({
    kind: 'batchnorm' as const, name: `bn${k}`, shape: [2, c], from: ['x'],
    scale: randomArray(random, c, 2), bias: randomArray(random, c, 1),
    precision: { scale: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', result: k % 2 ? 'ap_fixed<12,5,AP_RND,AP_SAT>' : 'ap_fixed<10,3,AP_TRN,AP_WRAP>' },
  }));
  return dag([
    { kind: 'input', name: 'x', shape: [2, c], precision: { result: 'ap_fixed<12,4>' } },
    ...branches,
    { kind: 'relu', name: 'r', shape: [2, c], from: ['x'], precision: { result: 'ap_ufixed<9,4,AP_RND,AP_SAT>' } },
    { kind: 'merge', name: 'm', op, shape: [2, c], from: [...branches.map((b) => b.name), 'r'], precision: { result } },
  ]);
}

const RESULTS = ['ap_fixed<16,6>', 'ap_fixed<8,3,AP_RND,AP_SAT>', 'ap_fixed<7,2,AP_RND_CONV,AP_WRAP>', 'ap_ufixed<6,2,AP_RND_INF,AP_SAT_SYM>', 'ap_fixed<9,1,AP_RND_ZERO,AP_SAT_ZERO>'];
const OPS: MergeOp[] = ['add', 'subtract', 'multiply', 'average', 'maximum', 'minimum'];

describe('merges', () => {
  const batch = 400;
  const inputs = randomArray(rng(11), batch * 12, 9);
  for (const op of OPS)
    for (const result of RESULTS)
      it(`${op} of two branches cast to ${result} equals the BigInt oracle`, () => expectMatchesReference(diamond(op, result), inputs, batch));

  for (const op of ['add', 'maximum', 'multiply', 'average'] as const)
    it(`${op} of four inputs equals the BigInt oracle`, () => expectMatchesReference(diamond(op, 'ap_fixed<14,7,AP_RND,AP_SAT>', 2), inputs, batch));

  it('multiplies wide inputs exactly through BigInt', () => {
    const g = diamond('multiply', 'ap_fixed<40,20,AP_RND,AP_SAT>', 3);
    const wide = { ...g, layers: g.layers.map((l) => (l.kind === 'batchnorm' ? { ...l, precision: { ...l.precision, result: { ...l.precision.result, width: 30, integer: 10 } } } : l)) };
    expectMatchesReference(wide as Graph, inputs, batch);
  });

  it('dot of two vectors equals the BigInt oracle', () => {
    const random = rng(5);
    const g = dag([
      { kind: 'input', name: 'x', shape: [8], precision: { result: 'ap_fixed<10,4>' } },
      { kind: 'batchnorm', name: 'a', shape: [8], from: ['x'], scale: randomArray(random, 8, 2), bias: randomArray(random, 8, 1) },
      { kind: 'dot', name: 'd', shape: [1], from: ['a', 'x'], precision: { result: 'ap_fixed<12,6,AP_RND,AP_SAT>' } },
    ]);
    expectMatchesReference(g, randomArray(rng(2), 8 * 300, 6), 300);
  });

  it('refuses an average of three inputs, which is not exact', () => {
    expect(() => verifyGraph(diamond('average', 'ap_fixed<16,6>', 1))).toThrow(/average must have 2, 4, 8, … inputs .* not 3/);
  });
});

describe('data movement', () => {
  it('transposes a 3-D tensor in the order numpy defines', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [2, 3, 4], precision: { result: 'ap_fixed<16,8>' } },
      { kind: 'transpose', name: 't', shape: [4, 2, 3], perm: [2, 0, 1], from: ['x'] },
    ]);
    const x = Float64Array.from({ length: 48 }, (_, i) => i);
    // numpy: y[a][b][c] = x[b][c][a]
    const want: number[] = [];
    for (let s = 0; s < 2; s++) for (let a = 0; a < 4; a++) for (let b = 0; b < 2; b++) for (let c = 0; c < 3; c++) want.push(s * 24 + b * 12 + c * 4 + a);
    expect(Array.from(emulate(g, x, 2).output)).toEqual(want); // integers below 128: exact in ap_fixed<16,8>
    expect(Array.from(emulate(g, x, 2, { mode: 'float' }).output)).toEqual(want);
    expectMatchesReference(g, randomArray(rng(1), 48, 100), 2);
  });

  for (const axis of [0, 1, 2])
    it(`concatenates 3-D tensors along axis ${axis} with a cast per input`, () => {
      const shapeA = [2, 3, 2];
      const shapeB = shapeA.map((d, a) => (a === axis ? d + 1 : d));
      const out = shapeA.map((d, a) => (a === axis ? d + shapeB[a] : d));
      const g = dag([
        { kind: 'input', name: 'x', shape: shapeA, precision: { result: 'ap_fixed<12,5>' } },
        { kind: 'input', name: 'y', shape: shapeB, from: [], precision: { result: 'ap_fixed<10,2,AP_RND>' } },
        { kind: 'concatenate', name: 'c', axis, shape: out, from: ['x', 'y'], precision: { result: 'ap_fixed<9,3,AP_RND,AP_SAT>' } },
      ]);
      const na = 12;
      const nb = shapeB.reduce((a, b) => a * b, 1);
      // float mode against an independent coordinate walk
      const x = Float64Array.from({ length: na + nb }, (_, i) => i);
      const want: number[] = [];
      const at = (sh: number[], c: number[]) => c.reduce((acc, v, a) => acc * sh[a] + v, 0);
      for (let i = 0; i < out[0]; i++)
        for (let j = 0; j < out[1]; j++)
          for (let k = 0; k < out[2]; k++) {
            const c = [i, j, k];
            want.push(c[axis] < shapeA[axis] ? at(shapeA, c) : na + at(shapeB, c.map((v, a) => (a === axis ? v - shapeA[axis] : v))));
          }
      expect(Array.from(emulate(g, x, 1, { mode: 'float' }).output)).toEqual(want);
      expectMatchesReference(g, randomArray(rng(axis), (na + nb) * 50, 20), 50);
    });

  it('reshapes without moving data or casting', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [2, 3], precision: { result: 'ap_fixed<12,5>' } },
      { kind: 'reshape', name: 'r', shape: [3, 2], from: ['x'], precision: { result: 'ap_fixed<4,1>' } },
    ]);
    expectMatchesReference(g, randomArray(rng(4), 6 * 20, 10), 20);
  });
});
