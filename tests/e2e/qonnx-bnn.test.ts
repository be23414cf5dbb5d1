import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCsim } from '../../src/csim/index.ts';
import { mulberry32 } from '../../src/data/random-inputs.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { convert } from '../../src/pipeline.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { compareLayers } from './qonnx-trace.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const MODEL = sharedPath('models/onnx/bnn_model_fc_1layer.onnx');
const work = tempDirForFile('qonnx-bnn');
const CONFIG = join(work, 'config.yml');
// everything else is stated by the model; the accumulator of 3 products ±1 plus a 4-bit bias needs 5 integer bits
writeFileSync(
  CONFIG,
  `OnnxModel: ${MODEL}
ProjectName: bnn
HLSConfig:
  Model: { Precision: 'ap_fixed<16,6>' }
  LayerType:
    Dense: { Precision: { accum: 'ap_fixed<8,8>' } }
`,
);

const IN = '/linear/input_quant/export_handler/BipolarQuant';
const OUT = '/linear/output_quant/export_handler/BipolarQuant';

describe.skipIf(!hasShared)('binary QONNX layer (Brevitas BipolarQuant on input, weights and output; Quant on the bias)', () => {
  it('emulates every layer exactly like the float evaluation of the QONNX graph on 1000 inputs', () => {
    const rnd = mulberry32(9);
    const x = Float64Array.from({ length: 3000 }, () => Math.round((rnd() - 0.5) * 8 * 256) / 256); // includes exact zeros
    const { rows, graph, fixed, float } = compareLayers(CONFIG, x, 1000);
    expect(rows.map((r) => [r.layer, r.mismatches])).toEqual([[IN, 0], ['/linear/Gemm', 0], [OUT, 0]]);
    expect(new Set(fixed[OUT]).size).toBe(2);
    // the sign casts hold the exact u = (v ≥ 0 ? 0 : −1) of the QONNX values v: fused into the input layer, and a
    // linear layer after the dense (which keeps its exact accumulator value)
    for (const [layer, v] of [['x.1', float['x.1']], [`${OUT}_sign`, float['/linear/Gemm']]] as const) {
      expect(Array.from(fixed[layer])).toEqual(Array.from(v, (e) => (e >= 0 ? 0 : -1)));
    }
    const dense = graph.layers.find((l) => l.kind === 'dense')!;
    expect([formatFixedType(dense.precision.weight!), formatFixedType(dense.precision.bias!)]).toEqual(['ap_fixed<2,2>', 'ap_fixed<4,4,AP_RND_CONV,AP_SAT>']);
  });

  it('converts and passes bit-exact C simulation', async () => {
    const outputDir = join(work, 'hls');
    await convert({ configFile: CONFIG, overrides: { outputDir }, samples: 500, seed: 3 });
    const cs = await runCsim(outputDir, {});
    expect([cs.outputsCompared, cs.mismatches]).toEqual([2000, 0]);
  }, 120_000);
});
