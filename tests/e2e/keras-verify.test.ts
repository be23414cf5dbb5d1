import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';

const work = tempDirForFile('keras-verify');

function verifyAll(model: string, name: string, samples: number) {
  const r = hlsforge(['verify', sharedPath(model), '-n', String(samples), '--seed', '3', '--project-name', name, '-o', join(work, name), '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { ok: boolean; rows: { backend: string; outputsCompared: number; mismatches: number; latencyCycles?: number; expectedLatencyCycles?: number }[] };
}

describe.skipIf(!hasShared || !hasVerilator)('hlsforge verify on the shared Keras jet tagger (emulator = C simulation = RTL simulation)', () => {
  it('agrees bit for bit on models/keras/KERAS_3layer.json for 1000 inputs, with the predicted latency', () => {
    const j = verifyAll('models/keras/KERAS_3layer.json', 'keras_3layer', 1000);
    expect(j.ok).toBe(true);
    expect(j.rows.map((row) => row.backend)).toEqual(['emulator', 'hls-csim', 'rtl-sim']);
    for (const row of j.rows) expect([row.backend, row.outputsCompared, row.mismatches]).toEqual([row.backend, 5000, 0]);
    expect(j.rows[2].latencyCycles).toBe(j.rows[2].expectedLatencyCycles);
  }, 900_000);
});

// qkeras_3layer.json: its types come from the QKeras quantizers; the same 16-64-32-32-5 netlist with 6-bit weights and
// rounding, saturating 6-/7-bit activations is simulated in RTL with hls4ml's config (real-models-verify.test.ts), so
// here the emulator = C simulation, without a second Verilator build.
describe.skipIf(!hasShared)('the shared QKeras jet tagger, its types from the quantizers', () => {
  it('has a C simulation equal to the emulator on models/keras/qkeras_3layer.json for 1000 inputs', () => {
    const out = join(work, 'qkeras_3layer');
    const c = hlsforge(['convert', sharedPath('models/keras/qkeras_3layer.json'), '-n', '1000', '--seed', '3', '--project-name', 'qkeras_3layer', '-o', out, '--no-report']);
    expect(c.stderr).toBe('');
    expect(c.status).toBe(0);
    const s = hlsforge(['csim', out, '--json']);
    expect(s.status).toBe(0);
    const j = JSON.parse(s.stdout) as { outputsCompared: number; mismatches: number };
    expect([j.outputsCompared, j.mismatches]).toEqual([5000, 0]);
  }, 900_000);
});

// The 784-256-256-10 MNIST MLP: compiling its 200 000 weights takes g++ 3–7 minutes and Verilator (at reuse factor 16)
// 5 more, too long for every CI run: it is checked by the emulator and the HLS C simulation when HLSFORGE_SLOW=1.
// Measured by hand with `hlsforge verify KERAS_mnist_mlp.json --reuse-factor 16 -n 100`: 0 of 1000 outputs differ in
// the C simulation and the RTL simulation, measured latency = planned.
const SLOW = !!process.env.HLSFORGE_SLOW;
if (!SLOW) console.warn('[hlsforge tests] KERAS_mnist_mlp C simulation SKIPPED: set HLSFORGE_SLOW=1 (minutes of g++)');
describe.skipIf(!hasShared || !SLOW)('the KERAS_mnist_mlp (784-256-256-10) HLS project', () => {
  it('reproduces the emulator bit for bit in C simulation on 100 inputs', () => {
    const out = join(work, 'mnist');
    const c = hlsforge(['convert', sharedPath('models/hls4ml/example-models/keras/KERAS_mnist_mlp.json'), '-n', '100', '--project-name', 'mnist_mlp', '-o', out]);
    expect(c.stderr).toBe('');
    expect(c.status).toBe(0);
    const s = hlsforge(['csim', out, '--json']);
    expect(s.status).toBe(0);
    const j = JSON.parse(s.stdout);
    expect(j.outputsCompared).toBe(1000);
    expect(j.mismatches).toBe(0);
  }, 3_600_000);
});
