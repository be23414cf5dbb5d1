import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline.ts';
import { emulate } from '../../src/emulator/index.ts';
import { accumulation } from '../../src/fixed/index.ts';
import { OnnxModelBuilder, int, ints } from '../fixtures/onnx-builder.ts';
import { randomArray, rng } from '../emulator/build-graph.ts';
import { ramp } from '../frontends/onnx/helpers.ts';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';

/**
 * Issue 12 part 1's acceptance: `Arithmetic: hls4ml` reproduces hls4ml's own C simulation of its jet tagger
 * (../shared/reference/hls4ml-csim, recorded with hls4ml v1.3) on all 2,000 × 5 values, in the emulator and in the
 * generated project's C simulation; and emulator, C simulation and RTL simulation agree on every hls4ml softmax.
 */
const work = mkdtempSync(join(tmpdir(), 'hlsforge-hls4ml-arith-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const REF = 'reference/hls4ml-csim/';
const rows = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));

/** the settings hls4ml's reference was recorded with (its README), plus `Arithmetic: hls4ml` */
function jetTaggerConfig(): string {
  const file = join(work, 'jet.yml');
  writeFileSync(file, `OnnxModel: ${sharedPath('models/onnx/three_layer_keras.onnx')}\nArithmetic: hls4ml\nBackend: Vivado\nPart: xcvu13p-flga2577-2-e\nClockPeriod: 5\nHLSConfig:\n  Model:\n    Precision: ap_fixed<16,6>\n    ReuseFactor: 1\n    Strategy: Latency\n`);
  return file;
}

describe.skipIf(!hasShared)("hls4ml's C simulation of the jet tagger, reproduced", () => {
  it('equals every one of the 10,000 reference values in the emulator, and differs from hlsforge arithmetic', () => {
    const inputs = rows(sharedPath(`${REF}three_layer_keras.inputs.dat`));
    const reference = rows(sharedPath(`${REF}three_layer_keras.hls4ml_csim.dat`)).flat();
    expect([inputs.length, reference.length]).toEqual([2000, 10000]);
    const { graph } = compile({ configFile: jetTaggerConfig() });
    const out = emulate(graph, Float64Array.from(inputs.flat()), inputs.length).output;
    const differing = reference.filter((v, i) => out[i] !== v).length;
    expect(differing).toBe(0);
    // the oracle has teeth: hlsforge's own softmax differs from hls4ml's on most rows
    const own = compile({ configFile: jetTaggerConfig(), overrides: { arithmetic: 'hlsforge' } }).graph;
    const ownOut = emulate(own, Float64Array.from(inputs.flat()), inputs.length).output;
    expect(reference.filter((v, i) => ownOut[i] !== v).length).toBeGreaterThan(5000);
  });

  it("has a C simulation equal to the emulator (and so to hls4ml's) on the first 300 inputs", { timeout: 600_000 }, () => {
    const inputs = join(work, 'in300.dat');
    writeFileSync(inputs, readFileSync(sharedPath(`${REF}three_layer_keras.inputs.dat`), 'utf8').split('\n').slice(0, 300).join('\n') + '\n');
    const prj = join(work, 'jet');
    const c = hlsforge(['convert', '-c', jetTaggerConfig(), '-i', inputs, '-o', prj]);
    expect(c.stderr).toBe('');
    const r = hlsforge(['csim', prj, '--json']);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as { samples: number; outputsCompared: number; mismatches: number };
    expect([j.samples, j.outputsCompared, j.mismatches]).toEqual([300, 1500, 0]);
    // the predictions the C simulation was compared with are hls4ml's reference values
    const predictions = rows(join(prj, 'tb_data/tb_output_predictions.dat')).flat();
    const reference = rows(sharedPath(`${REF}three_layer_keras.hls4ml_csim.dat`)).flat().slice(0, 1500);
    expect(predictions).toEqual(reference);
  });
});

/** `hlsforge verify --arithmetic hls4ml` on 200 samples: every one of `outputs` values equal in all three implementations. */
function expectThreeWay(model: string, cfg: string, seed: string, name: string, outputs: number): void {
  const r = hlsforge(['verify', model, '-c', cfg, '--arithmetic', 'hls4ml', '-n', '200', '--seed', seed, '-o', join(work, name), '--json']);
  expect(r.stderr).toBe('');
  const j = JSON.parse(r.stdout) as { rows: { backend: string; outputsCompared: number; mismatches: number }[] };
  expect(j.rows.map((row) => [row.backend, row.outputsCompared, row.mismatches])).toEqual([
    ['emulator', outputs, 0],
    ['hls-csim', outputs, 0],
    ['rtl-sim', outputs, 0],
  ]);
}

/** x[N,6] → four Gemm → Softmax branches, one per hls4ml implementation, and Gemm → Sigmoid, Gemm → Tanh; each its own graph output. */
function fourSoftmaxes(): Uint8Array {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 6]);
  ['stable', 'latency', 'legacy', 'argmax'].forEach((impl, k) => {
    m.initializer(`W${k}`, [5, 6], ramp(30, k + 1).map((v) => v * 2)).initializer(`b${k}`, [5], ramp(5, k + 4));
    m.node('Gemm', ['x', `W${k}`, `b${k}`], [`g${k}`], { transB: int(1) }, `fc_${impl}`);
    m.node('Softmax', [`g${k}`], [`y${k}`], { axis: int(-1) }, `sm_${impl}`);
    m.output(`y${k}`, ['N', 5]);
  });
  ['Sigmoid', 'Tanh'].forEach((op, k) => {
    m.initializer(`V${k}`, [5, 6], ramp(30, k + 7).map((v) => v * 3)).initializer(`c${k}`, [5], ramp(5, k + 2));
    m.node('Gemm', ['x', `V${k}`, `c${k}`], [`h${k}`], { transB: int(1) }, `fc_${op}`);
    m.node(op, [`h${k}`], [`z${k}`], {}, op.toLowerCase());
    m.output(`z${k}`, ['N', 5]);
  });
  return m.encode();
}

describe.skipIf(!hasVerilator)('hlsforge verify --arithmetic hls4ml on the four softmax implementations, sigmoid and tanh', () => {
  it('agrees bit for bit across emulator, C simulation and RTL simulation', { timeout: 600_000 }, () => {
    const model = join(work, 'sm.onnx');
    writeFileSync(model, fourSoftmaxes());
    const cfg = join(work, 'sm.yml');
    // latency with an exp table that wraps 1 to −1 and a saturating accumulator: the adder tree's order shows
    const types: Record<string, string> = { latency: ", exp_table_t: 'ap_fixed<10,1>', accum_t: 'ap_fixed<8,2,AP_RND,AP_SAT>'" };
    const names = ['stable', 'latency', 'legacy', 'argmax'].map((i) => `    sm_${i}: { Implementation: ${i}${types[i] ?? ''} }`).join('\n');
    writeFileSync(cfg, `HLSConfig:\n  Model: { Precision: 'ap_fixed<12,5>', TableSize: 256 }\n  LayerName:\n${names}\n`);
    expectThreeWay(model, cfg, '7', 'sm', 6000);
  });
});

/** x[N,2,6] → Conv1D (3 filters, 3 taps, pad 1) → Relu → Flatten → Gemm 18→6 → Relu → Gemm 6→4: a small conv and MLP. */
function convMlp(): Uint8Array {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 2, 6]);
  m.initializer('W', [3, 2, 3], ramp(18, 1).map((v) => v * 3)).initializer('B', [3], ramp(3, 2));
  m.node('Conv', ['x', 'W', 'B'], ['c'], { pads: ints([1, 1]) }, 'conv').node('Relu', ['c'], ['r'], {}, 'relu1');
  m.node('Flatten', ['r'], ['f'], { axis: int(1) }, 'flatten');
  m.initializer('W1', [6, 18], ramp(108, 3).map((v) => v * 2)).initializer('b1', [6], ramp(6, 4));
  m.node('Gemm', ['f', 'W1', 'b1'], ['h'], { transB: int(1) }, 'fc1').node('Relu', ['h'], ['hr'], {}, 'relu2');
  m.initializer('W2', [4, 6], ramp(24, 5).map((v) => v * 2)).initializer('b2', [4], ramp(4, 6));
  m.node('Gemm', ['hr', 'W2', 'b2'], ['y'], { transB: int(1) }, 'fc2').output('y', ['N', 4]);
  return m.encode();
}

/** rounding and saturating accumulators (conv, fc1) and a convergent-rounding wrapping one (fc2) */
const CONV_MLP_CONFIG = `HLSConfig:
  Model: { Precision: 'ap_fixed<10,4>' }
  LayerName:
    conv: { Precision: { accum: 'ap_fixed<9,3,AP_RND,AP_SAT>' } }
    fc1: { Precision: { accum: 'ap_fixed<9,3,AP_RND,AP_SAT>' } }
    fc2: { Precision: { accum: 'ap_fixed<10,3,AP_RND_CONV,AP_WRAP>' } }
`;

describe("hls4ml's per-product cast (issue 12) on a small conv and MLP with rounding, saturating accumulators", () => {
  const files = () => {
    const [model, cfg] = [join(work, 'convmlp.onnx'), join(work, 'convmlp.yml')];
    writeFileSync(model, convMlp());
    writeFileSync(cfg, CONV_MLP_CONFIG);
    return { model, cfg };
  };

  it('casts each product to accum in every dense product, which changes the values', () => {
    const { model, cfg } = files();
    const hls4ml = compile({ model, configFile: cfg, overrides: { arithmetic: 'hls4ml' } }).graph;
    const own = compile({ model, configFile: cfg }).graph;
    const products = hls4ml.layers.filter((l) => l.kind === 'dense' || l.kind === 'conv');
    expect(products.map((l) => [l.kind, 'accumulation' in l && l.accumulation, accumulation(l.precision.accum!, true).castProducts])).toEqual([
      ['conv', 'hls4ml', true],
      ['dense', 'hls4ml', true],
      ['dense', 'hls4ml', true],
    ]);
    const x = randomArray(rng(3), 300 * 12, 6);
    const [a, b] = [emulate(hls4ml, x, 300).output, emulate(own, x, 300).output];
    expect(a.filter((v, i) => v !== b[i]).length).toBeGreaterThan(30);
  });

  it.skipIf(!hasVerilator)('agrees bit for bit across emulator, C simulation and RTL simulation', { timeout: 600_000 }, () => {
    const { model, cfg } = files();
    expectThreeWay(model, cfg, '3', 'convmlp', 800);
  });
});
