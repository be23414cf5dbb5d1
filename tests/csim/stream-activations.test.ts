import { describe, it } from 'vitest';
import { SELU_ALPHA, SELU_SCALE } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { csimAgainstEmulator, expectBitExact } from './csim-harness.ts';

const TIMEOUT = 300_000;
type Spec = LayerSpec & { from?: string[] };
const S = [3, 4, 6]; // 12 pixels of 6 channels: every pack-by-pack kernel runs 12 times per sample
const C = 6;
const on = (spec: Omit<Spec, 'shape'>): Spec => ({ from: ['x'], ...spec, shape: S }) as Spec;

describe('io_stream C simulation of every elementwise and per-pixel kind on a multi-pixel tensor agrees with the emulator', () => {
  it('runs each activation, batchnorm, prelu, softmax over the channels, every merge op and a channel concatenation, pack by pack', { timeout: TIMEOUT }, async () => {
    const random = rng(3);
    const branches: Spec[] = [
      on({ kind: 'relu', name: 'relu', precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'abs', name: 'abs', precision: { result: 'ap_ufixed<8,3,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'leaky_relu', name: 'leaky', alpha: 0.3, precision: { param: 'ap_fixed<8,1,AP_RND>', result: 'ap_fixed<12,4,AP_RND_CONV>' } } as Spec),
      on({ kind: 'clip', name: 'clip', min: -1.25, max: 2.5, precision: { result: 'ap_fixed<10,3,AP_RND>' } } as Spec),
      on({ kind: 'sigmoid', name: 'sigmoid', tableSize: 1024, precision: { result: 'ap_ufixed<10,0,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'tanh', name: 'tanh', tableSize: 512, precision: { result: 'ap_fixed<10,1,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'softmax', name: 'softmax', tableSize: 1024, precision: { result: 'ap_ufixed<16,0,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'linear', name: 'linear', precision: { result: 'ap_fixed<8,3,AP_RND_ZERO,AP_WRAP>' } } as Spec),
      on({ kind: 'prelu', name: 'prelu', alpha: Float64Array.from([0.1, -0.3, 0.25, 1.7, 0, 0.5]), precision: { param: 'ap_fixed<8,2,AP_RND>', result: 'ap_fixed<14,6>' } } as Spec),
      on({ kind: 'batchnorm', name: 'bn', scale: randomArray(random, C, 2), bias: randomArray(random, C, 1), precision: { scale: 'ap_fixed<10,3,AP_RND>', bias: 'ap_fixed<10,3>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'hard_sigmoid', name: 'hsig', alpha: 0.2, beta: 0.5, precision: { param: 'ap_fixed<16,2,AP_RND>', result: 'ap_ufixed<10,0,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'hard_tanh', name: 'htanh', precision: { result: 'ap_fixed<8,1,AP_RND_ZERO,AP_SAT>' } } as Spec),
      on({ kind: 'thresholded_relu', name: 'trelu', theta: 0.7, precision: { result: 'ap_fixed<12,5>' } } as Spec),
      on({ kind: 'binary_tanh', name: 'btanh', precision: { result: 'ap_fixed<2,2>' } } as Spec),
      on({ kind: 'ternary_tanh', name: 'ttanh', threshold: 0.5, precision: { result: 'ap_fixed<2,2>' } } as Spec),
      on({ kind: 'elu', name: 'elu', alpha: 0.7, tableSize: 1024, precision: { result: 'ap_fixed<14,5,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'selu', name: 'selu', alpha: SELU_ALPHA, scale: SELU_SCALE, tableSize: 512, precision: { param: 'ap_fixed<12,2,AP_RND>', result: 'ap_fixed<14,5,AP_RND_CONV,AP_SAT>' } } as Spec),
      on({ kind: 'softplus', name: 'softplus', tableSize: 1024, precision: { result: 'ap_fixed<16,6,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'softsign', name: 'softsign', tableSize: 1024, precision: { result: 'ap_fixed<10,1,AP_RND,AP_SAT>' } } as Spec),
      on({ kind: 'silu', name: 'silu', tableSize: 1024, precision: { result: 'ap_fixed<9,4,AP_RND,AP_WRAP>' } } as Spec),
      ...(['add', 'subtract', 'multiply', 'average', 'maximum', 'minimum'] as const).map(
        (op) => ({ kind: 'merge', name: `m_${op}`, op, shape: S, from: ['x', 'bn'], precision: { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' } }) as Spec,
      ),
      { kind: 'concatenate', name: 'cat', axis: 2, shape: [3, 4, 12], from: ['relu', 'tanh'], precision: { result: 'ap_fixed<10,4,AP_RND>' } } as Spec,
    ];
    const graph = dag([{ kind: 'input', name: 'x', shape: S, precision: { result: 'ap_fixed<14,5,AP_RND>' } }, ...branches], branches.map((b) => b.name));
    verifyGraph(graph, { configured: true });
    const run = await csimAgainstEmulator(graph, { batch: 200, seed: 8, range: 6, ioType: 'io_stream' });
    expectBitExact(run);
  });
});
