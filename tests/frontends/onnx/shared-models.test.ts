import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOnnx } from '../../../src/frontends/onnx/index.ts';
import { kinds, PRECISION } from './helpers.ts';
import { expectMatchesOrt } from './ort-oracle.ts';
import { oracle } from '../../helpers/oracles.ts';

const MODEL = join(import.meta.dirname, '../../../../shared/models/onnx/three_layer_keras.onnx');
const present = oracle(MODEL, existsSync(MODEL), 'check out ../shared beside the repository');

describe.skipIf(!present)('three_layer_keras.onnx from /work/shared (onnxmltools, opset 9)', () => {
  it('loads as input → dense(64) → relu → dense(32) → relu → dense(32) → relu → dense(5) → softmax', () => {
    const g = loadOnnx(MODEL, { defaultPrecision: PRECISION });
    expect(kinds(g)).toEqual(['input', 'dense', 'relu', 'dense', 'relu', 'dense', 'relu', 'dense', 'softmax']);
    expect(g.layers.map((l) => l.shape)).toEqual([[16], [64], [64], [32], [32], [32], [32], [5], [5]]);
    expect(g.layers.filter((l) => l.kind === 'dense').map((l) => l.origin?.op)).toEqual(['MatMul+Add', 'MatMul+Add', 'MatMul+Add', 'MatMul+Add']);
    expect(g.outputs).toEqual([g.layers[8].name]);
    for (let k = 1; k < g.layers.length; k++) expect(g.layers[k].inputs).toEqual([g.layers[k - 1].name]);
  });

  it('computes with onnxruntime what the IR weights compute in double (1e-5 relative)', async () => {
    const g = loadOnnx(MODEL, { defaultPrecision: PRECISION });
    const samples = Array.from({ length: 32 }, (_, s) => Float32Array.from({ length: 16 }, (_, i) => Math.sin(s * 16 + i) * 2));
    await expectMatchesOrt(g, MODEL, samples, 1e-5);
  });
});
