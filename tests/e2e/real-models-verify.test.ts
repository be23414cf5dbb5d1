import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { residualModel } from '../fixtures/residual-model.ts';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';

/**
 * Issue 8's acceptance: `hlsforge verify` (emulator = C simulation = RTL simulation, bit for bit, with the planned
 * latency) on the shared Keras models, hls4ml's own configs as they are, and the residual model made by
 * tests/fixtures/residual-model.ts. (KERAS_3layer and qkeras_3layer without their configs: keras-verify.test.ts; the
 * 784-256-256-10 MNIST MLP, emulator and C simulation only: keras-verify.test.ts.)
 *
 * One Verilator build per design: keras-config.yml and onnx-config.yml restate the defaults, so they are checked to
 * give byte for byte the project of their plain model, whose RTL keras-verify.test.ts (KERAS_3layer) and
 * verify.test.ts (three_layer_keras.onnx) simulate; KERAS_3layer_batch_norm folds its batch normalizations into the
 * dense layers, so its RTL is KERAS_3layer's netlist with other constants (asserted, layer by layer): here it is
 * checked by the emulator = C simulation.
 */
const work = tempDirForFile('real-verify');

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
  // qkeras_3layer.json without it: emulator = C simulation in keras-verify.test.ts (the same 16-64-32-32-5 netlist
  // with 6-bit weights and 6-/7-bit rounding, saturating activations)
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

/** Every file of a project folder, by path inside it: the SHA-256 of its bytes. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** `hlsforge convert` into work/name (no report page); warnings allowed, no error. */
function convert(args: string[], name: string, extra: string[] = []): string {
  const out = join(work, name);
  const r = hlsforge(['convert', ...args, ...extra, '-n', '500', '--seed', '5', '--project-name', 'jets', '-o', out, '--no-report']);
  expect(r.stderr).not.toMatch(/error\[/);
  expect(r.status).toBe(0);
  return out;
}

const hlsforgeJson = (dir: string) => JSON.parse(readFileSync(join(dir, 'hlsforge.json'), 'utf8'));

describe.skipIf(!hasShared)("hls4ml's jet-tagger configs that restate the defaults", () => {
  const PAIRS = [
    { config: 'models/keras-config.yml', model: 'models/keras/KERAS_3layer.json', rtlIn: 'keras-verify.test.ts' },
    { config: 'models/onnx-config.yml', model: 'models/onnx/three_layer_keras.onnx', rtlIn: 'verify.test.ts' },
  ];
  for (const p of PAIRS)
    it(`give with ${p.config} the RTL, the HLS firmware, testbench and test vectors of ${p.model} alone (whose verify is in ${p.rtlIn}), on hls4ml's part`, () => {
      const [cfgRtl, plainRtl] = [convert(['-c', sharedPath(p.config)], `${p.config.replace(/\W/g, '_')}-rtl`, ['--backend', 'RTL']), convert([sharedPath(p.model)], `${p.model.replace(/\W/g, '_')}-rtl`, ['--backend', 'RTL'])];
      expect(files(cfgRtl)).toEqual(files(plainRtl));
      const [cfgHls, plainHls] = [convert(['-c', sharedPath(p.config)], `${p.config.replace(/\W/g, '_')}-hls`), convert([sharedPath(p.model)], `${p.model.replace(/\W/g, '_')}-hls`)];
      const [a, b] = [files(cfgHls), files(plainHls)];
      const design = (m: Map<string, string>) => new Map([...m].filter(([f]) => /^(firmware|tb_data)\/|_test\.cpp$/.test(f)));
      expect(design(a).size).toBeGreaterThan(10);
      expect(design(a)).toEqual(design(b));
      // what the config does say: hls4ml's part (Backend: Vivado where the config names it)
      const part = /^(?:XilinxPart|Part)\s*:\s*(\S+)/m.exec(readFileSync(sharedPath(p.config), 'utf8'))![1];
      expect(hlsforgeJson(cfgHls).part).toBe(part);
      expect(hlsforgeJson(plainHls).part).not.toBe(part);
    }, 600_000);

  it('fold KERAS_3layer_batch_norm into the netlist of KERAS_3layer (other constants), its C simulation equal to the emulator on 500 inputs', () => {
    const bn = convert([sharedPath('models/keras/KERAS_3layer_batch_norm.json')], 'bn-rtl', ['--backend', 'RTL']);
    const plain = convert([sharedPath('models/keras/KERAS_3layer.json')], 'plain-rtl', ['--backend', 'RTL']);
    // layer kinds, types and II; not the latencies, which the timing model derives from the constants
    type PerLayer = { kind: string; outputType: string; ii: number };
    const shape = (j: { inputs: { size: number; type: string }[]; ii: number; perLayer: PerLayer[] }) => ({
      inputs: j.inputs.map((i) => [i.size, i.type]),
      ii: j.ii,
      layers: j.perLayer.map((l) => [l.kind, l.outputType, l.ii]),
    });
    expect(shape(hlsforgeJson(bn)).layers.map(([kind]) => kind)).toEqual(['dense', 'relu', 'dense', 'relu', 'dense', 'relu', 'dense', 'softmax']);
    expect(shape(hlsforgeJson(bn))).toEqual(shape(hlsforgeJson(plain)));
    const hls = convert([sharedPath('models/keras/KERAS_3layer_batch_norm.json')], 'bn-hls');
    const c = hlsforge(['csim', hls, '--json']);
    expect(c.status).toBe(0);
    const j = JSON.parse(c.stdout) as { outputsCompared: number; mismatches: number };
    expect([j.outputsCompared, j.mismatches]).toEqual([500 * 5, 0]);
  }, 600_000);
});

describe.skipIf(!hasVerilator)('hlsforge verify on the residual two-input, two-output ONNX model', () => {
  it('agrees bit for bit with a skip Add, a Concat, a Mul and a Max, with both outputs', () => {
    const file = join(work, 'residual.onnx');
    writeFileSync(file, residualModel().encode());
    verifyRun([file], 'residual', 500, 3 + 8);
  }, 1_800_000);
});
