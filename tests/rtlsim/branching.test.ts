import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatVectors } from '../../src/data/vectors.ts';
import { runRtlSim } from '../../src/rtlsim/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { dataMovement, dots, mergeOfFour, mergeOfTwo, residualMlp, twoInTwoOut } from './branching-graphs.ts';
import { cleanup, configFor, distinctPerOutput, hasVerilator, simulate, type SimRun } from './rtl-harness.ts';

const SAMPLES = 600;

/** Each graph is one Verilator build; every output tensor is checked on its own, then latency and II. */
const CASES: { name: string; graph: () => Graph; sigma: number; rfLayer?: string }[] = [
  { name: 'six merge ops of a dense branch and a direct skip', graph: () => mergeOfTwo(), sigma: 3 },
  { name: 'six merge ops of a reuse-factor-3 dense branch and a direct skip', graph: () => mergeOfTwo(3), sigma: 3, rfLayer: 'd' },
  { name: 'merges of four inputs of three latencies', graph: mergeOfFour, sigma: 3 },
  { name: 'transpose and concatenation of 1-D and 3-D tensors', graph: dataMovement, sigma: 6 },
  { name: 'dot products', graph: dots, sigma: 3 },
  { name: 'two inputs and two outputs', graph: twoInTwoOut, sigma: 2 },
  { name: 'the residual MLP', graph: () => residualMlp(), sigma: 3 },
  { name: 'the residual MLP with reuse factor 4 on the residual dense', graph: () => residualMlp(4), sigma: 3, rfLayer: 'fc2' },
];

describe('branching graphs in Verilator', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      const graph = c.graph();
      let r: SimRun | undefined;
      afterAll(() => cleanup(r));
      const sim = async () => (r ??= await simulate(graph, configFor(), SAMPLES, 7, c.sigma, { configured: true }));

      for (const out of graph.outputs)
        it.skipIf(!hasVerilator)(`computes output '${out}' bit for bit like the emulator on ${SAMPLES} random inputs`, async () => {
          const { sim: s, predictions } = await sim();
          expect(s.mismatchesByOutput[out]).toBe(0);
          expect(s.outputsCompared).toBe(SAMPLES * (predictions.length / SAMPLES));
          // the output is not constant: the test would see a wrong value
          const size = predictions.length / SAMPLES;
          expect(Math.max(...distinctPerOutput(predictions, size))).toBeGreaterThan(10);
        });

      if (graph.outputs.length === 2 && graph.layers.filter((l) => l.kind === 'input').length === 2)
        it.skipIf(!hasVerilator)('counts a wrong expected value against the output it belongs to', async () => {
          const { dir, predictions } = await sim();
          const wrong = predictions.slice();
          const width = predictions.length / SAMPLES;
          wrong[3 * width + width - 1] += 1; // the last element of the second output, sample 3
          const file = join(dir, 'wrong.dat');
          writeFileSync(file, formatVectors({ data: wrong, batch: SAMPLES, width }, 'dat'));
          const s = await runRtlSim(dir, { inputs: join(dir, 'tb_data/tb_input_features.dat'), predictions: file });
          expect(s.mismatchesByOutput).toEqual({ [graph.outputs[0]]: 0, [graph.outputs[1]]: 1 });
          expect(s.firstMismatches.map((m) => [m.sample, m.output])).toEqual([[3, width - 1]]);
        });

      it.skipIf(!hasVerilator)('has the latency and II the backend planned', async () => {
        const { sim: s, plan } = await sim();
        expect(s.firstMismatches).toEqual([]);
        expect(s.latencyCycles).toBe(plan.latencyCycles);
        expect(s.ii).toBe(plan.ii);
        const rf = c.rfLayer ? graph.layers.find((l) => l.name === c.rfLayer)!.reuseFactor : 1;
        expect(plan.ii).toBe(rf);
      });
    });
  }
});
