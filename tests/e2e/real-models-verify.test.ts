import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { residualModel } from '../fixtures/residual-model.ts';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';

/**
 * Issue 8's acceptance: `hlsforge verify` (emulator = C simulation = RTL simulation, bit for bit, with the planned
 * latency) on the shared Keras models, hls4ml's own configs as they are, and the residual model made by
 * tests/fixtures/residual-model.ts. (KERAS_3layer and qkeras_3layer without their configs: keras-verify.test.ts; the
 * 784-256-256-10 MNIST MLP, emulator and C simulation only: keras-verify.test.ts.)
 */
const work = mkdtempSync(join(tmpdir(), 'hlsforge-real-verify-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = { backend: string; outputsCompared: number; mismatches: number; latencyCycles?: number; expectedLatencyCycles?: number; ii?: number; expectedIi?: number };

/** `rtlRuns`: an io_stream RTL simulation runs twice (back to back, then with random stalls), comparing every output each time. */
function verifyRun(args: string[], name: string, samples: number, outputs: number, rtlRuns = 1) {
  const r = hlsforge(['verify', ...args, '-n', String(samples), '--seed', '5', '--project-name', name, '-o', join(work, name), '--json']);
  // hls4ml keys hlsforge accepts but does not act on (Backend: Catapult, IOType: io_stream, …) are warnings
  expect(r.stderr).not.toMatch(/error\[/);
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout) as { ok: boolean; samples: number; rows: Row[] };
  expect(j.ok).toBe(true);
  expect(j.rows.map((row) => [row.backend, row.outputsCompared, row.mismatches])).toEqual(
    ['emulator', 'hls-csim', 'rtl-sim'].map((b) => [b, samples * outputs * (b === 'rtl-sim' ? rtlRuns : 1), 0]),
  );
  const rtl = j.rows[2];
  expect([rtl.latencyCycles, rtl.ii]).toEqual([rtl.expectedLatencyCycles, rtl.expectedIi]);
  return j;
}

/** The IOType a shared configuration declares (hls4ml writes `IOType : io_stream` in some). */
const streams = (config: string) => /^IOType\s*:\s*io_stream\b/m.test(readFileSync(sharedPath(config), 'utf8'));

const CASES: { what: string; args: () => string[]; outputs: number; samples: number; rtlRuns?: () => number }[] = [
  { what: 'keras-config.yml (KERAS_3layer, as hls4ml wrote it)', args: () => ['-c', sharedPath('models/keras-config.yml')], outputs: 5, samples: 500 },
  { what: 'onnx-config.yml (three_layer_keras.onnx)', args: () => ['-c', sharedPath('models/onnx-config.yml')], outputs: 5, samples: 500 },
  { what: 'KERAS_3layer_batch_norm', args: () => [sharedPath('models/keras/KERAS_3layer_batch_norm.json')], outputs: 5, samples: 500 },
  { what: 'qkeras_3layer_config.yml', args: () => ['-c', sharedPath('models/config-files/qkeras_3layer_config.yml')], outputs: 5, samples: 500 },
  // ReuseFactor 112 and the Resource strategy as the config says: II 112
  { what: 'qkeras_mnist_dense_config.yml (784-20-10, po2 weights, RF 112)', args: () => ['-c', sharedPath('models/config-files/qkeras_mnist_dense_config.yml')], outputs: 10, samples: 200 },
  ...['relu', 'leaky_relu', 'prelu', 'softmax'].map((p) => ({
    what: `example-prjs/${p} with its config.yml`,
    args: () => ['-c', sharedPath(`models/hls4ml/example-prjs/${p}/config.yml`)],
    outputs: 25,
    samples: 500,
    rtlRuns: () => (streams(`models/hls4ml/example-prjs/${p}/config.yml`) ? 2 : 1),
  })),
];

describe.skipIf(!hasShared || !hasVerilator)('hlsforge verify on the shared models and configs (issue 8)', () => {
  for (const c of CASES) it(`agrees bit for bit on ${c.what}`, () => void verifyRun(c.args(), `case_${CASES.indexOf(c)}`, c.samples, c.outputs, c.rtlRuns?.()), 1_800_000);

  // qkeras_mnist_cnn_config.yml converts since issue 10: tests/e2e/cnn-verify.test.ts
  it('gives one clear "not yet" error, not a config error, for the GarNet config', () => {
    for (const [config, layer] of [['config-files/garnet_1layer_config.yml', 'GarNet']] as const) {
      const r = hlsforge(['convert', '-c', sharedPath(`models/${config}`), '-o', join(work, 'never')]);
      expect(r.status).toBe(1);
      const errors = r.stderr.split('\n').filter((l) => l.includes('error['));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^hlsforge: error\\[unsupported-layer\\]: .*\\(${layer}\\)`));
    }
  });
});

describe.skipIf(!hasVerilator)('hlsforge verify on the residual two-input, two-output ONNX model', () => {
  it('agrees bit for bit with a skip Add, a Concat, a Mul and a Max, with both outputs', () => {
    const file = join(work, 'residual.onnx');
    writeFileSync(file, residualModel().encode());
    verifyRun([file], 'residual', 500, 3 + 8);
  }, 1_800_000);
});
