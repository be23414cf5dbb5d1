import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import { residualMlp } from './branching-graphs.ts';
import { cleanup, configFor, distinctPerOutput, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';
import { pixelBranches, pixelsOut } from './stream-graphs.ts';

const SAMPLES = 300;
const stream = (c: ProjectConfig): ProjectConfig => ({ ...c, ioType: 'io_stream' });

/**
 * `slow`: with HLSFORGE_SLOW=1 only. The jet tagger at reuse factor 1 is the largest build here; CI streams dense
 * layers at reuse factor 1 through the residual MLP below (dense, add, concatenation, softmax), and the 16-64-32-32-5
 * stream at reuse factor 4.
 */
const SLOW = !!process.env.HLSFORGE_SLOW;
if (!SLOW) console.warn('[hlsforge tests] io_stream RTL jet tagger at reuse factor 1 SKIPPED: set HLSFORGE_SLOW=1');

/** Each graph is one Verilator build, run twice: without stalls (timing) and with random gaps and back-pressure. */
const CASES: { name: string; graph: () => Graph; configured: boolean; reuseFactor?: number; ii: number; slow?: boolean }[] = [
  { name: 'the jet tagger 16-64-32-32-5', graph: () => mlpGraph([16, 64, 32, 32, 5], { seed: 3 }), configured: false, ii: 1, slow: true },
  { name: 'the jet tagger 16-64-32-32-5 at reuse factor 4', graph: () => mlpGraph([16, 64, 32, 32, 5], { seed: 3 }), configured: false, reuseFactor: 4, ii: 4 },
  { name: 'the residual MLP (a fork, a skip into an add, a concatenation)', graph: () => residualMlp(), configured: true, ii: 1 },
  { name: 'the residual MLP with reuse factor 4 on the residual dense', graph: () => residualMlp(4), configured: true, ii: 4 },
  { name: 'pixel streams with a merge, a channel concatenation and a flatten', graph: () => pixelBranches(), configured: true, ii: 16 },
  { name: 'pixel streams flattened into a reuse-factor-20 dense', graph: () => pixelBranches(20), configured: true, ii: 20 },
  { name: 'one transfer emitted as pixels into per-pixel layers', graph: () => pixelsOut(), configured: true, ii: 4 },
  { name: 'a reuse-factor-6 dense emitted as pixels into per-pixel layers', graph: () => pixelsOut(6), configured: true, ii: 6 },
];

describe('io_stream RTL in Verilator', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      let r: SimRun | undefined;
      afterAll(() => cleanup(r));
      const sim = async () => (r ??= await simulate(c.graph(), stream(configFor({ reuseFactor: c.reuseFactor })), SAMPLES, 11, 3, { configured: c.configured }));

      it.skipIf(!hasVerilator || (c.slow && !SLOW))(`streams ${SAMPLES} random inputs bit for bit like the emulator, with and without random stalls`, async () => {
        const { sim: s, predictions } = await sim();
        expect(s.firstMismatches).toEqual([]);
        expect(s.mismatches).toBe(0);
        expect(s.outputsCompared).toBe(2 * predictions.length);
        expect(s.stalled!.mismatches).toBe(0);
        // the stalled run really stalled both sides
        expect(s.stalled!.inputGaps).toBeGreaterThan(SAMPLES / 10);
        expect(s.stalled!.backPressureCycles).toBeGreaterThan(SAMPLES / 10);
        const size = predictions.length / SAMPLES;
        expect(Math.max(...distinctPerOutput(predictions, size))).toBeGreaterThan(10);
      });

      it.skipIf(!hasVerilator || (c.slow && !SLOW))('has the latency and II per tensor the backend planned', async () => {
        const { sim: s, plan } = await sim();
        expect(s.latencyCycles).toBe(plan.latencyCycles);
        expect(s.ii).toBe(plan.ii);
        expect(plan.ii).toBe(c.ii);
      });
    });
  }
});
