import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/data/random-inputs.ts';
import { emulate } from '../../src/emulator/index.ts';
import { compile } from '../../src/pipeline.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';

const KERAS = sharedPath('models/keras/qkeras_3layer.json');
const QONNX = sharedPath('models/QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx');
const work = mkdtempSync(join(tmpdir(), 'hlsforge-keras-twin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The same configuration for both files: the model's quantizers state every weight and activation type. */
function config(model: string, name: string): string {
  const file = join(work, `${name}.yml`);
  writeFileSync(file, `${model.endsWith('.onnx') ? 'OnnxModel' : 'KerasJson'}: ${model}
ProjectName: ${name}
HLSConfig:
  Model: { Precision: 'ap_fixed<16,6>', ReuseFactor: 1 }
  LayerType:
    Dense: { Precision: { accum: 'ap_fixed<40,20>', result: 'ap_fixed<40,20>' } }
`);
  return file;
}

/** 1000 samples of 16 features ~ N(0, 1.5²) on the grid of the input type ap_fixed<16,6> */
function inputs(batch: number): Float64Array {
  const rnd = mulberry32(4242);
  return Float64Array.from({ length: batch * 16 }, () => {
    const g = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()) * 1.5;
    return Math.max(-31, Math.min(31, Math.round(g * 1024) / 1024));
  });
}

describe.skipIf(!hasShared)('qkeras_3layer (QKeras) and qkeras_jettagging.onnx (its QONNX twin)', () => {
  it('compile to the same layers with the same quantized weights and declared types', () => {
    const k = compile({ configFile: config(KERAS, 'keras_jets') }).graph;
    const q = compile({ configFile: config(QONNX, 'qonnx_jets') }).graph;
    expect(k.layers.map((l) => l.kind)).toEqual(q.layers.map((l) => l.kind));
    k.layers.forEach((l, i) => {
      const r = q.layers[i];
      expect(l.precision, l.name).toEqual(r.precision);
      if (l.kind === 'dense' && r.kind === 'dense') {
        expect(Array.from(l.weights), l.name).toEqual(Array.from(r.weights));
        expect(Array.from(l.bias), l.name).toEqual(Array.from(r.bias));
      }
    });
  });

  it('give identical fixed-point outputs, layer by layer, bit for bit on 1000 inputs', () => {
    const k = compile({ configFile: config(KERAS, 'keras_jets') }).graph;
    const q = compile({ configFile: config(QONNX, 'qonnx_jets') }).graph;
    const x = inputs(1000);
    const a = emulate(k, x, 1000, { trace: true });
    const b = emulate(q, x, 1000, { trace: true });
    k.layers.forEach((l, i) => {
      const [ta, tb] = [a.trace![l.name], b.trace![q.layers[i].name]];
      const differing = ta.filter((v, j) => v !== tb[j]).length;
      expect([l.name, differing]).toEqual([l.name, 0]);
    });
    expect(Array.from(a.output)).toEqual(Array.from(b.output));
    // the inputs exercise the activation quantizers: values saturate at 63/64
    const relu = k.layers.filter((l) => l.kind === 'relu').flatMap((l) => Array.from(a.trace![l.name]));
    expect(relu.filter((v) => v === 63 / 64).length).toBeGreaterThan(10);
  });
});
