import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, convert } from '../../src/pipeline.ts';
import { emulate } from '../../src/emulator/index.ts';
import { randomInputs } from '../../src/data/random-inputs.ts';
import { formatVectors } from '../../src/data/vectors.ts';
import { inputLayers, sizeOf } from '../../src/ir/graph.ts';
import { runCsim } from '../../src/csim/index.ts';
import { verify } from '../../src/verify.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';
import { initConfig } from '../../src/init/index.ts';
import { GRANULARITIES, type Granularity } from '../../src/init/plan.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { onWarning } from '../../src/diagnostics/warnings.ts';
import { configGraph } from '../../src/init/config-graph.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { HlsforgeError } from '../../src/diagnostics/diagnostic.ts';

/** Every model of the shared corpus that hlsforge supports (tests/e2e/shared-models.test.ts and its neighbours). */
const MODELS = [
  'onnx/three_layer_keras.onnx',
  'onnx/conv2d_small_mp_keras.onnx',
  'onnx/bnn_model_fc_1layer.onnx',
  'QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx',
  'keras/KERAS_3layer.json',
  'keras/KERAS_3layer_batch_norm.json',
  'keras/KERAS_conv1d_small.json',
  'keras/KERAS_conv2d_model.json',
  'keras/qkeras_3layer.json',
  'keras/qkeras_mnist_dense.json',
  'hls4ml/example-models/keras/KERAS_lstm_model.json',
  'hls4ml/example-models/keras/KERAS_gru_model.json',
  ...['relu', 'leaky_relu', 'prelu', 'softmax', 'sigmoid', 'tanh', 'conv1d_1layer', 'conv2d_1layer'].map((n) => `hls4ml/example-prjs/${n}/${n}.json`),
];
/**
 * The MNIST-sized ones take seconds each to compile and emulate: HLSFORGE_SLOW=1 runs that; otherwise their written
 * configs are only loaded (keys, values and layer names checked).
 */
const LARGE = [
  'QONNX_model_zoo/models/MNIST/Brevitas_FINN_TFC/TFC/TFC_2W2A.onnx',
  'qonnx/src/qonnx/data/onnx/mnist-conv/model.onnx',
  'keras/qkeras_mnist_cnn.json',
  'hls4ml/example-models/keras/KERAS_mnist_mlp.json',
];
const SLOW = !!process.env.HLSFORGE_SLOW;
if (!SLOW) console.warn('[hlsforge tests] init on the MNIST-sized shared models: config load only; HLSFORGE_SLOW=1 also emulates and runs the QONNX C simulation');
const SAMPLES = 4;

describe.skipIf(!hasShared)('hlsforge init on the shared models', () => {
  const dir = tempDirForFile('init-models');

  /** init's YAML for a model (on 4 random vectors when withData), written to the temp folder; its path. */
  function initFor(model: string, granularity: Granularity, withData: boolean, annotate = true): { output: string; width: number } {
      const path = sharedPath(`models/${model}`);
      const width = inputLayers(configGraph(path).graph).reduce((a, l) => a + sizeOf(l.shape), 0);
      const stem = model.replace(/[^A-Za-z0-9]+/g, '_');
      const input = join(dir, `${stem}.dat`);
      writeFileSync(input, formatVectors({ data: randomInputs(SAMPLES, width, 7).data, batch: SAMPLES, width }, 'dat'));
      const output = join(dir, `${stem}.yml`);
      writeFileSync(output, initConfig({ model: path, input: withData ? input : undefined, granularity, margin: 0.25, targetError: 1e-3, output, annotate }).yaml);
      return { output, width };
  }

  it.each([...MODELS, ...(SLOW ? LARGE : [])].map((m, i) => [m, GRANULARITIES[i % 3], i % 2 === 0] as const))(
    'writes a config for %s (granularity %s, fit to data: %s) that loads and emulates as written',
    (model, granularity, withData) => {
      const { output, width } = initFor(model, granularity, withData);
      const warnings: string[] = [];
      const stop = onWarning((w) => warnings.push(w.code));
      const { graph } = (() => {
        try {
          return compile({ configFile: output });
        } finally {
          stop();
        }
      })();
      // init writes no type over one a quantizer states, and no key hlsforge would not act on
      expect(warnings.filter((c) => c === 'quantizer-type-kept' || c === 'config-not-honoured')).toEqual([]);
      const x = randomInputs(SAMPLES, width, 8).data;
      const fixed = emulate(graph, x, SAMPLES);
      const float = emulate(graph, x, SAMPLES, { mode: 'float' });
      expect(fixed.output.length).toBe(float.output.length);
      expect(fixed.output.every(Number.isFinite)).toBe(true);
    },
  );

  it.skipIf(SLOW).each(LARGE.map((m, i) => [m, GRANULARITIES[i % 3]] as const))('writes a config for %s (granularity %s) that loads as written', (model, granularity) => {
    const { output } = initFor(model, granularity, true, false);
    expect(loadConfig({ configFile: output }).model).toBe(sharedPath(`models/${model}`));
  });

  it('fits the jet tagger to its data, and the config converts and passes bit-exact C simulation as written', async () => {
    const { output } = initFor('onnx/three_layer_keras.onnx', 'name', true);
    const r = await convert({ configFile: output, overrides: { outputDir: join(dir, 'prj_3layer') } });
    expect(r.vectors.batch).toBe(SAMPLES); // InputData: the vectors init observed
    const cs = await runCsim(join(dir, 'prj_3layer'), {});
    expect([cs.outputsCompared, cs.mismatches]).toEqual([SAMPLES * 5, 0]);
  }, 240_000);

  it.skipIf(!SLOW || !hasVerilator)('fits the binarized network to data, and the config verifies with 0 mismatches on emulator, C and RTL simulation', async () => {
    const { output } = initFor('onnx/bnn_model_fc_1layer.onnx', 'name', true);
    const r = await verify({ configFile: output, samples: 100, seed: 4, workDir: join(dir, 'verify_bnn') });
    expect(r.rows.map((row) => [row.backend, row.mismatches])).toEqual([['emulator', 0], ['hls-csim', 0], ['rtl-sim', 0]]);
    expect(r.ok).toBe(true);
  }, 400_000);

  it.skipIf(!SLOW)('grows the QONNX jet tagger exactly without data, and the config passes bit-exact C simulation as written', async () => {
    const { output } = initFor('QONNX_model_zoo/models/JetTagging/QKeras_hls4ml_3layer/qkeras_jettagging.onnx', 'name', false);
    const r = await convert({ configFile: output, overrides: { outputDir: join(dir, 'prj_jets') }, samples: 200, seed: 3 });
    expect(new Set(r.emulation.output).size).toBeGreaterThan(20);
    const cs = await runCsim(join(dir, 'prj_jets'), {});
    expect([cs.outputsCompared, cs.mismatches]).toEqual([1000, 0]);
  }, 240_000);

  /**
   * Issue 12: init's output "converts and verifies for every model in ../shared/models that hlsforge supports".
   * HLSFORGE_SLOW=1 (a C simulation and a Verilator build per model): verify three ways; a model too large to unroll
   * in io_parallel is verified in io_stream; one the RTL backend refuses (unsupported-op) is checked emulator = C
   * simulation.
   */
  it.skipIf(!SLOW || !hasVerilator).each(MODELS.map((m, i) => [m, GRANULARITIES[i % 3]] as const))(
    'writes a config for %s (granularity %s) that converts and verifies as written',
    async (model, granularity) => {
      const { output } = initFor(model, granularity, true);
      const work = join(dir, `verify_${model.replace(/[^A-Za-z0-9]+/g, '_')}`);
      const run = (ioType?: string) => verify({ configFile: output, overrides: ioType ? { ioType } : undefined, samples: SAMPLES, seed: 4, workDir: work, force: true });
      const code = (e: unknown) => (e instanceof HlsforgeError ? e.code : undefined);
      try {
        const r = await run().catch((e: unknown) => (code(e) === 'too-large-for-io-parallel' ? run('io_stream') : Promise.reject(e)));
        expect(r.rows.map((row) => [row.backend, row.mismatches])).toEqual([['emulator', 0], ['hls-csim', 0], ['rtl-sim', 0]]);
        expect(r.ok).toBe(true);
      } catch (e) {
        if (code(e) !== 'unsupported-op') throw e;
        console.warn(`[hlsforge tests] ${model}: the RTL backend refuses it (${(e as Error).message}); emulator = C simulation only`);
        const c = await convert({ configFile: output, overrides: { outputDir: join(work, 'hls-only'), backend: 'Vitis' } });
        const cs = await runCsim(join(work, 'hls-only'), {});
        expect([cs.outputsCompared, cs.mismatches]).toEqual([c.emulation.output.length, 0]);
      }
    },
    900_000,
  );
});
