import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { emulate } from '../../src/emulator/index.ts';
import { formatFixedType, fracBits, parseFixedType, valueRangeOf } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { KINDS } from '../../src/ir/kinds.ts';
import { SELU_ALPHA, SELU_SCALE, type Layer, type PrecisionVar } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { inferPrecision } from '../../src/passes/infer-precision.ts';
import { chain, type LayerSpec } from '../emulator/build-graph.ts';

const IN = 'ap_fixed<12,6,AP_RND,AP_SAT>';

/** Every value of the input type, once each: the exhaustive input set (4096 values). */
function everyInput(): Float64Array {
  const t = parseFixedType(IN);
  const { min } = valueRangeOf(t);
  return Float64Array.from({ length: 2 ** t.width }, (_, i) => min + i * 2 ** -fracBits(t));
}

/** The activation after the input, every auto-capable variable of it set to auto (tables keep their rounding). */
function autoGraph(layer: LayerSpec): Graph {
  const g = chain([{ kind: 'input', name: 'x', shape: [1], precision: { result: IN } }, layer]);
  const vars = KINDS[layer.kind].precisionVars.filter((v): v is PrecisionVar => v === 'result' || v === 'table');
  return { ...g, layers: g.layers.map((l, i) => (i === 1 ? ({ ...l, autoPrecision: { vars } } as Layer) : l)) };
}

const LAYERS: LayerSpec[] = [
  { kind: 'prelu', name: 'a', shape: [1], alpha: Float64Array.from([-0.3]), precision: { param: 'ap_fixed<8,2,AP_RND>' } },
  { kind: 'hard_sigmoid', name: 'a', shape: [1], alpha: 0.2, beta: 0.5, precision: { param: 'ap_fixed<10,1,AP_RND>' } },
  { kind: 'hard_tanh', name: 'a', shape: [1] },
  { kind: 'thresholded_relu', name: 'a', shape: [1], theta: -0.7 },
  { kind: 'binary_tanh', name: 'a', shape: [1] },
  { kind: 'ternary_tanh', name: 'a', shape: [1], threshold: 0.5 },
  { kind: 'elu', name: 'a', shape: [1], alpha: 1, tableSize: 1024 },
  { kind: 'selu', name: 'a', shape: [1], alpha: SELU_ALPHA, scale: SELU_SCALE, tableSize: 1024, precision: { param: 'ap_fixed<12,2,AP_RND>' } },
  { kind: 'softplus', name: 'a', shape: [1], tableSize: 1024 },
  { kind: 'softsign', name: 'a', shape: [1], tableSize: 1024 },
  { kind: 'silu', name: 'a', shape: [1], tableSize: 1024 },
];

describe('infer-precision on the more activations', () => {
  const config = loadConfig({ model: 'm.onnx' });
  for (const layer of LAYERS) {
    it(`gives ${layer.kind} auto types that no input of the input type overflows, and no narrower integer part would do`, () => {
      const g = inferPrecision.run(autoGraph(layer), config);
      verifyGraph(g, { configured: true });
      const inputs = everyInput();
      const run = emulate(g, inputs, inputs.length);
      expect(run.overflowsByVar).toEqual({});
      // tight: the values reach the top of the chosen result type's integer part (or its bottom, when signed)
      const t = g.layers[1].precision.result;
      const { min, max } = valueRangeOf(t);
      const out = Array.from(run.output);
      const [lo, hi] = [Math.min(...out), Math.max(...out)];
      expect(hi > max / 2 || (t.signed && lo < min / 2), `${formatFixedType(t)} holds [${lo}, ${hi}]`).toBe(true);
    });
  }
});
