import { describe, expect, it } from 'vitest';
import { emulate } from '../../src/emulator/index.ts';
import { fixedType, OVERFLOW_MODES, QUANT_MODES } from '../../src/fixed/index.ts';
import type { LayerOf } from '../../src/ir/layers.ts';
import { chain, conv, depthwiseConv, pad, pool, randomArray, randomType, rng, type WindowOptions } from './build-graph.ts';
import { convGraph, expectOracle, variantOf, type Types } from './conv-helpers.ts';

/**
 * Convolutions against the BigInt oracle (direct coordinate loops in reference.ts): every accumulator quantization
 * and overflow mode, 1-D and 2-D, strides, dilations, valid/same/asymmetric pads; every dense path the im2col rows
 * take (SIMD, number, BigInt).
 */
const GEOMETRIES: { name: string; inShape: number[]; window: WindowOptions }[] = [
  { name: '2-D, stride 2×1, dilation 1×2, asymmetric pads', inShape: [6, 7, 3], window: { kernel: [3, 2], strides: [2, 1], dilations: [1, 2], padBegin: [1, 0], padEnd: [2, 1] } },
  { name: '1-D, stride 2, same padding', inShape: [9, 2], window: { kernel: [4], strides: [2], padding: 'same' } },
  { name: '2-D valid 3×3', inShape: [5, 5, 2], window: { kernel: [3, 3] } },
];

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

describe('convolutions against the BigInt oracle', () => {
  for (const kind of ['conv', 'depthwise_conv'] as const)
    for (const quant of QUANT_MODES)
      for (const overflow of OVERFLOW_MODES)
        it(`${kind} with a ${quant}/${overflow} accumulator equals the oracle on 1-D and 2-D windows`, () => {
          const random = rng(QUANT_MODES.indexOf(quant) * 8 + OVERFLOW_MODES.indexOf(overflow) + (kind === 'conv' ? 0 : 100));
          GEOMETRIES.forEach((geo, k) => {
            const t: Types = {
              input: randomType(random, [4, 14]),
              weight: randomType(random, [3, 12]),
              accum: randomType(random, k % 2 === 0 ? [3, 8] : [10, 28], quant, overflow),
              result: randomType(random, [3, 18]),
            };
            const g = convGraph(kind, geo.inShape, geo.window, t, random, kind === 'conv' ? 3 : 1 + (k % 2));
            const batch = 2 + Math.floor(random() * 3);
            expectOracle(g, randomArray(random, batch * size(geo.inShape), 2 ** t.input.integer), batch);
          });
        });

  const paths: [string, Partial<Types>][] = [
    ['simd', {}],
    ['number', { accum: fixedType(20, 8, { overflow: 'AP_WRAP_SM' }) }],
    ['bigint', { input: fixedType(30, 10), weight: fixedType(30, 2), accum: fixedType(64, 24), result: fixedType(24, 12) }],
  ];
  for (const kind of ['conv', 'depthwise_conv'] as const)
    for (const [variant, types] of paths)
      it(`${kind} takes the ${variant} path for such types and equals the oracle there`, () => {
        const random = rng(variant.length);
        const t: Types = { input: fixedType(12, 4), weight: fixedType(8, 2, { quant: 'AP_RND' }), accum: fixedType(14, 6), result: fixedType(10, 5, { quant: 'AP_RND', overflow: 'AP_SAT' }), ...types };
        for (const geo of GEOMETRIES) {
          const g = convGraph(kind, geo.inShape, geo.window, t, random, 2);
          expect(variantOf(g)).toBe(variant);
          expectOracle(g, randomArray(random, 3 * size(geo.inShape), 2 ** (t.input.integer - 1)), 3);
        }
      });

  it('keeps a depthwise layer with more than 8 output channels off the SIMD path (its matrix is mostly zeros), equal to the oracle', () => {
    const random = rng(12);
    const t: Types = { input: fixedType(12, 4), weight: fixedType(8, 2, { quant: 'AP_RND' }), accum: fixedType(14, 6), result: fixedType(10, 5, { quant: 'AP_RND', overflow: 'AP_SAT' }) };
    const g = convGraph('depthwise_conv', [5, 4, 5], { kernel: [3, 2], padding: 'same' }, t, random, 2);
    expect(variantOf(g)).toBe('number');
    expect(variantOf(convGraph('depthwise_conv', [5, 4, 4], { kernel: [3, 2], padding: 'same' }, t, random, 2))).toBe('simd');
    expectOracle(g, randomArray(random, 6 * 100, 8), 6);
  });

  it('emulates a small CNN (conv, relu, pools, depthwise, pad, flatten, dense) equal to the oracle end to end', () => {
    const random = rng(31);
    const q = { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,2,AP_RND>', accum: 'ap_fixed<18,8>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' };
    const g = chain([
      { kind: 'input', name: 'x', shape: [8, 8, 1], precision: { result: 'ap_fixed<10,3>' } },
      conv('c1', [8, 8, 1], 4, { kernel: [3, 3], padding: 'same', random, precision: q }),
      { kind: 'relu', name: 'r1', shape: [8, 8, 4], precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } },
      pool('p1', [8, 8, 4], 'max', { kernel: [2, 2] }),
      pad('z', [4, 4, 4], [1, 1], [1, 1]),
      depthwiseConv('d', [6, 6, 4], 2, { kernel: [3, 3], strides: [2, 2], random, precision: q }),
      pool('p2', [2, 2, 8], 'average', { kernel: [2, 2], precision: { result: 'ap_fixed<14,6,AP_RND_CONV>' } }),
      { kind: 'reshape', name: 'flat', shape: [8] },
      { kind: 'dense', name: 'fc', shape: [3], nIn: 8, nOut: 3, weights: randomArray(random, 24, 1), bias: randomArray(random, 3, 1), precision: q },
    ]);
    expectOracle(g, randomArray(random, 7 * 64, 4), 7);
  });

  it('runs a batch over several chunks and counts constant overflows once per run', () => {
    const random = rng(9);
    const precision = { weight: 'ap_fixed<6,1,AP_RND,AP_SAT>', accum: 'ap_fixed<9,3>', result: 'ap_fixed<8,4,AP_TRN,AP_SAT>' };
    const g = chain([
      { kind: 'input', name: 'x', shape: [5, 4, 2], precision: { result: 'ap_fixed<10,3>' } },
      conv('c', [5, 4, 2], 4, { kernel: [2, 2], padding: 'same', random, weightScale: 2, precision }), // weights up to ±2 saturate
    ]);
    const batch = 260;
    expectOracle(g, randomArray(random, batch * 40, 4), batch);
    expect(emulate(g, randomArray(random, batch * 40, 4), batch).overflowsByVar.c?.weight).toBeGreaterThan(0);
  });
});

/** The float kernels against a direct double loop: acc = b, then taps ascending, channels ascending, padding skipped. */
function floatConvLoop(layer: LayerOf<'conv'> | LayerOf<'depthwise_conv'>, inShape: number[], x: Float64Array, batch: number): number[] {
  const r = inShape.length - 1;
  const C = inShape[r];
  const out: number[] = [];
  const outSpatial = layer.shape.slice(0, r);
  const kernelTaps = size(layer.kernel);
  const coord = (j: number, shape: readonly number[]) => {
    const c: number[] = [];
    for (let a = shape.length - 1; a >= 0; a--) (c[a] = j % shape[a]), (j = Math.floor(j / shape[a]));
    return c;
  };
  const m = layer.kind === 'conv' ? 1 : layer.multiplier;
  for (let s = 0; s < batch; s++)
    for (let p = 0; p < size(outSpatial); p++) {
      const o = coord(p, outSpatial);
      const taps = Array.from({ length: kernelTaps }, (_, t) => {
        const k = coord(t, layer.kernel);
        const i = o.map((v, a) => v * layer.strides[a] + k[a] * layer.dilations[a] - layer.padBegin[a]);
        return i.some((v, a) => v < 0 || v >= inShape[a]) ? -1 : i.reduce((acc, v, a) => acc * inShape[a] + v, 0);
      });
      const nOut = layer.kind === 'conv' ? layer.nOut : C * m;
      for (let f = 0; f < nOut; f++) {
        let acc = layer.bias[f];
        taps.forEach((q, t) => {
          if (q < 0) return;
          if (layer.kind === 'conv') for (let c = 0; c < C; c++) acc += x[s * size(inShape) + q * C + c] * layer.weights[(t * C + c) * nOut + f];
          else acc += x[s * size(inShape) + q * C + Math.floor(f / m)] * layer.weights[t * C * m + f];
        });
        out.push(acc);
      }
    }
  return out;
}

describe('float convolutions', () => {
  for (const kind of ['conv', 'depthwise_conv'] as const)
    for (const geo of GEOMETRIES)
      it(`${kind} in float equals a direct double loop (${geo.name})`, () => {
        const random = rng(4);
        const t = fixedType(16, 6);
        const g = convGraph(kind, geo.inShape, geo.window, { input: t, weight: t, accum: t, result: t }, random, 3);
        const batch = 140; // two chunks
        const x = randomArray(random, batch * size(geo.inShape), 3);
        expect(Array.from(emulate(g, x, batch, { mode: 'float' }).output)).toEqual(floatConvLoop(g.layers[1] as LayerOf<'conv'>, geo.inShape, x, batch));
      });
});

