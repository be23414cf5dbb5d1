/**
 * Emulator throughput of a small CNN (an MNIST-like 28×28×1 → conv 3×3×16 → relu → maxpool 2 → conv 3×3×16 → relu →
 * maxpool 2 → flatten → dense 10, every type ap_fixed<16,6>) against a dense-only model doing the same number of
 * multiply-accumulates per sample (784 → 484 → 10): the ratio says how close the convolution path runs to dense speed.
 */
import { mulberry32, randomInputs } from '../src/data/random-inputs.ts';
import { compileEmulator } from '../src/emulator/index.ts';
import { fixedType } from '../src/fixed/index.ts';
import type { Graph } from '../src/ir/graph.ts';
import type { Layer, Precision } from '../src/ir/layers.ts';
import { windowTaps } from '../src/ir/window.ts';
import { best } from './timing.ts';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const T = fixedType(16, 6);
const precision: Precision = { result: T, weight: T, bias: T, accum: T };
const random = mulberry32(7);
const weights = (n: number, fanIn: number) => Float64Array.from({ length: n }, () => ((random() * 2 - 1) * 2) / Math.sqrt(fanIn));

type Spec = Omit<Layer, 'inputs' | 'precision' | 'reuseFactor' | 'strategy'>;
const chainOf = (name: string, specs: Spec[]): Graph => ({
  name,
  layers: specs.map((s, i) => ({ ...s, inputs: i ? [specs[i - 1].name] : [], precision, reuseFactor: 1, strategy: 'latency' }) as Layer),
  outputs: [specs[specs.length - 1].name],
});
const window = (k: number, s = 1) => ({ kernel: [k, k], strides: [s, s], dilations: [1, 1], padBegin: [0, 0], padEnd: [0, 0] });
const conv = (name: string, out: number, nIn: number, shape: number[]): Spec =>
  ({ kind: 'conv', name, shape, nIn, nOut: 16, ...window(3), weights: weights(9 * nIn * 16, 9 * nIn), bias: weights(16, 9) }) as Spec;
const dense = (name: string, nIn: number, nOut: number): Spec =>
  ({ kind: 'dense', name, shape: [nOut], nIn, nOut, weights: weights(nIn * nOut, nIn), bias: weights(nOut, nIn) }) as Spec;

export const cnn = chainOf('cnn', [
  { kind: 'input', name: 'x', shape: [28, 28, 1] } as Spec,
  conv('conv1', 16, 1, [26, 26, 16]),
  { kind: 'relu', name: 'relu1', shape: [26, 26, 16] } as Spec,
  { kind: 'pool', name: 'pool1', op: 'max', countPad: false, shape: [13, 13, 16], ...window(2, 2) } as Spec,
  conv('conv2', 16, 16, [11, 11, 16]),
  { kind: 'relu', name: 'relu2', shape: [11, 11, 16] } as Spec,
  { kind: 'pool', name: 'pool2', op: 'max', countPad: false, shape: [5, 5, 16], ...window(2, 2) } as Spec,
  { kind: 'reshape', name: 'flatten', shape: [400] } as Spec,
  dense('fc', 400, 10),
]);
export const mlp = chainOf('mlp', [{ kind: 'input', name: 'x', shape: [784] } as Spec, dense('fc1', 784, 484), { kind: 'relu', name: 'r', shape: [484] } as Spec, dense('fc2', 484, 10)]);

/** Multiply-accumulates per sample: Σ over conv/dense layers of outputs × terms per output. */
export function macs(g: Graph): number {
  let n = 0;
  for (const l of g.layers) {
    if (l.kind === 'dense') n += l.nIn * l.nOut;
    if (l.kind === 'conv') n += (l.shape.reduce((a, b) => a * b, 1) / l.nOut) * windowTaps(l) * l.nIn * l.nOut;
  }
  return n;
}

export function benchConvEmulator(report: (what: string, value: string) => void, n = 2000): void {
  const x = randomInputs(n, 784, 5, 1.5).data;
  const rate = (g: Graph) => n / best(3, () => compileEmulator(g).run(x, n));
  const [c, d] = [rate(cnn), rate(mlp)];
  const fmt = (v: number) => Math.round(v).toLocaleString('en');
  report(`emulator, CNN 28×28 (${fmt(macs(cnn))} MAC/sample), fixed`, `${fmt(c)} samples/s (${(c * macs(cnn) / 1e6).toFixed(0)} M MAC/s)`);
  report(`emulator, dense 784-484-10 (${fmt(macs(mlp))} MAC/sample), fixed`, `${fmt(d)} samples/s (${(d * macs(mlp) / 1e6).toFixed(0)} M MAC/s)`);
  report('ratio CNN / same-MAC dense (MAC throughput)', `${((c * macs(cnn)) / (d * macs(mlp))).toFixed(2)}×`);
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? "")).href) benchConvEmulator((what, value) => console.log(`${what.padEnd(56)} ${value}`));
