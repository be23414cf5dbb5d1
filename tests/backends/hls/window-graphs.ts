/**
 * Convolution-family layer specs for HLS and C simulation tests: seeded random weights, any geometry, and a walker
 * that computes a graph's outputs with the independent reference (window-reference.ts).
 */
import { quantizeArray } from '../../../src/fixed/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import type { Layer, PoolOp } from '../../../src/ir/layers.ts';
import { walk } from '../../../src/ir/walk.ts';
import { windowOutputSpatial } from '../../../src/ir/window.ts';
import { dag, randomArray, rng, type LayerSpec } from '../../emulator/build-graph.ts';
import { convReference, depthwiseReference, moveReference, poolReference } from './window-reference.ts';

export type Spec = LayerSpec & { from?: string[]; reuseFactor?: number };

export interface WindowOptions {
  kernel: number[];
  strides?: number[];
  dilations?: number[];
  padBegin?: number[];
  padEnd?: number[];
}

function window(inShape: readonly number[], o: WindowOptions) {
  const r = o.kernel.length;
  const w = {
    kernel: o.kernel,
    strides: o.strides ?? new Array(r).fill(1),
    dilations: o.dilations ?? new Array(r).fill(1),
    padBegin: o.padBegin ?? new Array(r).fill(0),
    padEnd: o.padEnd ?? new Array(r).fill(0),
  };
  return { w, outSpatial: windowOutputSpatial(inShape.slice(0, -1), w) };
}

export function convSpec(name: string, from: string, inShape: readonly number[], nOut: number, o: WindowOptions & { seed: number; precision?: Spec['precision']; reuseFactor?: number }): Spec {
  const { w, outSpatial } = window(inShape, o);
  const nIn = inShape[inShape.length - 1];
  const random = rng(o.seed);
  const taps = o.kernel.reduce((a, b) => a * b, 1);
  return { kind: 'conv', name, from: [from], shape: [...outSpatial, nOut], nIn, nOut, ...w, weights: randomArray(random, taps * nIn * nOut, 1.5 / Math.sqrt(taps * nIn), 0.1), bias: randomArray(random, nOut, 1), precision: o.precision, reuseFactor: o.reuseFactor };
}

export function depthwiseSpec(name: string, from: string, inShape: readonly number[], multiplier: number, o: WindowOptions & { seed: number; precision?: Spec['precision']; reuseFactor?: number }): Spec {
  const { w, outSpatial } = window(inShape, o);
  const channels = inShape[inShape.length - 1];
  const random = rng(o.seed);
  const taps = o.kernel.reduce((a, b) => a * b, 1);
  return { kind: 'depthwise_conv', name, from: [from], shape: [...outSpatial, channels * multiplier], channels, multiplier, ...w, weights: randomArray(random, taps * channels * multiplier, 1.5 / Math.sqrt(taps), 0.1), bias: randomArray(random, channels * multiplier, 1), precision: o.precision, reuseFactor: o.reuseFactor };
}

export function poolSpec(name: string, from: string, inShape: readonly number[], op: PoolOp, o: WindowOptions & { countPad?: boolean; precision?: Spec['precision'] }): Spec {
  const { w, outSpatial } = window(inShape, o);
  return { kind: 'pool', name, from: [from], shape: [...outSpatial, inShape[inShape.length - 1]], op, countPad: o.countPad ?? false, ...w, precision: o.precision };
}

/** A DAG of specs; a spec's `reuseFactor` is applied after the builder's default of 1. */
export function windowGraph(specs: Spec[], outputs: string[]): Graph {
  const g = dag(specs, outputs);
  return { ...g, layers: g.layers.map((l, i) => ({ ...l, reuseFactor: specs[i].reuseFactor ?? 1 }) as Layer) };
}

/** The graph's outputs for a batch of inputs (one input layer), by the independent reference, row after row. */
export function referenceOutputs(graph: Graph, inputs: Float64Array, batch: number): Float64Array {
  const rows: number[] = [];
  const inSize = inputs.length / batch;
  for (let s = 0; s < batch; s++) {
    const values = walk<{ x: Float64Array; layer: Layer }>(graph, (layer, ins) => {
      const [a] = ins;
      const xt = a ? sourceType(graph, a.layer) : layer.precision.result;
      switch (layer.kind) {
        case 'input': return { x: quantizeArray(inputs.subarray(s * inSize, (s + 1) * inSize), layer.precision.result), layer };
        case 'conv': return { x: convReference(layer, a.x, xt, a.layer.shape), layer };
        case 'depthwise_conv': return { x: depthwiseReference(layer, a.x, xt, a.layer.shape), layer };
        case 'pool': return { x: poolReference(layer, a.x, xt, a.layer.shape), layer };
        case 'pad': case 'crop': case 'upsample': return { x: moveReference(layer, a.x, a.layer.shape), layer };
        case 'reshape': return { x: a.x, layer };
        default: throw new Error(`no reference for ${layer.kind}`);
      }
    });
    for (const o of graph.outputs) rows.push(...values.get(o)!.x);
  }
  return Float64Array.from(rows);
}

const MOVES = new Set(['pad', 'crop', 'upsample', 'reshape']);

/** The type of a layer's output values: its own result type, or for a data move (no cast) its producer's. */
function sourceType(graph: Graph, layer: Layer): Layer['precision']['result'] {
  let l = layer;
  while (MOVES.has(l.kind)) l = graph.layers.find((m) => m.name === l.inputs[0])!;
  return l.precision.result;
}
