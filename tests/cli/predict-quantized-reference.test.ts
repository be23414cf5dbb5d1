import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline.ts';
import { emulate } from '../../src/emulator/index.ts';
import { compareToFloat } from '../../src/emulator/compare.ts';
import { mulberry32 } from '../../src/data/random-inputs.ts';
import { loadModel } from '../../src/frontends/load-model.ts';
import { fuseBias } from '../../src/passes/fuse-bias.ts';
import { roundQonnx } from '../../src/ir/quantizer.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { counterparts } from '../e2e/qonnx-trace.ts';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const JETS = sharedPath('models/QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx');
const BNN = sharedPath('models/onnx/bnn_model_fc_1layer.onnx');
const SAMPLES = 300;

interface PredictJson {
  overflows: Record<string, number>;
  quantizerSaturation: Record<string, number>;
  errorVsFloat: { maxAbs: number; meanAbs: number; argmaxAgreement?: number };
  trace: string;
}

interface TraceDoc {
  layers: { name: string; fixed: number[][]; float: number[][] }[];
}

/** N(0, 1.5²) features on the grid of the input type ap_fixed<16,6> (the model does not quantize its input). */
function inputs(width: number, seed: number): Float64Array {
  const rnd = mulberry32(seed);
  return Float64Array.from({ length: SAMPLES * width }, () => {
    const g = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()) * 1.5;
    return Math.max(-31, Math.min(31, Math.round(g * 1024) / 1024)) + 0; // + 0: no −0
  });
}

function predictJson(dir: string, model: string, width: number, seed: number, input = 'global_in') {
  const config = join(dir, `${seed}.yml`);
  writeFileSync(config, `OnnxModel: ${model}\nHLSConfig:\n  Model: { Precision: auto }\n  LayerName:\n    ${JSON.stringify(input)}: { Precision: { result: 'ap_fixed<16,6>' } }\n`);
  const x = inputs(width, seed);
  const rows = Array.from({ length: SAMPLES }, (_, s) => Array.from(x.subarray(s * width, (s + 1) * width)).join(' '));
  writeFileSync(join(dir, `${seed}.dat`), rows.join('\n') + '\n');
  const r = hlsforge(['predict', '-c', config, '-i', `${seed}.dat`, '--trace', '-o', `${seed}.json`, '--json'], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  const json: PredictJson = JSON.parse(r.stdout);
  const trace: TraceDoc = JSON.parse(readFileSync(json.trace, 'utf8'));
  return { json, trace, config, x };
}

/** The QONNX graph as the file states it, evaluated in float with the QONNX quantizer formula: the independent oracle. */
function qonnxFloat(config: string, x: Float64Array): { graph: Graph; trace: Record<string, Float64Array>; output: Float64Array } {
  const { config: c } = compile({ configFile: config });
  const graph = fuseBias.run(loadModel(c.model, c), c);
  const r = emulate(graph, x, SAMPLES, { mode: 'float', trace: true });
  return { graph, trace: r.trace!, output: r.output };
}

const flat = (rows: number[][]) => Float64Array.from(rows.flat(), (v) => v + 0);

describe.skipIf(!hasShared)('predict: the float reference of a quantized model is the model with its quantizers', () => {
  const dir = tempDirForFile('quantized-reference');
  let jets: ReturnType<typeof predictJson> | undefined;
  const jetsRun = () => (jets ??= predictJson(dir, JETS, 16, 11));

  it('reports every value of the QKeras jet tagger (QONNX) before the softmax equal to the quantized float reference', () => {
    const { json, trace, config, x } = jetsRun();
    const oracle = qonnxFloat(config, x);
    const { graph } = compile({ configFile: config });
    const map = counterparts(oracle.graph, graph);
    const layers = trace.layers;
    expect(layers.map((l) => l.name)).toEqual(graph.layers.map((l) => l.name));
    for (const l of layers) {
      // the trace's float column is the QONNX graph's value of the same tensor, quantizers applied
      expect(flat(l.float), l.name).toEqual(oracle.trace[map.get(l.name)!].map((v) => v + 0));
      if (l.name !== 'Softmax_0') expect(flat(l.fixed), l.name).toEqual(flat(l.float));
    }
    // the error figures are against that reference (only the softmax tables differ), not the unquantized graph
    const fixedOut = flat(layers.at(-1)!.fixed);
    expect(json.errorVsFloat).toEqual(compareToFloat(fixedOut, oracle.output, 5));
    const bare = { ...graph, layers: graph.layers.map(({ quantizedAs: _q, ...l }) => l) } as Graph;
    const unquantized = emulate(bare, x, SAMPLES, { mode: 'float' }).output;
    expect(compareToFloat(fixedOut, unquantized, 5).maxAbs).toBeGreaterThan(10 * json.errorVsFloat.maxAbs);
    expect(json.errorVsFloat.argmaxAgreement).toBeGreaterThan(0.99);
  });

  it("counts the quantizers' clipping at 63/64 as intended saturation and no real overflow", () => {
    const { json, config, x } = jetsRun();
    const oracle = qonnxFloat(config, x);
    for (const relu of ['Relu_0', 'Relu_1', 'Relu_2']) {
      // quantized_relu(6): round-half-even(x·64) above 63 is clipped
      const clipped = oracle.trace[relu].filter((v) => roundQonnx('ROUND', v * 64) > 63).length;
      expect(clipped, relu).toBeGreaterThan(10);
      expect(json.quantizerSaturation[relu], relu).toBe(clipped);
    }
    expect(Object.values(json.overflows)).toEqual(Object.values(json.overflows).map(() => 0));
  });

  it('reports a binarized network (BipolarQuant) with no error at all against its quantized reference', () => {
    const { json, trace } = predictJson(dir, BNN, 3, 13, 'x.1');
    expect([json.errorVsFloat.maxAbs, json.errorVsFloat.meanAbs]).toEqual([0, 0]);
    for (const l of trace.layers) expect(flat(l.fixed), l.name).toEqual(flat(l.float));
  });
});
