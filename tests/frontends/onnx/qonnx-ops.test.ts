import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { formatFixedType } from '../../../src/fixed/index.ts';
import { parseOnnx } from '../../../src/frontends/onnx/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { int, OnnxModelBuilder } from '../../fixtures/onnx-builder.ts';
import { fused, layerOf, PRECISION, thrown } from './helpers.ts';

const QONNX = 'qonnx.custom_op.general';

/** Encode with string attributes (the fixture builder has none) and the QONNX opset imported. */
function parseQ(m: OnnxModelBuilder, strings: Record<string, Record<string, string>> = {}): Graph {
  const model = m.model();
  for (const n of model.graph!.node!) {
    for (const [name, v] of Object.entries(strings[n.name ?? ''] ?? {})) n.attribute!.push({ name, type: 3, s: new TextEncoder().encode(v) });
  }
  model.opsetImport!.push({ domain: QONNX, version: 1 });
  const { onnx } = onnxProto;
  return parseOnnx(onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish(), 'test.onnx', { defaultPrecision: PRECISION });
}

/** scalar parameters as initializers named `<prefix>_s`, `_z`, `_b` */
const params = (m: OnnxModelBuilder, prefix: string, s: number | number[], z: number | number[], b: number, sDims: number[] = [], zDims: number[] = []) =>
  m
    .initializer(`${prefix}_s`, sDims, typeof s === 'number' ? [s] : s)
    .initializer(`${prefix}_z`, zDims, typeof z === 'number' ? [z] : z)
    .initializer(`${prefix}_b`, [], [b]);

/** np.round: half to even */
const roundEven = (v: number): number => (Math.abs(v - Math.trunc(v)) === 0.5 ? 2 * Math.round(v / 2) : Math.round(v));

describe('QONNX quantizers in the ONNX frontend', () => {
  it('folds Quant on weights and bias into exact values and records the quantizers types on the dense layer', () => {
    const w = [0.0625, -0.1875, 1.3, -2, 0.3125, 0.4375, -0.05, 0.9];
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).initializer('W', [4, 2], w).initializer('B', [2], [0.2, -0.6]);
    params(m, 'wq', 0.125, 0, 4);
    params(m, 'bq', 0.25, 0, 3);
    m.node('Quant', ['W', 'wq_s', 'wq_z', 'wq_b'], ['Wq'], { signed: int(1), narrow: int(0) }, 'quant_w', QONNX);
    m.node('Quant', ['B', 'bq_s', 'bq_z', 'bq_b'], ['Bq'], {}, 'quant_b', QONNX);
    m.node('MatMul', ['x', 'Wq'], ['h'], {}, 'fc').node('Add', ['h', 'Bq'], ['y'], {}, 'add').output('y');
    expect(parseQ(m).layers.map((l) => l.kind)).toEqual(['input', 'dense', 'batchnorm']);
    const g = fused(parseQ(m));
    expect(g.layers.map((l) => l.kind)).toEqual(['input', 'dense']);
    const d = layerOf(g, 'fc', 'dense');
    expect(Array.from(d.weights)).toEqual(w.map((v) => Math.min(7, Math.max(-8, roundEven(v * 8))) / 8 + 0));
    expect(Array.from(d.bias)).toEqual([0.25, -0.5]);
    expect(formatFixedType(d.declared!.weight!)).toBe('ap_fixed<4,1,AP_RND_CONV,AP_SAT>');
    expect(formatFixedType(d.declared!.bias!)).toBe('ap_fixed<3,1,AP_RND_CONV,AP_SAT>');
  });

  it('broadcasts per-channel power-of-two scales over a constant and declares a type holding every value', () => {
    const w = [0.3, 0.3, -5, -5, 3.9, 3.9];
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 3]).initializer('W', [3, 2], w);
    params(m, 'q', [0.5, 0.125], 0, 4, [1, 2]);
    m.node('Quant', ['W', 'q_s', 'q_z', 'q_b'], ['Wq'], {}, 'quant_w', QONNX).node('MatMul', ['x', 'Wq'], ['y'], {}, 'fc').output('y');
    const d = layerOf(parseQ(m, { quant_w: { rounding_mode: 'floor' } }), 'fc', 'dense');
    expect(Array.from(d.weights)).toEqual([0, 0.25, -4, -1, 3.5, 0.875]);
    // grid 2^−3, values from −8·0.5 to 7·0.5
    expect(formatFixedType(d.declared!.weight!)).toBe('ap_fixed<6,3>');
  });

  it('turns Quant and IntQuant on an activation into a quant layer carrying the quantizer', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]);
    params(m, 'q', 2 ** -4, 0, 5);
    m.node('Relu', ['x'], ['r'], {}, 'relu');
    m.node('IntQuant', ['r', 'q_s', 'q_z', 'q_b'], ['y'], { signed: int(0), narrow: int(0) }, 'act_q', 'finn.custom_op.general').output('y');
    const q = layerOf(parseQ(m, { act_q: { rounding_mode: 'HALF_DOWN' } }), 'act_q', 'quant');
    expect([q.inputs, Array.from(q.scale), Array.from(q.zeroPoint), q.bitWidth, q.signed, q.narrow, q.rounding]).toEqual([['relu'], [2 ** -4], [0], 5, false, false, 'HALF_DOWN']);
    expect(q.origin).toEqual({ file: 'test.onnx', op: 'IntQuant', node: 'act_q' });
  });

  it('reads BipolarQuant (Brevitas domain) as ±s weights of type ap_fixed<2, 2+e> and as a 1-bit signed quant layer', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 2]).initializer('W', [3, 2], [0.1, -0.2, 0, -0.0, 5, -5]).initializer('s', [1], [0.5]);
    m.node('BipolarQuant', ['x', 's'], ['xb'], {}, 'in_q', 'onnx.brevitas');
    m.node('BipolarQuant', ['W', 's'], ['Wb'], {}, 'w_q', 'onnx.brevitas');
    m.node('Gemm', ['xb', 'Wb'], ['y'], { transB: int(1) }, 'fc').output('y');
    const g = parseQ(m);
    const q = layerOf(g, 'in_q', 'quant');
    expect([q.bitWidth, q.signed, Array.from(q.scale), Array.from(q.zeroPoint)]).toEqual([1, true, [0.5], [0]]);
    const d = layerOf(g, 'fc', 'dense');
    // B [3][2] transposed: W[i][j] = B[j][i]; −0 ≥ 0 is +s as in QONNX (np.where(x >= 0, 1, −1))
    expect(Array.from(d.weights)).toEqual([0.5, 0.5, 0.5, -0.5, 0.5, -0.5]);
    expect(formatFixedType(d.declared!.weight!)).toBe('ap_fixed<2,1>');
  });

  it('splits Trunc into the rounding to its input grid and the truncating quantizer, and folds it on constants', () => {
    const build = (x: 'x' | 'C') => {
      const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).initializer('C', [4], [5.3, -2.5, 7.75, -9]);
      m.initializer('s', [], [0.25]).initializer('z', [], [0]).initializer('ib', [], [8]).initializer('os', [], [1]).initializer('ob', [], [3]);
      if (x === 'C') m.initializer('W', [4, 4], new Array(16).fill(0)).node('MatMul', ['x', 'W'], ['x0'], {}, 'fc');
      m.node('Trunc', [x, 's', 'z', 'ib', 'os', 'ob'], ['t'], {}, 'trunc', QONNX);
      if (x === 'C') m.node('Add', ['x0', 't'], ['y'], {}, 'add');
      return m;
    };
    const g = parseQ(build('x').output('t'));
    const [pre, out] = [layerOf(g, 'trunc_round', 'quant'), layerOf(g, 'trunc', 'quant')];
    expect([Array.from(pre.scale), pre.bitWidth, pre.rounding, pre.inputs]).toEqual([[0.25], 8, 'ROUND', ['x']]);
    expect([Array.from(out.scale), out.bitWidth, out.rounding, out.inputs]).toEqual([[1], 3, 'FLOOR', ['trunc_round']]);
    // constant: y = floor(clamp(round(x/0.25)/4, −4, 3)) · 1
    const m = build('C').output('y');
    const d = layerOf(fused(parseQ(m)), 'fc', 'dense');
    expect(Array.from(d.bias)).toEqual([5.3, -2.5, 7.75, -9].map((v) => Math.floor(Math.min(3, Math.max(-4, roundEven(v / 0.25) / 4)))));
  });

  it('reports unsupported quantizer attributes and inputs, naming file, node and op', () => {
    const act = (strings: Record<string, string> = {}, attrs = {}, s = 0.5, b = 4, sDims: number[] = []) => {
      const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]);
      params(m, 'q', sDims.length ? new Array(sDims.reduce((a, c) => a * c, 1)).fill(s) : s, 0, b, sDims);
      m.node('Quant', ['x', 'q_s', 'q_z', 'q_b'], ['y'], attrs, 'q', QONNX).output('y');
      return () => parseQ(m, { q: strings });
    };
    const bad = thrown(act({ rounding_mode: 'NEAREST' }));
    expect(bad.code).toBe('unsupported-attribute');
    expect(bad.message).toBe(
      "test.onnx: layer 'q' (Quant): unsupported attribute value: rounding_mode must be one of ROUND, CEIL, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN (or HALF_EVEN, ROUND_TO_ZERO), not 'NEAREST'",
    );
    expect(thrown(act({}, { signed: int(2) })).message).toContain('signed must be 0 or 1, not 2');
    expect(thrown(act({}, {}, 0.5, 2.5)).message).toContain('bitwidth must be one integer from 1 to 53, not [2.5]');
    expect(thrown(act({}, {}, 0)).message).toContain('scale must be positive, not [0]');
    expect(thrown(act({}, {}, 0.5, 4, [4, 1])).message).toContain('scale [4, 1] must broadcast to the input [batch, 4] without growing it');

    const dynamic = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).initializer('z', [], [0]).initializer('b', [], [4]);
    dynamic.node('Relu', ['x'], ['r'], {}, 'relu').node('Quant', ['x', 'r', 'z', 'b'], ['y'], {}, 'q', QONNX).output('y');
    expect(thrown(() => parseQ(dynamic)).code).toBe('missing-initializer');

    const v1 = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).initializer('s', [], [1]).initializer('z', [], [0]).initializer('b', [], [8]);
    v1.node('Trunc', ['x', 's', 'z', 'b', 'b'], ['y'], {}, 't', QONNX).output('y');
    expect(thrown(() => parseQ(v1)).message).toContain("layer 't' (Trunc): unsupported operator: Trunc must have 6 inputs (version 2");

    const other = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).node('MultiThreshold', ['x'], ['y'], {}, 'mt', QONNX).output('y');
    const e = thrown(() => parseQ(other));
    expect(e.code).toBe('unsupported-op');
    expect(e.message).toBe("test.onnx: layer 'mt' (MultiThreshold): unsupported operator: supported in QONNX domain 'qonnx.custom_op.general': Quant, IntQuant, BipolarQuant, Trunc");
  });
});
