import { describe, expect, it } from 'vitest';
import { OVERFLOW_MODES, QUANT_MODES } from '../../src/fixed/index.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { seededRandom, uniform } from '../backends/hls/graph-builders.ts';
import { convSpec, depthwiseSpec, poolSpec, referenceOutputs, windowGraph, type Spec } from '../backends/hls/window-graphs.ts';
import { csimAgainstEmulator, expectBitExact } from './csim-harness.ts';

/**
 * Seeded random geometries (kernels 1–4, strides 1–3, dilations 1–2, asymmetric pads, 1-D through a reshape and 2-D)
 * and random types (every quantization and overflow mode for input, accumulator and result), ~30 layers in one
 * project: the C simulation must equal the emulator, and the emulator the independent reference, on every output.
 */
function randomGraph(seed: number) {
  const R = seededRandom(seed);
  const int = (a: number, b: number) => a + Math.floor(R() * (b - a + 1));
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(R() * xs.length)];
  const type = (w: [number, number], i: [number, number]) => `ap_fixed<${int(...w)},${int(...i)},${pick(QUANT_MODES)},${pick(OVERFLOW_MODES)}>`;
  const IN = [int(4, 9), int(4, 9), int(1, 4)];
  const specs: Spec[] = [{ kind: 'input', name: 'x', shape: IN, precision: { result: type([6, 14], [2, 5]) } }];
  const outputs: string[] = [];
  for (let i = 0; i < 30; i++) {
    const oneD = R() < 0.5;
    const inShape = oneD ? [IN[0] * IN[1], IN[2]] : IN;
    const kernel = inShape.slice(0, -1).map(() => int(1, 4));
    const geometry = { kernel, strides: kernel.map(() => int(1, 3)), dilations: kernel.map(() => int(1, 2)), padBegin: kernel.map((k) => int(0, k - 1)), padEnd: kernel.map((k) => int(0, k - 1)) };
    const precision = { accum: type([6, 16], [2, 6]), result: type([6, 14], [2, 5]), weight: `ap_fixed<${int(4, 10)},${int(1, 2)},${pick(QUANT_MODES)}>` };
    const from = oneD ? `flat${i}` : 'x';
    const kind = int(0, 2);
    const name = `l${i}`;
    const s =
      kind === 0 ? convSpec(name, from, inShape, int(1, 4), { ...geometry, seed: i, precision, reuseFactor: int(1, 4) })
      : kind === 1 ? depthwiseSpec(name, from, inShape, int(1, 3), { ...geometry, seed: i, precision, reuseFactor: int(1, 3) })
      : poolSpec(name, from, inShape, pick(['max', 'average'] as const), { ...geometry, countPad: R() < 0.5, precision: { result: precision.result } });
    if (s.shape.some((d) => d < 1)) continue; // the window does not fit
    if (oneD) specs.push({ kind: 'reshape', name: from, from: ['x'], shape: inShape } as Spec);
    specs.push(s);
    outputs.push(name);
  }
  return { graph: windowGraph(specs, outputs), inputSize: IN.reduce((a, b) => a * b, 1) };
}

describe('C simulation of random convolution-family layers', () => {
  it('equals the emulator and the reference on every output for random geometries and types', { timeout: 300_000 }, async () => {
    const { graph, inputSize } = randomGraph(7);
    verifyGraph(graph, { configured: true });
    expect(graph.outputs.length).toBeGreaterThan(20);
    const batch = 100;
    const run = await csimAgainstEmulator(graph, { batch, seed: 5, range: 6 });
    expectBitExact(run, 1000);
    expect(run.emulation.output).toEqual(referenceOutputs(graph, uniform(batch * inputSize, seededRandom(5), -6, 6), batch));
  });
});
