import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { OVERFLOW_MODES, QUANT_MODES } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { PoolOp } from '../../src/ir/layers.ts';
import { chain, crop, pad, pool, randomArray, rng, upsample, type LayerSpec, type WindowOptions } from './build-graph.ts';
import { expectOracle, variantOf } from './conv-helpers.ts';

/** Pooling and the data-movement layers against the BigInt oracle, and their float kernels against direct loops. */
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

const WINDOWS: { name: string; inShape: number[]; window: WindowOptions }[] = [
  { name: '2×2 stride 2 (Keras default)', inShape: [6, 5, 3], window: { kernel: [2, 2] } },
  { name: '3×3 stride 2, same padding', inShape: [7, 6, 2], window: { kernel: [3, 3], strides: [2, 2], padding: 'same' } },
  { name: '1-D 3 stride 1, asymmetric pads', inShape: [8, 4], window: { kernel: [3], strides: [1], padBegin: [2], padEnd: [1] } },
  { name: 'global 1-D (n = 7)', inShape: [7, 3], window: { kernel: [7] } },
];

function poolGraph(op: PoolOp, inShape: number[], window: WindowOptions, input: string, result: string, countPad = false): Graph {
  return chain([
    { kind: 'input', name: 'x', shape: inShape, precision: { result: input } },
    pool('p', inShape, op, { ...window, countPad, precision: { result } }),
  ]);
}

describe('pooling against the BigInt oracle', () => {
  for (const op of ['max', 'average'] as const)
    for (const quant of QUANT_MODES)
      for (const overflow of OVERFLOW_MODES)
        it(`${op} pooling cast to a ${quant}/${overflow} result equals the oracle`, () => {
          const random = rng(QUANT_MODES.indexOf(quant) * 8 + OVERFLOW_MODES.indexOf(overflow));
          const result = `ap_fixed<${6 + (QUANT_MODES.indexOf(quant) % 3)},2,${quant},${overflow}>`;
          for (const w of WINDOWS)
            for (const countPad of [false, true]) {
              const g = poolGraph(op, w.inShape, w.window, 'ap_fixed<12,4>', result, countPad);
              expectOracle(g, randomArray(random, 4 * size(w.inShape), 10), 4);
            }
        });

  it('averages with the exact reciprocal of non-power-of-two counts, padding counted only with countPad', () => {
    const g = poolGraph('average', [3, 1], { kernel: [3], strides: [1], padBegin: [1], padEnd: [1] }, 'ap_fixed<16,8>', 'ap_fixed<32,8,AP_TRN>');
    const withPad = poolGraph('average', [3, 1], { kernel: [3], strides: [1], padBegin: [1], padEnd: [1] }, 'ap_fixed<16,8>', 'ap_fixed<32,8,AP_TRN>', true);
    const x = Float64Array.of(3, 6, 9);
    // r_2 = 1/2 exactly; r_3 = ⌊2^20/3 + ½⌋ · 2^−20 = 349525 · 2^−20; the product is then truncated to 24 fraction bits
    const r3 = 349525 * 2 ** -20;
    const trunc = (v: number) => Math.floor(v * 2 ** 24) / 2 ** 24;
    expect(Array.from(emulate(g, x, 1).output)).toEqual([4.5, trunc(18 * r3), 7.5]);
    expect(Array.from(emulate(withPad, x, 1).output)).toEqual([trunc(9 * r3), trunc(18 * r3), trunc(15 * r3)]);
  });

  it('averages wide inputs through BigInt when s · r_n may pass 2^53', () => {
    const g = poolGraph('average', [6, 2], { kernel: [3], strides: [1], padding: 'same' }, 'ap_fixed<40,20>', 'ap_fixed<48,22,AP_RND_CONV,AP_SAT>');
    expect(variantOf(g)).toBe('average-bigint');
    expectOracle(g, randomArray(rng(3), 5 * 12, 2 ** 19), 5);
    expect(variantOf(poolGraph('average', [6, 2], { kernel: [3], strides: [1] }, 'ap_fixed<16,6>', 'ap_fixed<16,6>'))).toBe('average-number');
  });

  for (const w of WINDOWS)
    for (const op of ['max', 'average'] as const)
      it(`${op} pooling in float equals a direct double loop (${w.name})`, () => {
        const g = poolGraph(op, w.inShape, w.window, 'ap_fixed<16,6>', 'ap_fixed<16,6>', op === 'average');
        const p = g.layers[1] as Extract<LayerSpec, { kind: 'pool' }>;
        const x = randomArray(rng(8), 3 * size(w.inShape), 5);
        const r = w.inShape.length - 1;
        const C = w.inShape[r];
        const outSpatial = p.shape.slice(0, r);
        const want: number[] = [];
        for (let s = 0; s < 3; s++)
          for (let o0 = 0; o0 < outSpatial[0]; o0++)
            for (let o1 = 0; o1 < (r === 2 ? outSpatial[1] : 1); o1++)
              for (let c = 0; c < C; c++) {
                const vals: number[] = [];
                for (let k0 = 0; k0 < p.kernel[0]; k0++)
                  for (let k1 = 0; k1 < (r === 2 ? p.kernel[1] : 1); k1++) {
                    const i0 = o0 * p.strides[0] + k0 - p.padBegin[0];
                    const i1 = r === 2 ? o1 * p.strides[1] + k1 - p.padBegin[1] : 0;
                    if (i0 < 0 || i0 >= w.inShape[0] || (r === 2 && (i1 < 0 || i1 >= w.inShape[1]))) continue;
                    vals.push(x[s * size(w.inShape) + (r === 2 ? (i0 * w.inShape[1] + i1) * C : i0 * C) + c]);
                  }
                const n = size(p.kernel); // countPad
                want.push(op === 'max' ? Math.max(...vals) : vals.reduce((a, b) => a + b, 0) / n);
              }
        expect(Array.from(emulate(g, x, 3, { mode: 'float' }).output)).toEqual(want);
      });
});

describe('padding, cropping and upsampling', () => {
  const inShape = [3, 4, 2];
  const cases: [string, LayerSpec, (i: number[]) => number[] | undefined][] = [
    ['pads 2-D asymmetrically with zeros', pad('m', inShape, [1, 0], [2, 3]), ([a, b]) => (a >= 1 && a < 4 && b < 4 ? [a - 1, b] : undefined)],
    ['crops 2-D asymmetrically', crop('m', inShape, [1, 0], [0, 2]), ([a, b]) => [a + 1, b]],
    ['upsamples 2-D by 2×3 (nearest)', upsample('m', inShape, [2, 3]), ([a, b]) => [Math.floor(a / 2), Math.floor(b / 3)]],
  ];
  for (const [what, spec, source] of cases)
    it(`${what}, moving values without a cast in fixed and float`, () => {
      const g = chain([{ kind: 'input', name: 'x', shape: inShape, precision: { result: 'ap_fixed<10,4,AP_RND>' } }, { ...spec, precision: { result: 'ap_fixed<3,1>' } }]);
      const x = Float64Array.from({ length: 2 * 24 }, (_, i) => i + 1);
      const want: number[] = [];
      for (let s = 0; s < 2; s++)
        for (let a = 0; a < spec.shape[0]; a++)
          for (let b = 0; b < spec.shape[1]; b++)
            for (let c = 0; c < 2; c++) {
              const i = source([a, b]);
              want.push(i ? x[s * 24 + (i[0] * 4 + i[1]) * 2 + c] : 0);
            }
      expect(Array.from(emulate(g, x, 2, { mode: 'float' }).output)).toEqual(want);
      expectOracle(g, randomArray(rng(2), 2 * 24, 30), 2);
    });

  it('pads and upsamples 1-D tensors as the oracle does', () => {
    const g = chain([
      { kind: 'input', name: 'x', shape: [5, 3], precision: { result: 'ap_fixed<10,4,AP_RND>' } },
      pad('p', [5, 3], [2], [1]),
      upsample('u', [8, 3], [3]),
      crop('c', [24, 3], [4], [5]),
    ]);
    expectOracle(g, randomArray(rng(6), 7 * 15, 9), 7);
  });
});
