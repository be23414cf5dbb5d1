import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/pipeline.ts';
import { runRtlSim } from '../../src/rtlsim/index.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';
import { hasVerilator } from './rtl-harness.ts';

// the Verilator build of a real CNN in io_parallel takes minutes, so this direct run is for developers: HLSFORGE_SLOW=1
// (as is the same model at the same ReuseFactor through `hlsforge verify` in tests/e2e/cnn-verify.test.ts). CI checks
// there that 3 is the smallest ReuseFactor accepted and converts at it, simulates the model in io_stream, and each of
// its layer kinds in io_parallel at reuse factors above 1 (tests/rtlsim/conv.test.ts, activations.test.ts, …)
const SLOW = !!process.env.HLSFORGE_SLOW;
if (!SLOW) console.warn('[hlsforge tests] io_parallel RTL of conv2d_small_mp_keras.onnx SKIPPED: set HLSFORGE_SLOW=1');

let work: string | undefined;
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasShared || !SLOW)('io_parallel Verilog of a shared convolutional ONNX model', () => {
  it.skipIf(!hasVerilator)('reproduces the emulator bit for bit on conv2d_small_mp_keras (Transpose, conv, SELU, BN, max pool, Gemm, softmax) at ReuseFactor 3', async () => {
    work = mkdtempSync(join(tmpdir(), 'hlsforge-rtl-conv-models-'));
    const outputDir = join(work, 'small_mp');
    const r = await convert({ model: sharedPath('models/onnx/conv2d_small_mp_keras.onnx'), overrides: { outputDir, projectName: 'small_mp', reuseFactor: 3, backend: 'RTL' }, samples: 200, seed: 5 });
    expect(r.graph.layers.filter((l) => l.kind === 'conv').length).toBe(2);
    const sim = await runRtlSim(outputDir);
    expect(sim.firstMismatches).toEqual([]);
    expect(sim.mismatches).toBe(0);
    expect(sim.outputsCompared).toBe(r.emulation.output.length);
    expect(new Set(r.emulation.output).size).toBeGreaterThan(100);
    expect([sim.latencyCycles, sim.ii]).toEqual([r.rtl!.latencyCycles, 3]);
  }, 1_500_000);
});
