import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRtlProject, type RtlDesignInfo } from '../../src/backends/rtl/index.ts';
import { randomInputs } from '../../src/data/random-inputs.ts';
import { emulate } from '../../src/emulator/index.ts';
import { sizeOf, type Graph } from '../../src/ir/graph.ts';
import { layerInitiationInterval } from '../../src/ir/timing.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { runRtlSim, type RtlSimResult } from '../../src/rtlsim/index.ts';
import { conv1dGraph, conv2dGraph, unsignedReuseGraph } from './conv-graphs.ts';
import { referenceOutputs } from './conv-reference.ts';
import { configFor, distinctPerOutput, hasVerilator } from './rtl-harness.ts';

const SAMPLES = 400;

/** Each graph is one Verilator build; every layer is an output of its own, checked against the BigInt oracle. */
const CASES: { name: string; graph: () => Graph }[] = [
  { name: 'the 2-D convolution family at reuse factor 1 with order-free accumulators', graph: conv2dGraph },
  { name: 'the 1-D convolution family with order-dependent accumulators and reuse factors 3 and 2', graph: conv1dGraph },
  { name: 'a 2-D convolution family on an unsigned input with reuse factors 4 and 3', graph: unsignedReuseGraph },
];

interface Run {
  plan: RtlDesignInfo;
  sim: RtlSimResult;
  expected: Float64Array;
  reference: Float64Array;
  dir: string;
}

describe('the convolution family in io_parallel Verilog', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      const graph = c.graph();
      let r: Run | undefined;
      afterAll(() => r && rmSync(r.dir, { recursive: true, force: true }));
      let data: { inputs: Float64Array; reference: Float64Array; expected: Float64Array } | undefined;
      const vectors = () => {
        if (data) return data;
        verifyGraph(graph, { configured: true });
        const v = randomInputs(SAMPLES, sizeOf(graph.layers[0].shape), 5, 3);
        // the RTL is checked against the emulator's outputs, and the emulator against the oracle
        return (data = { inputs: v.data, reference: referenceOutputs(graph, v.data, SAMPLES), expected: emulate(graph, v.data, SAMPLES).output });
      };
      const run = async (): Promise<Run> => {
        if (r) return r;
        const { inputs, expected, reference } = vectors();
        const dir = mkdtempSync(join(tmpdir(), 'hlsforge-rtl-conv-'));
        r = { dir, expected, reference, plan: writeRtlProject(graph, configFor(), dir, { inputs, predictions: expected, batch: SAMPLES }), sim: undefined as never };
        r.sim = await runRtlSim(dir);
        console.log(`${graph.name}: build ${r.sim.buildSeconds.toFixed(1)} s, latency ${r.sim.latencyCycles} (planned ${r.plan.latencyCycles}), II ${r.sim.ii} (planned ${r.plan.ii}), ${r.sim.mismatches} mismatches`);
        return r;
      };

      it('emulates every layer exactly like the BigInt oracle of docs/arithmetic.md', () => {
        const { expected, reference } = vectors();
        expect(expected).toEqual(reference);
      });

      for (const out of graph.outputs)
        it.skipIf(!hasVerilator)(`computes layer '${out}' bit for bit like the emulator on ${SAMPLES} random inputs`, async () => {
          const { sim, expected } = await run();
          expect(sim.mismatchesByOutput[out]).toBe(0);
          expect(sim.outputsCompared).toBe(expected.length);
          // the layer's output is not constant, so a wrong value would show
          const layer = graph.layers.find((l) => l.name === out)!;
          const offset = graph.outputs.slice(0, graph.outputs.indexOf(out)).reduce((n, o) => n + sizeOf(graph.layers.find((l) => l.name === o)!.shape), 0);
          const size = sizeOf(layer.shape);
          const row = expected.length / SAMPLES;
          const column = Float64Array.from({ length: SAMPLES * size }, (_, i) => expected[Math.floor(i / size) * row + offset + (i % size)]);
          expect(Math.max(...distinctPerOutput(column, size))).toBeGreaterThan(10);
        });

      it.skipIf(!hasVerilator)('has the latency and II the backend planned, the II of src/ir/timing.ts', async () => {
        const { sim, plan } = await run();
        expect(sim.firstMismatches).toEqual([]);
        expect(sim.latencyCycles).toBe(plan.latencyCycles);
        expect(sim.ii).toBe(plan.ii);
        for (const l of plan.perLayer) expect(l.ii).toBe(layerInitiationInterval(graph.layers.find((g) => g.name === l.name)!));
        expect(plan.ii).toBe(Math.max(...graph.layers.map((l) => l.reuseFactor)));
      });
    });
  }
});
