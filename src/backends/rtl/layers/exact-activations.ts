import { fracBits, quantizeDouble, type FixedType } from '../../../fixed/index.ts';
import { hardTanhAsClip } from '../../../ir/hard-tanh.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, align, mulFx, type Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';
import { combLayer } from './comb-layer.ts';
import { clip, compareConst, constOf, need, negative } from './elementwise.ts';
import { fxWidth } from './ports.ts';
import type { RtlLayer } from './types.ts';

const zero = (b: ModuleBuilder): Sig => b.constant(0n, 1, true);
/** A signed constant just wide enough for v. */
export const signedConst = (b: ModuleBuilder, v: bigint): Sig => b.constant(v, (v < 0n ? -v : v + 1n).toString(2).length + 1, true);
/** Q_t(v) of a constant, as a signal of t's internal width. */
const castConst = (b: ModuleBuilder, v: number, t: FixedType): Sig => constOf(b, quantizeDouble(v, t), t).sig;

/** prelu: y = Q_result(x > 0 ? x : αq_c · x), c = i mod channels, the product exact */
export const prelu: RtlLayer<'prelu'> = (layer, ctx) => {
  const param = need(layer, 'param');
  const res = layer.precision.result;
  const alpha = Array.from(layer.alpha, (a) => quantizeDouble(a, param));
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => {
      const a = alpha[i % alpha.length];
      const neg: Fx = a === 0 ? { sig: zero(b), frac: 0 } : mulFx(b, x, constOf(b, a, param), `ax${i}`);
      const frac = Math.max(x.frac, neg.frac);
      return castFx(b, { sig: b.mux(negative(b, x, `sgn${i}`), align(b, neg, frac).sig, align(b, x, frac).sig, `prelu${i}`), frac }, res, `y${i}`).sig;
    }),
  );
};

/** hard_sigmoid: t = αq · x + βq exact; y = t ≤ 0 ? 0 : t ≥ 1 ? Q_result(1) : Q_result(t) */
export const hardSigmoid: RtlLayer<'hard_sigmoid'> = (layer, ctx) => {
  const param = need(layer, 'param');
  const res = layer.precision.result;
  const [a, c] = [quantizeDouble(layer.alpha, param), quantizeDouble(layer.beta, param)];
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) => xs.map((x, i) => hardSigmoidFx(b, x, { a, c, param, res }, `${i}`)));
};

/** hard_sigmoid of one value, αq = a and βq = c mantissas of type param (also a recurrent cell's activation). */
export function hardSigmoidFx(b: ModuleBuilder, x: Fx, k: { a: number; c: number; param: FixedType; res: FixedType }, i: string): Sig {
  const { a, c, param, res } = k;
  const beta = constOf(b, c, param);
  const t = a === 0 ? beta : addFx(b, mulFx(b, x, constOf(b, a, param), `ax${i}`), beta, `t${i}`);
  // t ≤ 0 ⇔ mantissa < 1;  t ≥ 1 ⇔ mantissa > 2^F − 1 (F ≥ 0), mantissa > 0 (F < 0)
  const low = b.lt(t.sig, signedConst(b, 1n), `low${i}`);
  const high = b.gt(t.sig, signedConst(b, t.frac >= 0 ? (1n << BigInt(t.frac)) - 1n : 0n), `high${i}`);
  const mid = castFx(b, t, res, `c${i}`).sig;
  return b.mux(low, zero(b), b.mux(high, castConst(b, 1, res), mid, `sat${i}`), `y${i}`);
}

/** hard_tanh is clip(−1, 1) */
export const hardTanh: RtlLayer<'hard_tanh'> = (layer, ctx) => clip(hardTanhAsClip(layer), ctx);

/** thresholded_relu: y = x > θ ? Q_result(x) : 0 */
export const thresholdedRelu: RtlLayer<'thresholded_relu'> = (layer, ctx) => {
  const res = layer.precision.result;
  const frac = fracBits(ctx.inType);
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => {
      const above = compareConst(b, x.sig, layer.theta, frac, 'gt', `above${i}`);
      return above ? b.mux(above, castFx(b, x, res, `c${i}`).sig, zero(b), `y${i}`) : b.resize(zero(b), fxWidth(res), true, `y${i}`);
    }),
  );
};

/** binary_tanh: y = x > 0 ? Q_result(1) : Q_result(−1) */
export const binaryTanh: RtlLayer<'binary_tanh'> = (layer, ctx) => {
  const res = layer.precision.result;
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => b.mux(b.gt(x.sig, zero(b), `pos${i}`), castConst(b, 1, res), castConst(b, -1, res), `y${i}`)),
  );
};

/** ternary_tanh: y = x > θ ? Q_result(1) : x > −θ ? 0 : Q_result(−1) */
export const ternaryTanh: RtlLayer<'ternary_tanh'> = (layer, ctx) => {
  const res = layer.precision.result;
  const frac = fracBits(ctx.inType);
  return combLayer(layer, ctx, { type: res, size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => {
      const above = compareConst(b, x.sig, layer.threshold, frac, 'gt', `above${i}`);
      const middle = compareConst(b, x.sig, -layer.threshold, frac, 'gt', `mid${i}`);
      let y = castConst(b, -1, res);
      if (middle) y = b.mux(middle, b.resize(zero(b), y.width, true), y, `m${i}`);
      if (above) y = b.mux(above, castConst(b, 1, res), y, `y${i}`);
      return y;
    }),
  );
};
