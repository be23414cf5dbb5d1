/** A plain double-precision forward pass over the IR (a test oracle for the frontend, not the fixed-point emulator). */
import type { Graph } from '../../../src/ir/graph.ts';
import type { Layer } from '../../../src/ir/layers.ts';
import { quantValue } from '../../../src/ir/quantizer.ts';
import { spatialForward, transposeForward, windowForward } from './float-window.ts';

function softmaxLastAxis(x: Float64Array, n: number): Float64Array {
  const y = new Float64Array(x.length);
  for (let at = 0; at < x.length; at += n) {
    const row = x.subarray(at, at + n);
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    e.forEach((v, j) => (y[at + j] = v / s));
  }
  return y;
}

function apply(l: Layer, x: Float64Array, inShape: readonly number[]): Float64Array {
  switch (l.kind) {
    case 'input':
    case 'identity':
    case 'reshape': // the same row-major values under a new shape
    case 'linear':
      return x;
    case 'dense': {
      const y = Float64Array.from(l.bias);
      for (let i = 0; i < l.nIn; i++) for (let j = 0; j < l.nOut; j++) y[j] += x[i] * l.weights[i * l.nOut + j];
      return y;
    }
    case 'batchnorm':
      return x.map((v, i) => v * l.scale[i % l.scale.length] + l.bias[i % l.bias.length]);
    case 'abs':
      return x.map(Math.abs);
    case 'relu':
      return x.map((v) => Math.max(v, 0));
    case 'leaky_relu':
      return x.map((v) => (v > 0 ? v : l.alpha * v));
    case 'clip':
      return x.map((v) => Math.min(Math.max(v, l.min), l.max));
    case 'sigmoid':
      return x.map((v) => 1 / (1 + Math.exp(-v)));
    case 'tanh':
      return x.map(Math.tanh);
    case 'softmax':
      return softmaxLastAxis(x, l.shape[l.shape.length - 1]);
    case 'transpose':
      return transposeForward(l, x);
    case 'conv':
    case 'depthwise_conv':
    case 'pool':
      return windowForward(l, x, inShape);
    case 'pad':
    case 'crop':
    case 'upsample':
      return spatialForward(l, x, inShape);
    case 'selu':
      return x.map((v) => l.scale * (v > 0 ? v : l.alpha * Math.expm1(v)));
    case 'quant':
      return x.map((v, i) => quantValue(l, v, i % l.shape[l.shape.length - 1]));
    default:
      // data-moving and multi-input kinds are checked against onnxruntime-node instead
      throw new Error(`floatForward models single-input arithmetic layers, not '${l.kind}'`);
  }
}

/** Output values of the graph's first output for one input sample (flattened row-major). */
export function floatForward(g: Graph, input: ArrayLike<number>): Float64Array {
  const values = new Map<string, Float64Array>();
  const shapes = new Map(g.layers.map((l) => [l.name, l.shape]));
  for (const l of g.layers) {
    const x = l.kind === 'input' ? Float64Array.from(input) : values.get(l.inputs[0])!;
    values.set(l.name, apply(l, x, l.kind === 'input' ? l.shape : shapes.get(l.inputs[0])!));
  }
  return values.get(g.outputs[0])!;
}
