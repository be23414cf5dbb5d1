import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/pipeline.ts';
import { runRtlSim } from '../../src/rtlsim/index.ts';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { hasVerilator } from '../rtlsim/rtl-harness.ts';

/**
 * Issue 11's acceptance for the RTL backend: `hlsforge verify` (emulator = C simulation = RTL simulation, bit for bit,
 * measured latency and II = planned) on hls4ml's example recurrent Keras models. Each Verilator build of these models
 * costs about 30 s of CPU: CI verifies KERAS_lstm_model three ways on few samples; KERAS_gru_model and the direct RTL
 * run with more samples need HLSFORGE_SLOW=1. CI also covers the C simulation of both models
 * (tests/csim/recurrent-shared.test.ts) and the RTL of every recurrent kind and option in one build
 * (tests/rtlsim/recurrent.test.ts).
 */
const SLOW = !!process.env.HLSFORGE_SLOW;
const DIR = 'models/hls4ml/example-models/keras/';
const work = mkdtempSync(join(tmpdir(), 'hlsforge-recurrent-verify-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = { backend: string; outputsCompared: number; mismatches: number; latencyCycles?: number; expectedLatencyCycles?: number; ii?: number; expectedIi?: number };

if (!SLOW) console.warn('[hlsforge tests] RTL of KERAS_gru_model, and of KERAS_lstm_model on 40 samples, SKIPPED: set HLSFORGE_SLOW=1');

describe.skipIf(!hasShared || !hasVerilator)("RTL of hls4ml's example recurrent Keras models", () => {
  it.skipIf(!SLOW)('simulates KERAS_lstm_model (LSTM 16 units over 20 steps, every step returned) at ReuseFactor 16 bit for bit, with the planned latency and II', async () => {
    const outputDir = join(work, 'lstm_rtl');
    const r = await convert({ model: sharedPath(`${DIR}KERAS_lstm_model.json`), overrides: { outputDir, projectName: 'lstm_rtl', backend: 'RTL', reuseFactor: 16 }, samples: 40, seed: 3 });
    const sim = await runRtlSim(outputDir);
    expect(sim.firstMismatches).toEqual([]);
    expect(sim.mismatches).toBe(0);
    expect(sim.outputsCompared).toBe(r.emulation.output.length);
    expect([sim.latencyCycles, sim.ii]).toEqual([r.rtl!.latencyCycles, r.rtl!.ii]);
    // one lane, 16 groups per step: a step takes more than 16 cycles, 20 steps per sample
    expect(r.rtl!.ii).toBeGreaterThan(20 * 16);
    expect(new Set(r.emulation.output).size).toBeGreaterThan(20);
  }, 1_800_000);

  for (const [model, rf, outputs, ci] of [['KERAS_lstm_model', 16, 5, true], ['KERAS_gru_model', 10, 5, false]] as const)
    it.skipIf(!SLOW && !ci)(`agrees three ways on ${model} at ReuseFactor ${rf} (hlsforge verify)`, () => {
      const samples = SLOW ? 100 : 20;
      const r = hlsforge(['verify', sharedPath(`${DIR}${model}.json`), '--reuse-factor', String(rf), '-n', String(samples), '--seed', '5', '--project-name', model, '-o', join(work, model), '--json']);
      expect(r.stderr).not.toMatch(/error\[/);
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout) as { ok: boolean; rows: Row[] };
      expect(j.ok).toBe(true);
      expect(j.rows.map((row) => [row.backend, row.outputsCompared, row.mismatches])).toEqual(['emulator', 'hls-csim', 'rtl-sim'].map((b) => [b, samples * outputs, 0]));
      const rtl = j.rows[2];
      expect([rtl.latencyCycles, rtl.ii]).toEqual([rtl.expectedLatencyCycles, rtl.expectedIi]);
    }, 1_800_000);
});
