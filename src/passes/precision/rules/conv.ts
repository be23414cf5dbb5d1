import { quantizeDoubleBig } from '../../../fixed/index.ts';
import { windowIndex, windowTaps } from '../../../ir/window.ts';
import { accumulate } from './accumulate.ts';
import { noAuto } from './dense.ts';
import { firstInShape, type Rule } from './rule.ts';

/**
 * Convolution: for output position p and filter f, the dense contract over the im2col row (tap t, then input channel
 * c; padding taps add an exact 0 and are skipped), docs/arithmetic.md. Output element o = p·nOut + f.
 */
export const conv: Rule<'conv'> = (layer, x, c, _all, inShapes) => {
  const inShape = firstInShape(layer, inShapes);
  const [wt, bt] = [c.type('weight', noAuto), c.type('bias', noAuto)];
  const { nIn, nOut } = layer;
  const index = windowIndex(inShape.slice(0, -1), layer);
  const taps = windowTaps(layer);
  const weights = Array.from(layer.weights, (v) => quantizeDoubleBig(v, wt));
  const biases = Array.from(layer.bias, (v) => quantizeDoubleBig(v, bt));
  const terms = (o: number, visit: (i: number, k: number) => void) => {
    const [p, f] = [Math.floor(o / nOut), o % nOut];
    for (let t = 0; t < taps; t++) {
      const q = index[p * taps + t];
      if (q < 0) continue;
      for (let ch = 0; ch < nIn; ch++) {
        const k = (t * nIn + ch) * nOut + f;
        if (weights[k] !== 0n) visit(q * nIn + ch, k);
      }
    }
  };
  return accumulate({ weights, biases, outputs: (index.length / taps) * nOut, bias: (o) => o % nOut, terms }, x, c, wt, bt);
};

/** Depthwise: output channel ch·m + k of position p sums x[tap, ch] · W[t][ch][k] over the taps, from the bias. */
export const depthwiseConv: Rule<'depthwise_conv'> = (layer, x, c, _all, inShapes) => {
  const inShape = firstInShape(layer, inShapes);
  const [wt, bt] = [c.type('weight', noAuto), c.type('bias', noAuto)];
  const { channels: C, multiplier: m } = layer;
  const nOut = C * m;
  const index = windowIndex(inShape.slice(0, -1), layer);
  const taps = windowTaps(layer);
  const weights = Array.from(layer.weights, (v) => quantizeDoubleBig(v, wt));
  const biases = Array.from(layer.bias, (v) => quantizeDoubleBig(v, bt));
  const terms = (o: number, visit: (i: number, k: number) => void) => {
    const [p, j] = [Math.floor(o / nOut), o % nOut];
    const ch = Math.floor(j / m);
    for (let t = 0; t < taps; t++) {
      const q = index[p * taps + t];
      const k = t * nOut + j; // W[t][ch][k'] with j = ch·m + k'
      if (q >= 0 && weights[k] !== 0n) visit(q * C + ch, k);
    }
  };
  return accumulate({ weights, biases, outputs: (index.length / taps) * nOut, bias: (o) => o % nOut, terms }, x, c, wt, bt);
};
