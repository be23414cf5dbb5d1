import { reciprocal } from '../../../fixed/reciprocal.ts';
import { windowIndex, windowOutputSpatial, windowTaps } from '../../../ir/window.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, maxFx, mulFx, type Fx } from '../netlist/fx.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { combLayer } from './comb-layer.ts';
import { tree } from './merge.ts';
import { checkUnrolled } from './unroll-limit.ts';
import type { RtlLayer } from './types.ts';

/**
 * pool in io_parallel (docs/arithmetic.md, "Pooling"): every (output position, channel) at once over the taps the one
 * geometry gathers (src/ir/window.ts). max: a balanced tree of exact comparisons over the non-padding taps, then
 * Q_result. average: the exact sum of those taps (a balanced tree of exact adders; a counted padding tap adds 0),
 * times the constant r_n (src/fixed/reciprocal.ts; n = the taps that count), an exact product, then Q_result.
 */
export const pool: RtlLayer<'pool'> = (layer, ctx) => {
  const shape = ctx.inputs[0].shape;
  const [inSpatial, channels] = [shape.slice(0, -1), shape[shape.length - 1]];
  const outSpatial = windowOutputSpatial(inSpatial, layer);
  const taps = windowTaps(layer);
  const positions = outSpatial.reduce((a, b) => a * b, 1);
  const index = windowIndex(inSpatial, layer);
  const size = positions * channels;
  checkUnrolled(layer, ctx.file, { operations: size * (taps - 1), unit: layer.op === 'max' ? 'comparators' : 'adders', outputs: size, shared: false });
  const res = layer.precision.result;
  const build = (b: ModuleBuilder, xs: Fx[]) => {
    const ys = [];
    for (let p = 0; p < positions; p++) {
      const valid: number[] = [];
      for (let t = 0; t < taps; t++) if (index[p * taps + t] >= 0) valid.push(index[p * taps + t]);
      if (valid.length === 0 && layer.op === 'max') throw new Error(`layer '${layer.name}': output position ${p} has no input tap (the window lies in the padding)`);
      for (let c = 0; c < channels; c++) {
        if (valid.length === 0) {
          ys.push(b.constant(0n, res.width, false)); // an average over no tap that counts, or over padding only: 0
          continue;
        }
        const h = `q${p}_c${c}`;
        const vs = valid.map((q) => xs[q * channels + c]);
        let v: Fx;
        if (layer.op === 'max') v = tree(vs, (x, y) => maxFx(b, x, y, `${h}_max`));
        else {
          const sum = tree(vs, (x, y) => addFx(b, x, y, `${h}_sum`));
          const r = reciprocal(layer.countPad ? taps : valid.length);
          const shift = Math.log2(r.mantissa);
          // n a power of two: r_n = 2^−k exactly, the sum read k bits finer; otherwise one constant multiplier
          v = Number.isInteger(shift)
            ? { sig: sum.sig, frac: sum.frac + r.frac - shift }
            : mulFx(b, sum, { sig: b.constant(BigInt(r.mantissa), Math.ceil(Math.log2(r.mantissa)) + 1, true), frac: r.frac }, `${h}_avg`);
        }
        ys.push(castFx(b, v, res, `y${p}_${c}`).sig);
      }
    }
    return ys;
  };
  const geometry =
    `[${inSpatial.join('x')}] -> [${outSpatial.join('x')}] x ${channels} channels, kernel ${layer.kernel.join('x')}, strides ${layer.strides.join('x')}, ` +
    `dilations ${layer.dilations.join('x')}, pads [${layer.padBegin.join(', ')}] / [${layer.padEnd.join(', ')}]`;
  const how = layer.op === 'max' ? 'a tree of exact comparisons over the non-padding taps, then Q_result' : `exact sum times r_n (n = ${layer.countPad ? 'every tap' : 'the non-padding taps'}), then Q_result`;
  return combLayer(layer, ctx, { type: res, size }, build, [`${layer.op} pool ${geometry}: ${how}`]);
};
