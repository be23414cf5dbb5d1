import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';

/**
 * Issue 10's acceptance: `hlsforge verify` (emulator = C simulation = RTL simulation, bit for bit, the RTL's measured
 * latency and II equal to the planned ones) on the shared convolutional models, each in io_parallel and in io_stream
 * (`--io-type`), hls4ml's configs as they are. io_parallel is refused with the catalogued too-large-for-io-parallel
 * error where the unrolled design would be absurd. Few samples: every sample is a whole image, and each case builds
 * a C simulation and a Verilator model.
 */
const work = mkdtempSync(join(tmpdir(), 'hlsforge-cnn-verify-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Io = 'io_parallel' | 'io_stream';
type Row = { backend: string; outputsCompared: number; mismatches: number; latencyCycles?: number; expectedLatencyCycles?: number; ii?: number; expectedIi?: number };

/** samples per case (an io_stream RTL simulation runs them twice: back to back, then with random stalls) */
const SAMPLES = 8;

function verify(args: string[], io: Io, name: string, samples = SAMPLES) {
  return hlsforge(['verify', ...args, '--io-type', io, '-n', String(samples), '--seed', '5', '--project-name', name, '-o', join(work, name), '--json']);
}

/**
 * Three implementations, every output of every sample equal, and the RTL's measured latency and II equal to the
 * planned ones; an io_stream RTL simulation also runs with random stalls.
 */
function expectAgreement(args: string[], io: Io, name: string, outputs: number, samples = SAMPLES) {
  const r = verify(args, io, name, samples);
  expect(r.stderr).not.toMatch(/error\[/);
  const j = JSON.parse(r.stdout) as { ok: boolean; samples: number; rows: Row[] };
  expect([r.status, j.ok]).toEqual([0, true]);
  const rtlRuns = io === 'io_stream' ? 2 : 1;
  expect(j.rows.map((row) => [row.backend, row.outputsCompared, row.mismatches])).toEqual([
    ['emulator', samples * outputs, 0],
    ['hls-csim', samples * outputs, 0],
    ['rtl-sim', samples * outputs * rtlRuns, 0],
  ]);
  const rtl = j.rows[2];
  expect([rtl.latencyCycles, rtl.ii]).toEqual([rtl.expectedLatencyCycles, rtl.expectedIi]);
}

/** io_parallel refused before anything is emulated: one catalogued line naming the convolution. */
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function expectRefused(args: string[], name: string, layer: string, op: string) {
  const r = verify(args, 'io_parallel', name);
  expect(r.status).toBe(1);
  const errors = r.stderr.split('\n').filter((l) => l.includes('error['));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(
    new RegExp(`^hlsforge: error\\[too-large-for-io-parallel\\]: .*layer '${escaped(layer)}' \\(${escaped(op)}\\): too large to unroll with IOType io_parallel: multiplications per cycle must be at most 4096, not \\d+ .*; supported: IOType: io_stream, or ReuseFactor \\d+ or more$`),
  );
}

type Case = {
  what: string;
  args: () => string[];
  outputs: number;
  parallel: 'agrees' | { reuseFactor: number; refusedAtOne: [layer: string, op: string] } | { refused: [layer: string, op: string] };
  /** samples in io_stream when fewer than SAMPLES (a large image) */
  streamSamples?: number;
  /** the arguments in io_stream when they differ (a configuration) */
  streamArgs?: () => string[];
};

function mnistConvStreamConfig(): string {
  const file = join(work, 'mnist-conv-stream.yml');
  writeFileSync(
    file,
    `OnnxModel: ${sharedPath('models/qonnx/src/qonnx/data/onnx/mnist-conv/model.onnx')}
HLSConfig:
  LayerName:
    Convolution110: { ReuseFactor: 4 }
    Times212: { ReuseFactor: 64 }
`,
  );
  return file;
}

const example = (p: string) => () => ['-c', sharedPath(`models/hls4ml/example-prjs/${p}/config.yml`)];
const CASES: Case[] = [
  { what: 'KERAS_conv1d_small', args: () => [sharedPath('models/keras/KERAS_conv1d_small.json')], outputs: 5, parallel: 'agrees' },
  { what: 'KERAS_conv2d_model', args: () => [sharedPath('models/keras/KERAS_conv2d_model.json')], outputs: 10, parallel: 'agrees' },
  { what: 'example-prjs/conv1d_1layer with its config.yml', args: example('conv1d_1layer'), outputs: 3, parallel: 'agrees' },
  { what: 'example-prjs/conv2d_1layer with its config.yml', args: example('conv2d_1layer'), outputs: 9, parallel: 'agrees' },
  { what: 'example-prjs/sigmoid with its config.yml', args: example('sigmoid'), outputs: 9, parallel: 'agrees' },
  { what: 'example-prjs/tanh with its config.yml', args: example('tanh'), outputs: 9, parallel: 'agrees' },
  // the config's ReuseFactor 1 on each QConv2D: 97344 products per cycle in io_parallel
  { what: 'qkeras_mnist_cnn_config.yml', args: () => ['-c', sharedPath('models/config-files/qkeras_mnist_cnn_config.yml')], outputs: 10, parallel: { refused: ['q_conv2d', 'QConv2D'] } },
  // 5×5 'same' on 28×28 at ReuseFactor 1: 143648 products per cycle. In io_stream, reuse factors a designer would pick:
  // the image takes 1024 cycles anyway, so the second convolution (196 output pixels) and the dense layer (once per
  // image) share their multipliers instead of unrolling 3200 and 2560 of them (the unrolled design: npm run bench)
  {
    what: 'QONNX mnist-conv',
    args: () => [sharedPath('models/qonnx/src/qonnx/data/onnx/mnist-conv/model.onnx')],
    streamArgs: () => ['-c', mnistConvStreamConfig()],
    outputs: 10,
    parallel: { refused: ['Convolution28', 'Conv+Add'] },
  },
  // 6845 products in Conv2D_1 at ReuseFactor 1, 9610 in Conv2D_2: the smallest ReuseFactor that fits both, 3
  {
    what: 'conv2d_small_mp_keras.onnx',
    args: () => [sharedPath('models/onnx/conv2d_small_mp_keras.onnx')],
    outputs: 5,
    parallel: { reuseFactor: 3, refusedAtOne: ['Conv2D_1', 'Conv'] },
  },
  // 1x200x200 channels-first: the ports stream channels-last, rtl-sim converts the rows (tb_data/*_order.dat)
  {
    what: 'QONNX residual_block_clean',
    args: () => [sharedPath('models/qonnx/src/qonnx/data/onnx/residual_block_clean.onnx')],
    outputs: 14 * 12 * 12,
    parallel: { refused: ['Conv_0', 'Conv'] },
    streamSamples: 2,
  },
];

describe.skipIf(!hasShared || !hasVerilator)('hlsforge verify on the shared convolutional models (issue 10)', () => {
  CASES.forEach((c, i) => {
    it(`agrees bit for bit on ${c.what} in io_stream, with the planned latency and II`, () => expectAgreement((c.streamArgs ?? c.args)(), 'io_stream', `cnn${i}_stream`, c.outputs, c.streamSamples), 1_800_000);
    const p = c.parallel;
    if (p === 'agrees') it(`agrees bit for bit on ${c.what} in io_parallel`, () => expectAgreement(c.args(), 'io_parallel', `cnn${i}_parallel`, c.outputs), 1_800_000);
    else if ('reuseFactor' in p)
      it(`agrees bit for bit on ${c.what} in io_parallel at ReuseFactor ${p.reuseFactor}`, () => {
        expectRefused(c.args(), `cnn${i}_parallel_rf1`, ...p.refusedAtOne);
        expectAgreement([...c.args(), '--reuse-factor', String(p.reuseFactor)], 'io_parallel', `cnn${i}_parallel`, c.outputs);
      }, 1_800_000);
    else it(`refuses io_parallel for ${c.what} with the too-large-for-io-parallel error`, () => expectRefused(c.args(), `cnn${i}_parallel`, ...p.refused));
  });
});

