import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import { HlsforgeError } from '../../src/diagnostics/diagnostic.ts';
import { collectWarnings } from '../../src/diagnostics/warnings.ts';
import { emulate } from '../../src/emulator/index.ts';
import { formatFixedType, parseFixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, QuantLayer } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import type { QuantRounding } from '../../src/ir/quantizer.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { importQonnx } from '../../src/passes/import-qonnx.ts';

const T = parseFixedType;
const base = { precision: { result: T('ap_fixed<16,6>') }, reuseFactor: 1, strategy: 'latency' as const };
const input: Layer = { ...base, kind: 'input', name: 'x', inputs: [], shape: [1] };

type QuantOpts = Partial<Omit<QuantLayer, 'scale' | 'zeroPoint'>> & { s?: number; z?: number };
const quant = (name: string, from: string, o: QuantOpts = {}): QuantLayer => ({
  ...base, kind: 'quant', name, inputs: [from], shape: [1], scale: Float64Array.of(o.s ?? 1), zeroPoint: Float64Array.of(o.z ?? 0),
  bitWidth: o.bitWidth ?? 4, signed: o.signed ?? true, narrow: o.narrow ?? false, rounding: o.rounding ?? 'ROUND',
  origin: { file: 'm.onnx', op: 'Quant', node: name },
});
const graph = (layers: Layer[], outputs = [layers[layers.length - 1].name]): Graph => ({ name: 'g', file: 'm.onnx', layers, outputs });

/** fine input type: 14 fractional bits, |x| < 512 */
const config = (extra: Partial<ProjectConfig> = {}): ProjectConfig => ({ ...loadConfig({ model: 'm.onnx', overrides: { precision: 'ap_fixed<24,10>' } }), ...extra });
const lower = (g: Graph, c = config()): Graph => {
  const out = importQonnx.run(applyConfig.run(g, c), c);
  verifyGraph(out, { configured: true });
  return out;
};
/** the grid k/64 over ±range: every value exact in the input type */
const grid = (range: number): Float64Array => Float64Array.from({ length: 2 * range * 64 + 1 }, (_, k) => (k - range * 64) / 64);

/** outputs of the lowered graph (fixed point) that differ from the QONNX float semantics of the original graph */
function mismatches(g: Graph, x: Float64Array, c = config()): number {
  const fixed = emulate(lower(g, c), x, x.length).output;
  const float = emulate(g, x, x.length, { mode: 'float' }).output;
  return fixed.reduce((n, v, i) => n + (v === float[i] ? 0 : 1), 0);
}

const CAST_MODES: QuantRounding[] = ['ROUND', 'FLOOR', 'DOWN', 'HALF_UP', 'HALF_DOWN'];

describe('import-qonnx', () => {
  it('lowers power-of-two quantizers to casts equal to the Quant on a fine grid, for every mode, signedness and narrow range', () => {
    let cases = 0;
    for (const rounding of CAST_MODES)
      for (const [signed, narrow] of [[true, false], [true, true], [false, false]])
        for (const bitWidth of [2, 3, 6])
          for (const e of [-3, 0, 1]) {
            const g = graph([input, quant('q', 'x', { s: 2 ** e, bitWidth, signed, narrow, rounding })]);
            const x = grid(1.5 * 2 ** (bitWidth + e));
            expect(mismatches(g, x), `${rounding} signed=${signed} narrow=${narrow} b=${bitWidth} e=${e}`).toBe(0);
            cases++;
          }
    expect(cases).toBe(135);
  });

  it('sets the producer result type when the quantizer is its only consumer', () => {
    const g = lower(graph([input, { ...base, kind: 'relu', name: 'r', inputs: ['x'], shape: [1] }, quant('q', 'r', { s: 2 ** -6, bitWidth: 6, signed: false })]));
    expect(g.layers.map((l) => l.kind)).toEqual(['input', 'relu']);
    expect(formatFixedType(g.layers[1].precision.result)).toBe('ap_ufixed<6,0,AP_RND_CONV,AP_SAT>');
    expect(g.outputs).toEqual(['r']);
  });

  it('casts with a linear layer when the producer has other consumers, an explicit type or an earlier quantizer', () => {
    const relu: Layer = { ...base, kind: 'relu', name: 'r', inputs: ['x'], shape: [1] };
    const shared = graph([input, relu, quant('q', 'r', { s: 0.5 })], ['r', 'q']);
    expect(lower(shared).layers.map((l) => `${l.kind}:${l.name}`)).toEqual(['input:x', 'relu:r', 'linear:q']);
    expect(mismatches(shared, grid(20))).toBe(0);

    const stated = config({ layerName: { r: { precision: { result: T('ap_fixed<12,6>') } } } });
    const g = lower(graph([input, relu, quant('q', 'r')]), stated);
    expect(g.layers.map((l) => l.kind)).toEqual(['input', 'relu', 'linear']);
    expect(formatFixedType(g.layers[1].precision.result)).toBe('ap_fixed<12,6>');

    // q2(q1(x)) is not q2(x): the second quantizer needs its own cast
    const chain = graph([input, quant('q1', 'x', { s: 0.25, bitWidth: 6 }), quant('q2', 'q1', { s: 1, bitWidth: 3, rounding: 'HALF_DOWN' })]);
    expect(lower(chain).layers.map((l) => l.kind)).toEqual(['input', 'linear']);
    expect(mismatches(chain, grid(12))).toBe(0);
  });

  it('lowers a bipolar quantizer to an exact sign and a ±s batchnorm', () => {
    for (const e of [-2, 0, 3]) {
      const g = graph([input, quant('q', 'x', { s: 2 ** e, bitWidth: 1, signed: true })]);
      const lowered = lower(g);
      expect(lowered.layers.map((l) => l.kind)).toEqual(['input', 'batchnorm']);
      expect(formatFixedType(lowered.layers[0].precision.result)).toBe('ap_fixed<1,1,AP_TRN,AP_SAT>');
      expect(formatFixedType(lowered.layers[1].precision.result)).toBe(`ap_fixed<2,${2 + e}>`);
      expect(mismatches(g, grid(4))).toBe(0);
    }
  });

  it('keeps a dense producer exact and casts its sign in a linear layer, so no batchnorm reads the dense', () => {
    const dense: Layer = { ...base, kind: 'dense', name: 'd', inputs: ['x'], shape: [1], nIn: 1, nOut: 1, weights: Float64Array.of(0.75), bias: Float64Array.of(-0.5) };
    const g = graph([input, dense, quant('q', 'd', { s: 0.25, bitWidth: 1 })]);
    const c = config({ layerType: { dense: { precision: { accum: T('ap_fixed<32,12>') } } } });
    const lowered = lower(g, c);
    expect(lowered.layers.map((l) => `${l.kind}:${l.name}`)).toEqual(['input:x', 'dense:d', 'linear:q_sign', 'batchnorm:q']);
    expect(formatFixedType(lowered.layers[1].precision.result)).toBe('ap_fixed<32,12>');
    expect(mismatches(g, grid(8), c)).toBe(0);
  });

  it('emulates power-of-two quantizers exactly before lowering too (fixed mode of the quant kernel)', () => {
    for (const q of [quant('q', 'x', { s: 0.25, bitWidth: 5, narrow: true, rounding: 'HALF_UP' }), quant('q', 'x', { s: 2, bitWidth: 1 })]) {
      const g = graph([input, q]);
      const x = grid(20);
      const fixed = emulate(applyConfig.run(g, config()), x, x.length).output;
      const float = emulate(g, x, x.length, { mode: 'float' }).output;
      expect(fixed.every((v, i) => v === float[i])).toBe(true);
    }
  });

  it('lowers other scales and zero points to two batchnorms within one quantization step (not lossless)', () => {
    const s = 0.3;
    const g = graph([input, quant('q', 'x', { s, z: 2, bitWidth: 4, signed: true })]);
    const c = config({ defaults: { ...config().defaults, precision: T('ap_fixed<32,12>') } });
    const lowered = lower(g, c);
    expect(lowered.layers.map((l) => `${l.kind}:${l.name}`)).toEqual(['input:x', 'batchnorm:q_int', 'batchnorm:q']);
    const [int, out] = lowered.layers.slice(1) as Extract<Layer, { kind: 'batchnorm' }>[];
    expect([int.scale[0], int.bias[0], out.scale[0], out.bias[0]]).toEqual([1 / s, 2, s, -2 * s]);
    expect(formatFixedType(int.precision.result)).toBe('ap_fixed<4,4,AP_RND_CONV,AP_SAT>');
    const x = grid(4);
    const fixed = emulate(lowered, x, x.length).output;
    const float = emulate(g, x, x.length, { mode: 'float' }).output;
    const err = Math.max(...fixed.map((v, i) => Math.abs(v - float[i])));
    expect(err).toBeLessThanOrEqual(s + 2 ** -18);
  });

  it('keeps declared types over every configured type, reporting a LayerName type that differs', () => {
    const dense: Layer = {
      ...base, kind: 'dense', name: 'd', inputs: ['x'], shape: [1], nIn: 1, nOut: 1, weights: Float64Array.of(0.5), bias: Float64Array.of(0.25),
      declared: { weight: T('ap_fixed<6,1,AP_RND_CONV,AP_SAT>'), bias: T('ap_fixed<4,1>') },
    };
    const c = config({ layerType: { dense: { precision: { weight: T('ap_fixed<9,3>') } } }, layerName: { d: { precision: { bias: T('ap_fixed<10,2>') } } } });
    const { result, warnings } = collectWarnings(() => lower(graph([input, dense]), c));
    const d = result.layers[1];
    expect(formatFixedType(d.precision.weight!)).toBe('ap_fixed<6,1,AP_RND_CONV,AP_SAT>');
    expect(formatFixedType(d.precision.bias!)).toBe('ap_fixed<4,1>');
    expect(warnings.map((w) => w.message)).toEqual([
      "layer 'd' (dense): key 'HLSConfig.LayerName.d.Precision.bias': the model's quantizer type is kept over the configured one: bias stays ap_fixed<4,1> (the quantizer's), not ap_fixed<10,2>",
    ]);
  });

  it('reports quantizers that have no ap_fixed equivalent, naming file, layer and op', () => {
    const err = (q: QuantLayer): HlsforgeError => {
      try {
        lower(graph([input, q]));
      } catch (e) {
        if (e instanceof HlsforgeError) return e;
        throw e;
      }
      throw new Error('expected an HlsforgeError');
    };
    const ceil = err(quant('q', 'x', { rounding: 'CEIL' }));
    expect(ceil.code).toBe('unsupported-attribute');
    expect(ceil.message).toBe(
      "m.onnx: layer 'q' (Quant): unsupported attribute value: rounding_mode must be one of ROUND, FLOOR, DOWN, HALF_UP, HALF_DOWN, not CEIL (ap_fixed has no such quantization mode)",
    );
    expect(err(quant('q', 'x', { rounding: 'UP', s: 0.3 })).message).toContain('not UP');
    expect(err(quant('q', 'x', { signed: false, narrow: true })).message).toContain('narrow must be 0 for an unsigned quantizer');
    expect(err(quant('q', 'x', { bitWidth: 1, z: 1 })).message).toContain('the zero point of a bipolar quantizer must be 0');
  });

  it('leaves no quant layer behind, and the verifier rejects one in a configured graph', () => {
    const g = applyConfig.run(graph([input, quant('q', 'x')]), config());
    expect(() => verifyGraph(g, { configured: true })).toThrow(/QONNX quantizers must be lowered by the import-qonnx pass/);
    expect(importQonnx.run(g, config()).layers.some((l) => l.kind === 'quant')).toBe(false);
  });
});
