import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/config/project-config.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { cleanup, configFor, distinctPerOutput, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';
import { conv1d, convChain, largeImage, upsample2d } from './stream-conv-graphs.ts';

const stream = (c: ProjectConfig): ProjectConfig => ({ ...c, ioType: 'io_stream' });

/** Each graph is one Verilator build, run twice: without stalls (timing) and with random gaps and back-pressure. */
const CASES: { name: string; graph: () => Graph; samples: number; ii: number }[] = [
  { name: 'pad, conv, relu, max pool, depthwise, average pool, crop, flatten, dense', graph: () => convChain(), samples: 120, ii: 100 },
  { name: 'the same chain with the conv at reuse factor 3', graph: () => convChain(3), samples: 120, ii: 212 },
  { name: '1-D conv with stride, dilation and same padding, average pool counting padding, upsample', graph: conv1d, samples: 200, ii: 19 },
  { name: '2-D nearest upsampling into a max pool', graph: upsample2d, samples: 200, ii: 72 },
  { name: 'a 64x64x2 image through a 3x3 conv and a 4x4 max pool', graph: largeImage, samples: 3, ii: 66 * 66 },
];

describe('io_stream convolutions in Verilator', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      let r: SimRun | undefined;
      afterAll(() => cleanup(r));
      const sim = async () => (r ??= await simulate(c.graph(), stream(configFor()), c.samples, 13, 3, { configured: true }));

      it.skipIf(!hasVerilator)(`streams ${c.samples} random inputs bit for bit like the emulator, with and without random stalls`, async () => {
        const { sim: s, predictions } = await sim();
        expect(s.firstMismatches).toEqual([]);
        expect(s.mismatches).toBe(0);
        expect(s.outputsCompared).toBe(2 * predictions.length);
        expect(s.stalled!.inputGaps).toBeGreaterThan(c.samples / 10);
        expect(s.stalled!.backPressureCycles).toBeGreaterThan(c.samples);
        const size = predictions.length / c.samples;
        expect(Math.max(...distinctPerOutput(predictions, size))).toBeGreaterThan(c.samples > 10 ? 10 : 1);
      });

      if (c.graph === largeImage)
        it.skipIf(!hasVerilator)('keeps the line buffer of the 64x64 image in a memory, not in registers', async () => {
          const { dir, plan } = await sim();
          const v = readFileSync(join(dir, 'rtl', 'myproject_conv_window.v'), 'utf8');
          // two rows of 66 padded pixels of 2 x 10 bits: memories, with only the taps in registers
          expect(v).toMatch(/reg \[19:0\] lb\d+_mem \[0:6\d\];/);
          expect(plan.perLayer.find((l) => l.module === 'myproject_conv_window')!.registerBits).toBeLessThan(66 * 20);
        });

      it.skipIf(!hasVerilator)('has the latency and II per image the backend planned', async () => {
        const { sim: s, plan } = await sim();
        expect(s.latencyCycles).toBe(plan.latencyCycles);
        expect(s.ii).toBe(plan.ii);
        expect(plan.ii).toBe(c.ii);
      });
    });
  }

});
