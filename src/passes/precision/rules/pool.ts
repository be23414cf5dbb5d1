import { reciprocal } from '../../../fixed/index.ts';
import { validTaps, windowIndex, windowTaps } from '../../../ir/window.ts';
import { castRanges, hull, up, type Ranges } from '../interval.ts';
import { firstInShape, type Rule } from './rule.ts';

/**
 * Pooling per channel (docs/arithmetic.md): max is monotonic, [max lo, max hi] over the taps that read the input;
 * average: s · r_n with s in [Σ lo, Σ hi] (padding, when counted, adds 0) and r_n > 0 exact on 18 + ⌈log2 n⌉ bits,
 * all on the finest grid. An auto result holds the exact values. A window with no tap that counts gives 0.
 */
export const pool: Rule<'pool'> = (layer, x, c, _all, inShapes) => {
  const inShape = firstInShape(layer, inShapes);
  const C = inShape[inShape.length - 1];
  const index = windowIndex(inShape.slice(0, -1), layer);
  const taps = windowTaps(layer);
  const positions = index.length / taps;
  const n = layer.countPad ? new Int32Array(positions).fill(taps) : validTaps(index, taps);
  const r = Array.from(n, (k) => (k === 0 ? { mantissa: 0, frac: 0 } : reciprocal(k)));
  const g = layer.op === 'max' ? x.frac : x.frac + Math.max(0, ...r.map((ri) => ri.frac));
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let p = 0; p < positions; p++)
    for (let ch = 0; ch < C; ch++) {
      const [ls, hs]: bigint[][] = [[], []];
      for (let t = 0; t < taps; t++) {
        const q = index[p * taps + t];
        if (q >= 0) ls.push(x.lo[q * C + ch]), hs.push(x.hi[q * C + ch]);
      }
      if (ls.length === 0) {
        lo.push(0n), hi.push(0n);
      } else if (layer.op === 'max') {
        lo.push(ls.reduce((a, b) => (b > a ? b : a))), hi.push(hs.reduce((a, b) => (b > a ? b : a)));
      } else {
        const m = BigInt(r[p].mantissa);
        const [sl, sh] = [ls.reduce((a, b) => a + b, 0n), hs.reduce((a, b) => a + b, 0n)];
        lo.push(up(sl * m, x.frac + r[p].frac, g)), hi.push(up(sh * m, x.frac + r[p].frac, g));
      }
    }
  const pre: Ranges = { frac: g, lo, hi };
  return castRanges(pre, c.type('result', () => hull(pre)));
};
