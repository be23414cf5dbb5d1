import { doubleParts } from '../../../fixed/double-parts.ts';
import { quantizeDouble, fracBits, type FixedType } from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, align, mulFx, type Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';
import { combLayer } from './comb-layer.ts';
import { fxWidth } from './ports.ts';
import type { RtlLayer } from './types.ts';

const result = (l: { name: string; precision: { result: FixedType } }): FixedType => l.precision.result;

export function need(layer: { name: string; kind: string; precision: Partial<Record<string, FixedType>> }, v: string): FixedType {
  const t = layer.precision[v];
  if (!t) throw new Error(`layer '${layer.name}' (${layer.kind}): precision '${v}' is not set (run apply-config first)`);
  return t;
}

/** A constant of type t given by its mantissa. */
export const constOf = (b: ModuleBuilder, mantissa: number, t: FixedType): Fx => ({
  sig: b.constant(BigInt(mantissa), fxWidth(t), true),
  frac: fracBits(t),
});

const zero = (b: ModuleBuilder): Fx => ({ sig: b.constant(0n, 1, true), frac: 0 });

/** x < 0, the sign bit of an Fx (no comparator: x > 0 ? x : f(x) equals x < 0 ? f(x) : x when f(0) = 0) */
export const negative = (b: ModuleBuilder, x: Fx, hint: string): Sig => b.slice(x.sig, x.sig.width - 1, 1, hint);

/**
 * Q_t(x > 0 ? x : 0) = x < 0 ? 0 : Q_t(x) (Q(0) = 0): the cast of x ≥ 0 only, then one clamp-to-zero from the sign
 * bit, which shares the LUT level of the cast's saturation multiplexer
 */
export function reluFx(b: ModuleBuilder, x: Fx, t: FixedType, i: number | string): Sig {
  const y = castFx(b, x, t, `y${i}`, true).sig;
  return b.mux(negative(b, x, `neg${i}`), b.constant(0n, y.width, true), y, `relu${i}`);
}

/** relu: y = Q_result(x > 0 ? x : 0) */
export const relu: RtlLayer<'relu'> = (layer, ctx) =>
  combLayer(layer, ctx, { type: result(layer), size: ctx.inSize }, (b, xs) => xs.map((x, i) => reluFx(b, x, result(layer), i)));

/** abs: y = Q_result(x < 0 ? −x : x), the negation one bit wider (exact) */
export const abs: RtlLayer<'abs'> = (layer, ctx) =>
  combLayer(layer, ctx, { type: result(layer), size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => {
      const neg = b.sub(zero(b).sig, x.sig, `neg${i}`);
      return castFx(b, { sig: b.mux(negative(b, x, `sgn${i}`), neg, x.sig, `abs${i}`), frac: x.frac }, result(layer), `y${i}`).sig;
    }),
  );

/** leaky_relu: y = Q_result(x > 0 ? x : αq · x), the product exact */
export const leakyRelu: RtlLayer<'leaky_relu'> = (layer, ctx) => {
  const param = need(layer, 'param');
  const alpha = quantizeDouble(layer.alpha, param);
  return combLayer(layer, ctx, { type: result(layer), size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => {
      const neg = alpha === 0 ? zero(b) : mulFx(b, x, constOf(b, alpha, param), `ax${i}`);
      const frac = Math.max(x.frac, neg.frac);
      const v = b.mux(negative(b, x, `sgn${i}`), align(b, neg, frac).sig, align(b, x, frac).sig, `lrelu${i}`);
      return castFx(b, { sig: v, frac }, result(layer), `y${i}`).sig;
    }),
  );
};

/** linear: y = Q_result(x) */
export const linear: RtlLayer<'linear'> = (layer, ctx) =>
  combLayer(layer, ctx, { type: result(layer), size: ctx.inSize }, (b, xs) => xs.map((x, i) => castFx(b, x, result(layer), `y${i}`).sig));

/** clip: y = x < lo ? Q_result(lo) : x > hi ? Q_result(hi) : Q_result(x), comparisons exact */
export const clip: RtlLayer<'clip'> = (layer, ctx) => {
  const t = result(layer);
  const frac = fracBits(ctx.inType);
  const [qlo, qhi] = [layer.min, layer.max].map((v) => (Number.isFinite(v) ? quantizeDouble(v, t) : 0));
  return combLayer(layer, ctx, { type: t, size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => {
      let y = castFx(b, x, t, `y${i}`).sig;
      // x > hi ⇔ m > floor(hi · 2^F);  x < lo ⇔ m < ceil(lo · 2^F)   (m the integer mantissa of x)
      const above = compareConst(b, x.sig, layer.max, frac, 'gt', `above${i}`);
      if (above) y = b.mux(above, constOf(b, qhi, t).sig, y, `hi${i}`);
      const below = compareConst(b, x.sig, layer.min, frac, 'lt', `below${i}`);
      if (below) y = b.mux(below, constOf(b, qlo, t).sig, y, `lo${i}`);
      return y;
    }),
  );
};

/** m > floor(v·2^F) or m < ceil(v·2^F) as a 1-bit signal; undefined when it is never true for m's width. */
export function compareConst(b: ModuleBuilder, m: Sig, v: number, frac: number, rel: 'gt' | 'lt', hint: string): Sig | undefined {
  if (Number.isNaN(v)) return undefined;
  const [mMin, mMax] = [-(1n << BigInt(m.width - 1)), (1n << BigInt(m.width - 1)) - 1n];
  let k: bigint;
  if (!Number.isFinite(v)) k = v > 0 ? mMax + 1n : mMin - 1n;
  else {
    const p = doubleParts(v); // v = mantissa · 2^−p.frac exactly
    const e = frac - p.frac;
    const mant = BigInt(p.mantissa);
    k = e >= 0 ? mant << BigInt(e) : rel === 'gt' ? floorDiv(mant, 1n << BigInt(-e)) : -floorDiv(-mant, 1n << BigInt(-e));
  }
  const always = b.constant(1n, 1, false);
  if (rel === 'gt') return k >= mMax ? undefined : k < mMin ? always : b.gt(m, b.constant(k, m.width, true), hint);
  return k <= mMin ? undefined : k > mMax ? always : b.lt(m, b.constant(k, m.width, true), hint);
}

const floorDiv = (a: bigint, d: bigint): bigint => (a >= 0n ? a / d : -((-a + d - 1n) / d));

/** batchnorm: y_c = Q_result(x_c · sq_c + bq_c), exact product and sum */
export const batchnorm: RtlLayer<'batchnorm'> = (layer: LayerOf<'batchnorm'>, ctx) => {
  const [scaleT, biasT] = [need(layer, 'scale'), need(layer, 'bias')];
  const sq = Array.from(layer.scale, (s) => quantizeDouble(s, scaleT));
  const bq = Array.from(layer.bias, (v) => quantizeDouble(v, biasT));
  return combLayer(layer, ctx, { type: result(layer), size: ctx.inSize }, (b, xs) =>
    xs.map((x, i) => {
      const c = i % sq.length;
      const prod = sq[c] === 0 ? zero(b) : mulFx(b, x, constOf(b, sq[c], scaleT), `xs${i}`);
      const sum = bq[c] === 0 ? prod : addFx(b, prod, constOf(b, bq[c], biasT), `bn${i}`);
      return castFx(b, sum, result(layer), `y${i}`).sig;
    }),
  );
};
