import { describe, expect, it } from 'vitest';
import { mergeAccumType } from '../../src/backends/hls/emitters/exact-type.ts';
import { OVERFLOW_MODES, QUANT_MODES, fracBits, parseFixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { MergeOp } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf, valuesOf } from './csim-harness.ts';

const TIMEOUT = 300_000;
const OPS: MergeOp[] = ['add', 'subtract', 'multiply', 'average', 'maximum', 'minimum'];
const C = 6;

type Spec = LayerSpec & { from?: string[] };

/** A batchnorm branch of x with its own result type (scale ±2, bias ±1 per channel). */
function branch(name: string, seed: number, result: string, scale = 'ap_fixed<16,6>'): Spec {
  const random = rng(seed);
  return { kind: 'batchnorm', name, shape: [2, C], from: ['x'], scale: randomArray(random, C, 2), bias: randomArray(random, C, 1), precision: { scale, bias: 'ap_fixed<12,3>', result } };
}

/** x [2, 6] feeding branches of different signedness, grids (F < 0, I < 0) and modes. */
const BRANCHES: Spec[] = [
  branch('a', 1, 'ap_fixed<10,3,AP_TRN,AP_WRAP>'),
  { kind: 'relu', name: 'r', shape: [2, C], from: ['x'], precision: { result: 'ap_ufixed<9,4,AP_RND,AP_SAT>' } },
  branch('coarse', 2, 'ap_fixed<6,7,AP_RND,AP_SAT>'),
  branch('fraction', 3, 'ap_fixed<8,-1,AP_RND_CONV,AP_SAT>'),
  branch('e', 4, 'ap_fixed<14,6,AP_RND_ZERO,AP_SAT_SYM>'),
];
const INPUT: Spec = { kind: 'input', name: 'x', shape: [2, C], precision: { result: 'ap_fixed<12,4>' } };

function graphOf(branches: Spec[], merges: Spec[]): Graph {
  const g = dag([INPUT, ...branches, ...merges], merges.map((m) => m.name));
  verifyGraph(g, { configured: true });
  return g;
}

/** Seven result types per op: every quantization mode, and every overflow mode among them, signed and unsigned. */
function resultTypes(op: MergeOp): string[] {
  const [w, i] = op === 'multiply' ? [12, 7] : [9, 4];
  return QUANT_MODES.map((q, j) => {
    const o = OVERFLOW_MODES[j % OVERFLOW_MODES.length];
    const unsigned = j === 3 && o !== 'AP_WRAP_SM';
    return `ap_${unsigned ? 'u' : ''}fixed<${w},${i},${q},${o}>`;
  });
}

describe('C simulation of merges agrees with the emulator bit for bit', () => {
  it('computes every merge of two differently typed branches exactly and casts once, in every quantization and overflow mode', { timeout: TIMEOUT }, async () => {
    const pairs = [['a', 'r'], ['r', 'coarse'], ['fraction', 'a'], ['e', 'coarse']];
    const merges: Spec[] = OPS.flatMap((op) =>
      resultTypes(op).map((result, j) => ({ kind: 'merge', name: `${op}_${j}`, op, shape: [2, C], from: pairs[j % pairs.length], precision: { result } }) as Spec),
    );
    const run = await csimAgainstEmulator(graphOf(BRANCHES, merges), { batch: 500, seed: 21, range: 5 });
    expectBitExact(run);
    expect(run.csim.outputsCompared).toBe(500 * OPS.length * 7 * 2 * C);
    // the narrow result types overflow: wrapping and saturation are exercised, not avoided
    expect(overflowsOf(run, 'result')).toBeGreaterThan(1000);
  });

  it('merges four inputs with every op that takes more than two (subtract takes exactly two)', { timeout: TIMEOUT }, async () => {
    const four = ['a', 'r', 'coarse', 'e'];
    const merges: Spec[] = OPS.filter((op) => op !== 'subtract').map((op) => ({ kind: 'merge', name: `${op}4`, op, shape: [2, C], from: four, precision: { result: op === 'multiply' ? 'ap_fixed<20,14,AP_RND,AP_SAT>' : 'ap_fixed<12,6,AP_RND_CONV,AP_SAT>' } }) as Spec);
    const run = await csimAgainstEmulator(graphOf(BRANCHES, merges), { batch: 500, seed: 22, range: 5 });
    expectBitExact(run);
    expect(run.csim.outputsCompared).toBe(500 * 5 * 2 * C);
  });

  it('multiplies inputs whose exact products need more than 53 bits', { timeout: TIMEOUT }, async () => {
    // 24-bit scales make the branches' values use all their ~30 bits
    const wide = [branch('w1', 5, 'ap_fixed<30,5,AP_RND,AP_SAT>', 'ap_fixed<24,3>'), branch('w2', 6, 'ap_fixed<29,4,AP_RND,AP_SAT>', 'ap_fixed<24,3>')];
    const mid = [branch('m1', 7, 'ap_fixed<20,4,AP_RND,AP_SAT>', 'ap_fixed<20,3>'), branch('m2', 8, 'ap_fixed<21,5,AP_RND,AP_SAT>', 'ap_fixed<20,3>')];
    const merges: Spec[] = [
      { kind: 'merge', name: 'p2', op: 'multiply', shape: [2, C], from: ['w1', 'w2'], precision: { result: 'ap_fixed<48,12,AP_RND_CONV,AP_SAT>' } },
      { kind: 'merge', name: 'p4', op: 'multiply', shape: [2, C], from: ['m1', 'm2', 'w1', 'm1'], precision: { result: 'ap_fixed<50,14,AP_RND,AP_SAT>' } },
      { kind: 'merge', name: 's2', op: 'add', shape: [2, C], from: ['w1', 'w2'], precision: { result: 'ap_fixed<31,6,AP_RND_INF,AP_SAT>' } },
    ];
    const graph = graphOf([...wide, ...mid], merges);
    const run = await csimAgainstEmulator(graph, { batch: 500, seed: 23, range: 5 });
    expectBitExact(run, 1000);
    // the exact products really exceed 2^53: doubles could not have held them
    const t1 = parseFixedType('ap_fixed<30,5>');
    const t2 = parseFixedType('ap_fixed<29,4>');
    expect(mergeAccumType('multiply', [t1, t2]).width).toBeGreaterThan(53);
    const [a, b] = [valuesOf(run, 'w1'), valuesOf(run, 'w2')];
    const big = a.filter((v, i) => {
      const p = BigInt(v * 2 ** fracBits(t1)) * BigInt(b[i] * 2 ** fracBits(t2));
      return (p < 0n ? -p : p) > 2n ** 53n;
    });
    expect(big.length).toBeGreaterThan(100);
  });
});
