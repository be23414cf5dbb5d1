import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hlsforge } from '../helpers/cli.ts';
import { hasGxx } from '../helpers/oracles.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';
import { ready, values, writeFullH5 } from '../frontends/keras/fixtures.ts';
import { tempDirForFile } from '../helpers/temp.ts';

/**
 * Issue 11's acceptance on repo-made model files: `hlsforge verify` (emulator = C simulation = RTL simulation, bit for
 * bit, the RTL's measured latency and II equal to the planned ones) on a PyTorch-exported bidirectional LSTM
 * (tests/fixtures/recurrent, scripts/make-recurrent-onnx.py) at a narrow precision and ReuseFactor 2, and on a Keras 2
 * .h5 GRU (reset_after, hard_sigmoid gates, every step returned) written here, at the default precision and
 * ReuseFactor 1. The other kinds and options are covered one layer per case by tests/rtlsim/recurrent.test.ts and
 * tests/csim/onnx-recurrent.test.ts.
 */
const work = tempDirForFile('keras');
beforeAll(ready);

type Row = { backend: string; outputsCompared: number; mismatches: number; latencyCycles?: number; expectedLatencyCycles?: number; ii?: number; expectedIi?: number };
const SAMPLES = 40;

function expectThreeWay(args: string[], name: string, outputs: number) {
  const r = hlsforge(['verify', ...args, '-n', String(SAMPLES), '--seed', '7', '--project-name', name, '-o', join(work, name), '--json']);
  expect(r.stderr).not.toMatch(/error\[/);
  const j = JSON.parse(r.stdout) as { ok: boolean; rows: Row[] };
  expect(j.rows.map((row) => [row.backend, row.outputsCompared, row.mismatches])).toEqual(['emulator', 'hls-csim', 'rtl-sim'].map((b) => [b, SAMPLES * outputs, 0]));
  const rtl = j.rows[2];
  expect([rtl.latencyCycles, rtl.ii]).toEqual([rtl.expectedLatencyCycles, rtl.expectedIi]);
  expect([r.status, j.ok]).toEqual([0, true]);
}

describe.skipIf(!hasGxx() || !hasVerilator)('hlsforge verify on recurrent model files made by the repository (issue 11)', () => {
  it('agrees three ways on a PyTorch-exported bidirectional LSTM (h_n of both directions) at ap_fixed<14,5> and ReuseFactor 2', () => {
    const model = join(import.meta.dirname, '../fixtures/recurrent/lstm_bidir_hn.onnx');
    expectThreeWay([model, '--precision', 'ap_fixed<14,5>', '--reuse-factor', '2'], 'lstm_bidir', 8);
  }, 1_800_000);

  it('agrees three ways on a Keras 2 .h5 GRU (reset_after, hard_sigmoid gates, return_sequences) at ReuseFactor 1', () => {
    const [T, F, U] = [4, 3, 3];
    const file = join(work, 'gru.h5');
    const v = (shape: number[], seed: number) => ({ shape, data: values(shape.reduce((a, b) => a * b), seed) });
    const cell = { 'gru/gru_cell/kernel:0': v([F, 3 * U], 11), 'gru/gru_cell/recurrent_kernel:0': v([U, 3 * U], 12), 'gru/gru_cell/bias:0': v([2, 3 * U], 13) };
    const layers = [
      { class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, T, F] } },
      { class_name: 'GRU', config: { name: 'gru', units: U, reset_after: true, recurrent_activation: 'hard_sigmoid', return_sequences: true } },
    ];
    writeFullH5(file, { class_name: 'Sequential', config: { name: 'gru_seq', layers } }, { gru: cell }, ['x', 'gru']);
    expectThreeWay([file], 'gru_seq', T * U);
  }, 1_800_000);
});
