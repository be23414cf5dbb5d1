import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import { cleanup, configFor, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';
import { randomStreamChain } from './random-stream-chains.ts';

/**
 * Property: for random small conv/pool/dense chains in io_stream, the planned latency and II (the simulated
 * valid/ready control, src/backends/rtl/stream/timing-plan.ts) equal what Verilator measures, and the outputs equal
 * the emulator's with and without random stalls. The CI seeds are chains where back-pressure between stages (a
 * reused conv behind a slower window walker) makes a stall-free feed-forward schedule wrong; HLSFORGE_SLOW=1 adds
 * more seeds. One Verilator build per chain, few samples (each is a whole image, the stalled run doubles them).
 */
const SLOW = !!process.env.HLSFORGE_SLOW;
const SEEDS = SLOW ? [41, 56, 2, 8, 9, 10, 15, 18, 23, 25, 28, 47, 48, 52] : [41, 56];
const SAMPLES = 8;
if (!SLOW) console.warn(`[hlsforge tests] random io_stream timing chains: seeds ${SEEDS.join(', ')} only; HLSFORGE_SLOW=1 runs 14`);

const stream = (c: ProjectConfig): ProjectConfig => ({ ...c, ioType: 'io_stream' });

describe.skipIf(!hasVerilator)('the io_stream plan against Verilator on random chains', () => {
  for (const seed of SEEDS) {
    const { graph, described } = randomStreamChain(seed);
    describe(`seed ${seed}: ${described}`, () => {
      let r: SimRun | undefined;
      afterAll(() => cleanup(r));
      it('measures the planned latency and II and streams every output bit for bit, with and without stalls', async () => {
        r = await simulate(graph, stream(configFor()), SAMPLES, seed, 3, { configured: true });
        const { sim, plan, predictions } = r;
        expect(sim.firstMismatches).toEqual([]);
        expect(sim.outputsCompared).toBe(2 * predictions.length);
        expect(sim.stalled!.backPressureCycles).toBeGreaterThan(0);
        expect({ latency: sim.latencyCycles, ii: sim.ii }).toEqual({ latency: plan.latencyCycles, ii: plan.ii });
      }, 600_000);
    });
  }
});
