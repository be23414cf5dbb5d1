import h5wasm, { type Dataset } from 'h5wasm/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import type { CellActivation, RecurrentLayer } from '../../../src/ir/layers.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { PASSES } from '../../../src/passes/index.ts';
import { runPasses } from '../../../src/passes/pass.ts';
import { referenceEmulate } from '../../emulator/reference.ts';
import { floatRecurrent } from '../../helpers/float-recurrent.ts';
import { hasShared, sharedPath } from '../../helpers/shared.ts';

const DIR = 'models/hls4ml/example-models/keras/';
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };

/** A Keras 2 weights file read straight with h5wasm (not through the frontend): `/model_weights/<layer>/<layer>/<var>:0`. */
function reader(file: string): (layer: string, v: string) => Float64Array {
  const f = new h5wasm.File(file, 'r');
  return (layer, v) => Float64Array.from((f.get(`model_weights/${layer}/${layer}/${v}:0`) as Dataset).value as Float32Array);
}

/** y = x·W + b for one sample, W [nIn][nOut] */
const dense = (x: ArrayLike<number>, w: Float64Array, b: Float64Array): number[] =>
  Array.from(b, (bj, j) => Array.from(x).reduce((s, xi, i) => s + xi * w[i * b.length + j], 0) + bj);
const softmax = (v: number[]) => {
  const e = v.map((x) => Math.exp(x - Math.max(...v)));
  return e.map((x) => x / e.reduce((a, b) => a + b, 0));
};

/** The cell as Keras defines it, from the raw weights (the reference reads the IR layout, which is Keras's own). */
function cell(kind: 'lstm' | 'gru', w: (v: string) => Float64Array, units: number, returnSequences: boolean, activation: CellActivation): RecurrentLayer {
  const g = (kind === 'lstm' ? 4 : 3) * units;
  return {
    kind, name: 'ref', inputs: [], shape: [], precision: { result: P.defaultPrecision }, reuseFactor: 1, strategy: 'latency',
    units, nIn: 6, steps: 20, returnSequences, goBackwards: false, reverseOutputs: false, activation, recurrentActivation: { fn: 'sigmoid' },
    kernel: w('kernel'), recurrentKernel: w('recurrent_kernel'), bias: w('bias'), recurrentBias: new Float64Array(g), tableSize: 1024, resetAfter: false,
  } as RecurrentLayer;
}

const N = 100;
const inputs = Float64Array.from({ length: N * 120 }, (_, i) => ((Math.sin(i * 12.9898) * 43758.5453) % 1) * 3);

describe.skipIf(!hasShared)('the hls4ml example recurrent models (Keras 2.1 JSON + weights .h5)', () => {
  beforeAll(async () => {
    await h5wasm.ready;
  });

  it('KERAS_lstm_model (LSTM 16 relu/sigmoid, sequences → Flatten → Dense 5 softmax) parses and its float emulation equals the reference within 1e-5', () => {
    const g = loadKeras(sharedPath(`${DIR}KERAS_lstm_model.json`), P);
    verifyGraph(g);
    expect(g.layers.map((l) => l.kind)).toEqual(['input', 'lstm', 'reshape', 'dense', 'softmax']);
    const read = reader(sharedPath(`${DIR}KERAS_lstm_model_weights.h5`));
    const lstm = floatRecurrent(cell('lstm', (v) => read('lstm_lstm', v), 16, true, { fn: 'relu' }), inputs, N);
    const [w, b] = [read('rnn_densef', 'kernel'), read('rnn_densef', 'bias')];
    const want = Array.from({ length: N }, (_, r) => softmax(dense(lstm.subarray(r * 320, (r + 1) * 320), w, b))).flat();
    const got = emulate(g, inputs, N, { mode: 'float' }).output;
    expect(got.length).toBe(want.length);
    expect(Math.max(...want.map((v, i) => Math.abs(v - got[i])))).toBeLessThan(1e-5);
    expect(new Set(want.map((v) => v.toFixed(3))).size).toBeGreaterThan(20);
  });

  it('KERAS_gru_model (GRU 20 relu/sigmoid reset_before → Dense 20 relu → Dense 5 softmax) parses and its float emulation equals the reference within 1e-5', () => {
    const g = loadKeras(sharedPath(`${DIR}KERAS_gru_model.json`), P);
    verifyGraph(g);
    const gru = g.layers.find((l) => l.kind === 'gru') as Extract<RecurrentLayer, { kind: 'gru' }>;
    expect(gru.resetAfter).toBe(false);
    const read = reader(sharedPath(`${DIR}KERAS_gru_model_weights.h5`));
    const h = floatRecurrent(cell('gru', (v) => read('gru_selu', v), 20, false, { fn: 'relu' }), inputs, N);
    const want = Array.from({ length: N }, (_, r) => {
      const d = dense(h.subarray(r * 20, (r + 1) * 20), read('dense_relu', 'kernel'), read('dense_relu', 'bias')).map((v) => Math.max(v, 0));
      return softmax(dense(d, read('rnn_densef', 'kernel'), read('rnn_densef', 'bias')));
    }).flat();
    const got = emulate(g, inputs, N, { mode: 'float' }).output;
    expect(Math.max(...want.map((v, i) => Math.abs(v - got[i])))).toBeLessThan(1e-5);
  });

  it('emulates both models in fixed point after the whole pass pipeline exactly like the BigInt oracle (default and narrow precisions)', () => {
    for (const m of ['lstm', 'gru'])
      for (const precision of ['ap_fixed<16,6>', 'ap_fixed<10,4,AP_RND,AP_SAT>']) {
        const g = loadKeras(sharedPath(`${DIR}KERAS_${m}_model.json`), P);
        const compiled = runPasses(g, loadConfig({ model: `KERAS_${m}_model.json`, overrides: { precision } }), PASSES);
        verifyGraph(compiled, { configured: true });
        expect(compiled.layers[1].precision.state?.width, precision).toBe(Number(/<(\d+)/.exec(precision)![1]));
        const n = 8;
        const x = inputs.subarray(0, n * 120);
        const got = emulate(compiled, x, n);
        const want = referenceEmulate(compiled, x, n);
        expect(Array.from(got.output), `${m} ${precision}`).toEqual(want.output);
        expect(got.overflowsByVar).toEqual(want.overflowsByVar);
      }
  });
});
