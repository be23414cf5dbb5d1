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
 * measured latency and II = planned) on hls4ml's example recurrent Keras models. The C simulation of both models runs in
 * CI already (tests/csim/recurrent-shared.test.ts), so CI runs the RTL of the LSTM model against the emulator here and
 * HLSFORGE_SLOW=1 adds the whole three-way verify of both models.
 */
const SLOW = !!process.env.HLSFORGE_SLOW;
const DIR = 'models/hls4ml/example-models/keras/';
const work = mkdtempSync(join(tmpdir(), 'hlsforge-recurrent-verify-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = { backend: string; outputsCompared: number; mismatches: number; latencyCycles?: number; expectedLatencyCycles?: number; ii?: number; expectedIi?: number };

describe.skipIf(!hasShared || !hasVerilator)("RTL of hls4ml's example recurrent Keras models", () => {
  it('simulates KERAS_lstm_model (LSTM 16 units over 20 steps, every step returned) at ReuseFactor 16 bit for bit, with the planned latency and II', async () => {
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

  for (const [model, rf, outputs] of [['KERAS_lstm_model', 16, 5], ['KERAS_gru_model', 10, 5]] as const)
    it.skipIf(!SLOW)(`agrees three ways on ${model} at ReuseFactor ${rf} (hlsforge verify)`, () => {
      const samples = 100;
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
