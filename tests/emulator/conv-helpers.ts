import { expect } from 'vitest';
import { emulate, KERNELS } from '../../src/emulator/index.ts';
import type { FixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, LayerOf } from '../../src/ir/layers.ts';
import { tensor } from '../../src/ir/tensor.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { chain, conv, depthwiseConv, type WindowOptions } from './build-graph.ts';
import { referenceEmulate } from './reference.ts';

/** Test helpers for the convolution family: the oracle comparison, a one-layer graph, the kernel variant taken. */
export function expectOracle(g: Graph, inputs: Float64Array, batch: number): void {
  verifyGraph(g, { configured: true });
  const got = emulate(g, inputs, batch);
  const want = referenceEmulate(g, inputs, batch);
  expect(Array.from(got.output)).toEqual(want.output);
  expect(got.overflowsByVar).toEqual(want.overflowsByVar);
}

export interface Types {
  input: FixedType;
  weight: FixedType;
  accum: FixedType;
  result: FixedType;
}

export function convGraph(kind: 'conv' | 'depthwise_conv', inShape: number[], window: WindowOptions, t: Types, random: () => number, out = 3): Graph {
  const o = { ...window, random, weightScale: 2 ** (t.weight.integer - 1), zeros: 0.1, precision: { weight: t.weight, bias: t.weight, accum: t.accum, result: t.result } };
  const layer = kind === 'conv' ? conv('c', inShape, out, o) : depthwiseConv('c', inShape, out, o);
  return chain([{ kind: 'input', name: 'x', shape: inShape, precision: { result: t.input } }, layer]);
}

export const variantOf = (g: Graph): string | undefined => {
  const [input, layer] = g.layers as [LayerOf<'input'>, Layer];
  const kernel = KERNELS[layer.kind] as { fixed: (l: Layer, ...rest: unknown[]) => { variant?: string } };
  return kernel.fixed(layer, [tensor(input.shape, input.precision.result)], { stats: () => ({ overflows: 0 }) }).variant;
};

