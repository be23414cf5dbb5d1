import { describe, expect, it } from 'vitest';
import { parseFixedType, rangeOf, toValue } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { seededRandom, uniform } from '../backends/hls/graph-builders.ts';
import { convSpec, depthwiseSpec, poolSpec, referenceOutputs, windowGraph, type Spec } from '../backends/hls/window-graphs.ts';
import { csimAgainstEmulator, expectBitExact, overflowsOf, type CsimRun } from './csim-harness.ts';

const TIMEOUT = 300_000;
const SAT_RESULT = 'ap_fixed<8,2,AP_RND_CONV,AP_SAT>';
const RANGE = 4;

/**
 * The C simulation against the emulator on seeded random inputs (zero mismatches), and the emulator against the
 * independent BigInt reference of the contract (tests/backends/hls/window-reference.ts) on the same inputs.
 */
async function threeWay(graph: Graph, batch: number, seed: number): Promise<CsimRun> {
  verifyGraph(graph, { configured: true });
  const run = await csimAgainstEmulator(graph, { batch, seed, range: RANGE });
  expectBitExact(run, 1000);
  const inputSize = graph.layers[0].shape.reduce((a, b) => a * b, 1);
  const inputs = uniform(batch * inputSize, seededRandom(seed), -RANGE, RANGE);
  expect(run.emulation.output).toEqual(referenceOutputs(graph, inputs, batch));
  return run;
}

const IN2 = [7, 6, 3];
const input2: Spec = { kind: 'input', name: 'x', shape: IN2, precision: { result: 'ap_fixed<10,3>' } };
/** 2-D layers of every geometry, reuse factors 1 to 4, rounding and saturating accumulators, all reading x. */
const LAYERS_2D: Spec[] = [
  convSpec('conv_valid', 'x', IN2, 4, { kernel: [3, 3], seed: 1 }),
  convSpec('conv_same_s2_rf4', 'x', IN2, 5, { kernel: [3, 3], strides: [2, 2], padBegin: [1, 1], padEnd: [1, 1], seed: 2, reuseFactor: 4, precision: { accum: 'ap_fixed<11,3,AP_RND,AP_SAT>', result: SAT_RESULT } }),
  convSpec('conv_dilated_rf3', 'x', IN2, 3, { kernel: [2, 3], strides: [1, 2], dilations: [2, 1], padBegin: [1, 0], padEnd: [0, 2], seed: 3, reuseFactor: 3, precision: { weight: 'ap_fixed<6,1,AP_RND>', accum: 'ap_fixed<12,4,AP_RND_ZERO,AP_WRAP>', result: 'ap_fixed<9,4,AP_TRN_ZERO,AP_SAT_SYM>' } }),
  convSpec('conv_pointwise', 'x', IN2, 6, { kernel: [1, 1], seed: 4, precision: { weight: 'ap_fixed<18,2>', bias: 'ap_fixed<18,4>', accum: 'ap_fixed<40,12>', result: 'ap_ufixed<8,3,AP_RND,AP_SAT>' } }),
  depthwiseSpec('dw_same_m2_rf2', 'x', IN2, 2, { kernel: [3, 3], padBegin: [1, 1], padEnd: [1, 1], seed: 5, reuseFactor: 2, precision: { accum: 'ap_fixed<10,3,AP_RND_INF,AP_SAT>', result: SAT_RESULT } }),
  depthwiseSpec('dw_s2', 'x', IN2, 1, { kernel: [2, 2], strides: [2, 2], seed: 6, precision: { accum: 'ap_fixed<14,5,AP_RND_MIN_INF,AP_WRAP_SM>' } }),
  poolSpec('max_2x2', 'x', IN2, 'max', { kernel: [2, 2], strides: [2, 2] }),
  poolSpec('max_pad', 'x', IN2, 'max', { kernel: [3, 3], padBegin: [1, 1], padEnd: [1, 1], precision: { result: 'ap_fixed<6,2,AP_TRN,AP_SAT>' } }),
  poolSpec('avg_2x2', 'x', IN2, 'average', { kernel: [2, 2], strides: [2, 2] }),
  poolSpec('avg_pad', 'x', IN2, 'average', { kernel: [3, 3], strides: [2, 1], padBegin: [1, 1], padEnd: [1, 1], precision: { result: 'ap_fixed<12,3,AP_RND,AP_SAT>' } }),
  poolSpec('avg_count_pad', 'x', IN2, 'average', { kernel: [3, 3], padBegin: [1, 1], padEnd: [1, 1], countPad: true, precision: { result: 'ap_fixed<12,3,AP_RND_CONV,AP_WRAP>' } }),
  poolSpec('avg_global', 'x', IN2, 'average', { kernel: [7, 6], precision: { result: 'ap_fixed<16,3,AP_RND>' } }),
  { kind: 'pad', name: 'pad', from: ['x'], shape: [9, 9, 3], padBegin: [2, 0], padEnd: [0, 3] } as Spec,
  { kind: 'crop', name: 'crop', from: ['x'], shape: [4, 3, 3], cropBegin: [1, 2], cropEnd: [2, 1] } as Spec,
  { kind: 'upsample', name: 'up', from: ['x'], shape: [14, 18, 3], factors: [2, 3] } as Spec,
];
/** A chain through every kind: conv → pool → upsample → pad → depthwise → crop, each reading the previous type. */
const CHAIN_2D: Spec[] = [
  convSpec('c_chain', 'x', IN2, 4, { kernel: [3, 3], padBegin: [1, 1], padEnd: [1, 1], seed: 7, reuseFactor: 2 }),
  poolSpec('p_chain', 'c_chain', [7, 6, 4], 'max', { kernel: [2, 2], strides: [2, 2] }),
  { kind: 'upsample', name: 'u_chain', from: ['p_chain'], shape: [6, 6, 4], factors: [2, 2] } as Spec,
  { kind: 'pad', name: 'z_chain', from: ['u_chain'], shape: [8, 7, 4], padBegin: [1, 0], padEnd: [1, 1] } as Spec,
  depthwiseSpec('d_chain', 'z_chain', [8, 7, 4], 1, { kernel: [3, 3], seed: 8 }),
  { kind: 'crop', name: 'k_chain', from: ['d_chain'], shape: [4, 3, 4], cropBegin: [1, 1], cropEnd: [1, 1] } as Spec,
];

const IN1 = [12, 4];
const input1: Spec = { kind: 'input', name: 'x', shape: IN1, precision: { result: 'ap_fixed<9,3,AP_RND,AP_SAT>' } };
const LAYERS_1D: Spec[] = [
  convSpec('conv1_same', 'x', IN1, 3, { kernel: [4], padBegin: [1], padEnd: [2], seed: 11 }),
  convSpec('conv1_s2_d2_rf5', 'x', IN1, 4, { kernel: [3], strides: [2], dilations: [2], padBegin: [2], seed: 12, reuseFactor: 5, precision: { accum: 'ap_fixed<10,3,AP_RND,AP_SAT>', result: SAT_RESULT } }),
  depthwiseSpec('dw1_m3', 'x', IN1, 3, { kernel: [5], padBegin: [2], padEnd: [2], seed: 13, precision: { accum: 'ap_fixed<12,4,AP_RND_CONV,AP_SAT_ZERO>' } }),
  poolSpec('max1', 'x', IN1, 'max', { kernel: [3], strides: [3] }),
  poolSpec('avg1_pad', 'x', IN1, 'average', { kernel: [5], strides: [2], padBegin: [2], padEnd: [2], precision: { result: 'ap_fixed<14,3,AP_RND>' } }),
  { kind: 'pad', name: 'pad1', from: ['x'], shape: [15, 4], padBegin: [1], padEnd: [2] } as Spec,
  { kind: 'crop', name: 'crop1', from: ['x'], shape: [7, 4], cropBegin: [3], cropEnd: [2] } as Spec,
  { kind: 'upsample', name: 'up1', from: ['x'], shape: [36, 4], factors: [3] } as Spec,
];

const names = (specs: Spec[]) => specs.map((s) => s.name);

describe('C simulation of the io_parallel convolution family agrees bit for bit with the emulator', () => {
  it('computes 2-D convolutions, depthwise convolutions, pooling, padding, cropping and upsampling of every geometry exactly', { timeout: TIMEOUT }, async () => {
    const graph = windowGraph([input2, ...LAYERS_2D, ...CHAIN_2D], [...names(LAYERS_2D), 'k_chain']);
    const run = await threeWay(graph, 300, 31);
    // the narrow accumulators and results overflow: saturation and wrapping are exercised, not avoided
    expect(overflowsOf(run, 'accum')).toBeGreaterThan(100);
    expect(overflowsOf(run, 'result')).toBeGreaterThan(100);
    const sat = parseFixedType(SAT_RESULT);
    const bounds = [rangeOf(sat).min, rangeOf(sat).max].map((m) => toValue(m, sat));
    expect(run.emulation.output.filter((v) => bounds.includes(v)).length).toBeGreaterThan(100);
  });

  it('computes 1-D layers with strides, dilation, padding and reuse factors exactly', { timeout: TIMEOUT }, async () => {
    const run = await threeWay(windowGraph([input1, ...LAYERS_1D], names(LAYERS_1D)), 400, 32);
    expect(run.csim.outputsCompared).toBe(400 * LAYERS_1D.reduce((a, l) => a + l.shape.reduce((x, y) => x * y, 1), 0));
  });
});
