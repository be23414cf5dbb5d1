/** Double-precision reference of the data-moving and windowed layer kinds, for the frontend's onnxruntime tests. */
import type { LayerOf } from '../../../src/ir/layers.ts';
import { transposeIndex, transposeInputShape } from '../../../src/ir/tensor.ts';
import { windowIndex, windowTaps } from '../../../src/ir/window.ts';

type Windowed = LayerOf<'conv'> | LayerOf<'depthwise_conv'> | LayerOf<'pool'>;

const spatialOf = (shape: readonly number[]): number[] => shape.slice(0, -1);
const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

export function windowForward(l: Windowed, x: Float64Array, inShape: readonly number[]): Float64Array {
  const inSp = spatialOf(inShape);
  const c = inShape[inShape.length - 1];
  const index = windowIndex(inSp, l);
  const taps = windowTaps(l);
  const positions = index.length / taps;
  const outC = l.shape[l.shape.length - 1];
  const y = new Float64Array(positions * outC);
  for (let p = 0; p < positions; p++) {
    for (let o = 0; o < outC; o++) {
      let acc = l.kind === 'pool' ? (l.op === 'max' ? -Infinity : 0) : l.bias[o];
      let n = 0;
      for (let t = 0; t < taps; t++) {
        const q = index[p * taps + t];
        if (l.kind === 'pool') {
          if (q < 0) { if (l.countPad) n++; continue; }
          n++;
          acc = l.op === 'max' ? Math.max(acc, x[q * c + o]) : acc + x[q * c + o];
        } else if (q >= 0 && l.kind === 'conv') {
          for (let i = 0; i < l.nIn; i++) acc += x[q * c + i] * l.weights[(t * l.nIn + i) * l.nOut + o];
        } else if (q >= 0 && l.kind === 'depthwise_conv') {
          const ch = Math.floor(o / l.multiplier);
          acc += x[q * c + ch] * l.weights[(t * l.channels + ch) * l.multiplier + (o % l.multiplier)];
        }
      }
      y[p * outC + o] = l.kind === 'pool' && l.op === 'average' ? acc / n : acc;
    }
  }
  return y;
}

export function transposeForward(l: LayerOf<'transpose'>, x: Float64Array): Float64Array {
  const index = transposeIndex(transposeInputShape(l.shape, l.perm), l.perm);
  return Float64Array.from(index, (i) => x[i]);
}

/** pad (zeros), crop, upsample (nearest): out position → in position per spatial axis, or −1 for padding. */
export function spatialForward(l: LayerOf<'pad'> | LayerOf<'crop'> | LayerOf<'upsample'>, x: Float64Array, inShape: readonly number[]): Float64Array {
  const outSp = spatialOf(l.shape);
  const inSp = spatialOf(inShape);
  const c = l.shape[l.shape.length - 1];
  const source = (a: number, o: number): number => {
    const i = l.kind === 'pad' ? o - l.padBegin[a] : l.kind === 'crop' ? o + l.cropBegin[a] : Math.floor(o / l.factors[a]);
    return i >= 0 && i < inSp[a] ? i : -1;
  };
  const y = new Float64Array(size(l.shape));
  for (let p = 0; p < size(outSp); p++) {
    let rest = p;
    let q = 0;
    for (let a = outSp.length - 1, stride = 1; a >= 0; a--) {
      const i = source(a, rest % outSp[a]);
      rest = Math.floor(rest / outSp[a]);
      q = q < 0 || i < 0 ? -1 : q + i * stride;
      stride *= inSp[a];
    }
    for (let k = 0; k < c; k++) y[p * c + k] = q < 0 ? 0 : x[q * c + k];
  }
  return y;
}
