import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import { mulberry32 } from '../../src/data/random-inputs.ts';
import { collectWarnings } from '../../src/diagnostics/warnings.ts';
import { emulate } from '../../src/emulator/index.ts';
import { fixedType, formatFixedType, fracBits, parseFixedType, quantizeArray, valueRangeOf, type FixedType } from '../../src/fixed/index.ts';
import { loadModel } from '../../src/frontends/load-model.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, LayerOf, PrecisionVar } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { inferPrecision } from '../../src/passes/infer-precision.ts';
import { PASSES } from '../../src/passes/index.ts';
import { runPasses } from '../../src/passes/pass.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import { configured, errorOf, totalOverflows, yamlConfig } from './pass-helpers.ts';

const JET = join(import.meta.dirname, '../../examples/jet_tagger/jet_tagger.onnx');
const withAuto = (c: ProjectConfig, vars: PrecisionVar[], maximum?: string): ProjectConfig => ({
  ...c,
  defaults: { ...c.defaults, autoPrecision: vars, precisionMaximum: maximum ? parseFixedType(maximum) : undefined },
});

/** Inputs at the extremes of the input type: all-min, all-max, alternating, random extremes, random in-range. */
function extremeInputs(n: number, t: FixedType, seed = 3): { data: Float64Array; batch: number } {
  const { min, max } = valueRangeOf(t);
  const rnd = mulberry32(seed);
  const rows: number[][] = [Array(n).fill(min), Array(n).fill(max), Array.from({ length: n }, (_, i) => (i % 2 ? min : max)), Array.from({ length: n }, (_, i) => (i % 2 ? max : min))];
  for (let k = 0; k < 200; k++) rows.push(Array.from({ length: n }, () => (rnd() < 0.5 ? min : max)));
  for (let k = 0; k < 200; k++) rows.push(Array.from({ length: n }, () => min + rnd() * (max - min)));
  return { data: Float64Array.from(rows.flat()), batch: rows.length };
}

/** For each output j of a first-layer dense: the input that maximizes (sign +1) or minimizes (−1) every prefix sum. */
function craftedInputs(d: LayerOf<'dense'>, t: FixedType): { data: Float64Array; batch: number } {
  const { min, max } = valueRangeOf(t);
  const w = quantizeArray(d.weights, d.precision.weight!);
  const rows: number[][] = [];
  for (let j = 0; j < d.nOut; j++)
    for (const sign of [1, -1]) rows.push(Array.from({ length: d.nIn }, (_, i) => (w[i * d.nOut + j] * sign > 0 ? max : min)));
  return { data: Float64Array.from(rows.flat()), batch: rows.length };
}

const narrower = (t: FixedType): FixedType => fixedType(t.width - 1, t.integer - 1, { signed: t.signed, quant: t.quant, overflow: t.overflow });
const withType = (g: Graph, name: string, v: PrecisionVar, t: FixedType): Graph => ({
  ...g,
  layers: g.layers.map((l) => (l.name === name ? ({ ...l, precision: { ...l.precision, [v]: t } } as Layer) : l)),
});

describe.skipIf(!existsSync(JET))('infer-precision on the jet tagger', () => {
  const base = loadConfig({ model: JET });
  const parsed = loadModel(JET, base);
  const inType = parseFixedType('ap_fixed<16,6>');

  for (const maximum of [undefined, 'ap_fixed<40,16,AP_RND,AP_SAT>']) {
    it(`never overflows on inputs at the extremes of the input type (auto accum and result${maximum ? `, maximum ${maximum}` : ''})`, () => {
      const { result: g } = collectWarnings(() => runPasses(parsed, withAuto(base, ['accum', 'result'], maximum), PASSES));
      verifyGraph(g, { configured: true });
      expect(g.layers.some((l) => l.autoPrecision)).toBe(false);
      const x = extremeInputs(16, inType);
      const r = emulate(g, x.data, x.batch);
      expect(r.overflowsByVar).toEqual({});
      expect(totalOverflows(r.overflows)).toBe(0);
      const fc1 = g.layers.find((l) => l.name === 'fc1') as LayerOf<'dense'>;
      const c = craftedInputs(fc1, inType);
      expect(totalOverflows(emulate(g, c.data, c.batch).overflows)).toBe(0);
      // relu results are unsigned; dense results keep the full grid of the products (F_in + F_w at most)
      for (const l of g.layers) if (l.kind === 'relu') expect(l.precision.result.signed).toBe(false);
      expect(fracBits(fc1.precision.accum!)).toBeLessThanOrEqual(fracBits(inType) + fracBits(fc1.precision.weight!));
    });
  }

  it('chooses minimal widths: one integer bit fewer overflows on a crafted extreme input (fc1 accum and result)', () => {
    const g = runPasses(parsed, withAuto(base, ['accum', 'result']), PASSES);
    const fc1 = g.layers.find((l) => l.name === 'fc1') as LayerOf<'dense'>;
    const c = craftedInputs(fc1, inType);
    for (const v of ['accum', 'result'] as const) {
      const t = fc1.precision[v]!;
      expect(emulate(g, c.data, c.batch).overflows.fc1).toBe(0);
      const tight = withType(g, 'fc1', v, narrower(t));
      expect(emulate(tight, c.data, c.batch).overflowsByVar.fc1?.[v], `${v} ${formatFixedType(narrower(t))}`).toBeGreaterThan(0);
    }
    // and the fractional bits are needed too: one fewer accum bit changes some output of fc1
    const coarse = withType(g, 'fc1', 'accum', fixedType(fc1.precision.accum!.width - 1, fc1.precision.accum!.integer));
    const x = extremeInputs(16, inType);
    const trace = (h: Graph) => Array.from(emulate(h, x.data, x.batch, { trace: true }).trace!.fc1);
    expect(trace(coarse)).not.toEqual(trace(g));
  });

  it('warns when a maximum caps a width, and never caps below what it names', () => {
    const { result: g, warnings } = collectWarnings(() => runPasses(parsed, withAuto(base, ['accum', 'result'], 'ap_fixed<24,8>'), PASSES));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0].code).toBe('precision-capped');
    expect(warnings[0].message).toMatch(/^layer 'fc1' \(Gemm\): key 'HLSConfig\.Model\.Precision\.maximum': precision capped: accum needs ap_fixed<\d+,9> to be exact, capped to ap_fixed<24,8> \(maximum ap_fixed<24,8>\): values may overflow$/);
    for (const l of g.layers) if (l.kind === 'dense') expect(l.precision.accum!.width).toBeLessThanOrEqual(24);
  });
});

describe('infer-precision', () => {
  it('infers only the variables set to auto, on the levels that set them', () => {
    const config = yamlConfig("HLSConfig:\n  LayerName:\n    dense_1: { Precision: { accum: auto } }\n    relu_1: { Precision: auto }\n");
    const g = configured(mlpGraph([4, 6, 3]), config);
    expect(g.layers.find((l) => l.name === 'dense_1')!.autoPrecision?.vars).toEqual(['accum']);
    const out = inferPrecision.run(g, config);
    verifyGraph(out, { configured: true });
    const [d1, r1, d2] = ['dense_1', 'relu_1', 'dense_2'].map((n) => out.layers.find((l) => l.name === n)!);
    expect(formatFixedType(d1.precision.result)).toBe('ap_fixed<16,6>');
    expect(d1.precision.accum).not.toEqual(g.layers[1].precision.accum);
    // relu of an ap_fixed<16,6> result: unsigned, same grid, one bit less
    expect(formatFixedType(r1.precision.result)).toBe('ap_ufixed<15,5>');
    expect(d2.precision).toEqual(g.layers.find((l) => l.name === 'dense_2')!.precision);
  });

  it('gives an auto table the fewest integer bits, with the same values (sigmoid output bit-identical)', () => {
    const config = yamlConfig('HLSConfig: { LayerType: { Sigmoid: { Precision: { table: auto } } } }\n');
    const g = configured(mlpGraph([4, 6, 3], { last: 'sigmoid' }), config);
    const out = inferPrecision.run(g, config);
    const sig = out.layers.find((l) => l.kind === 'sigmoid')!;
    expect(formatFixedType(sig.precision.table!)).toBe('ap_ufixed<11,1,AP_RND,AP_SAT>');
    const x = extremeInputs(4, parseFixedType('ap_fixed<16,6>'));
    expect(Array.from(emulate(out, x.data, x.batch).output)).toEqual(Array.from(emulate(g, x.data, x.batch).output));
  });

  it('never overflows through leaky ReLU, clip, tanh and softmax with every result, accum and table auto', () => {
    for (const last of ['tanh', 'softmax'] as const) {
      const g0 = mlpGraph([6, 8, 7, 4], { last, seed: 5 });
      const layers = g0.layers.map((l): Layer =>
        l.name === 'relu_1' ? ({ ...l, kind: 'leaky_relu', alpha: 0.15 } as Layer) : l.name === 'relu_2' ? ({ ...l, kind: 'clip', min: -1.3, max: 2.7 } as Layer) : l,
      );
      const config = yamlConfig("HLSConfig: { Model: { Precision: { accum: auto, result: auto, table: auto, exp_table: auto, inv_table: auto, default: 'ap_fixed<12,5,AP_RND,AP_SAT>' } } }\n");
      const out = inferPrecision.run(configured({ ...g0, layers }, config), config);
      verifyGraph(out, { configured: true });
      const x = extremeInputs(6, parseFixedType('ap_fixed<12,5,AP_RND,AP_SAT>'));
      expect(emulate(out, x.data, x.batch).overflowsByVar).toEqual({});
    }
  });

  it('rejects a maximum narrower than the input type, naming the key', () => {
    const config = yamlConfig("HLSConfig: { Model: { Precision: { accum: auto, maximum: 'ap_fixed<8,3>' } } }\n");
    const e = errorOf(() => inferPrecision.run(configured(mlpGraph([4, 6, 3]), config), config));
    expect(e.code).toBe('bad-precision');
    expect(e.message).toBe(
      `${config.file}: key 'HLSConfig.Model.Precision.maximum': not a valid fixed-point type: maximum must be at least as wide as the input type ap_fixed<16,6>, not ap_fixed<8,3>`,
    );
  });
});
