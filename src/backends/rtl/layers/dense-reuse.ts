import { fracBits } from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { mulFx, type Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';
import { chain, tree } from './accumulate.ts';
import { layerComment, toModule } from './comb-layer.ts';
import type { DenseConstants } from './dense-constants.ts';
import { pack, packedWidth, unpack, fxWidth } from './ports.ts';
import type { LayerContext, LayerHardware } from './types.ts';

/**
 * Dense with reuse factor R > 1: G = ceil(nIn / R) multiplier slots per output, each shared over R cycles.
 * Timeline (t0 = the cycle `start` is high with a valid x):
 *   t0        x is loaded into a shift register of nIn elements
 *   t0+1+c    slot k multiplies element c·G + k (ascending) by its weight, selected by the cycle counter c = 0…R−1
 *   t0+2+c    the registered products of group c are accumulated in ascending order (chain) or summed (tree);
 *             group 0 starts from Q_accum(bq_j) (flag `first`)
 *   t0+R+2    the final sum is cast to the result type and captured in y (flag `done`)
 * Latency R + 3, a new sample every R cycles.
 */
export function denseReuse(layer: LayerOf<'dense'>, ctx: LayerContext, k: DenseConstants): LayerHardware {
  const r = layer.reuseFactor;
  const g = Math.ceil(k.nIn / r);
  const b = new ModuleBuilder();
  b.port('input', 'clk', 1);
  b.port('input', 'rst', 1);
  const start = b.port('input', 'start', 1);
  const xPort = b.port('input', 'x', packedWidth(ctx.inSize, ctx.inType));
  const yPort = b.port('output', 'y', packedWidth(k.nOut, k.result));
  const xs = unpack(b, xPort, ctx.inSize, ctx.inType);
  const xw = xs[0].sig.width;
  const frac = xs[0].frac;

  // input shift register: element p moves down by G each cycle, so slot k sees element c·G + k in cycle c
  const total = g * r;
  const sh: Sig[] = Array.from({ length: total }, (_, p) => b.sig(xw, true, `sh${p}`));
  const zeroX = b.constant(0n, xw, true);
  sh.forEach((q, p) => b.reg(b.mux(start, p < k.nIn ? xs[p].sig : zeroX, p + g < total ? sh[p + g] : zeroX, `sh${p}_n`), { out: q }));

  // cycle counter and phase flags
  const cw = Math.max(1, Math.ceil(Math.log2(r + 1)));
  const cnt = b.sig(cw, false, 'cnt');
  b.reg(b.mux(start, b.constant(0n, cw, false), b.slice(b.add(cnt, b.constant(1n, 2, true), 'cnt_inc'), 0, cw, 'cnt_inc'), 'cnt_n'), { out: cnt });
  const ph: Sig[] = [];
  for (let p = 0; p <= r + 1; p++) ph.push(b.reg(p === 0 ? start : ph[p - 1], { reset: 0n, hint: `ph${p}` }));
  const [first, done] = [ph[1], ph[r + 1]];
  const isCycle = Array.from({ length: r }, (_, c) => b.eq(cnt, b.constant(BigInt(c), cw + 1, true), `cyc${c}`));

  const accFrac = fracBits(k.accum);
  const wFrac = fracBits(k.weightType);
  const ww = fxWidth(k.weightType);
  let multipliers = 0;
  const ys: Sig[] = [];
  for (let j = 0; j < k.nOut; j++) {
    const products: Fx[] = [];
    for (let s = 0; s < g; s++) {
      const weights = Array.from({ length: r }, (_, c) => (c * g + s < k.nIn ? k.weight[(c * g + s) * k.nOut + j] : 0));
      if (weights.every((w) => w === 0)) continue;
      // the weight of this slot in cycle c: a mux over the R constants
      let w = b.constant(BigInt(weights[r - 1]), ww, true);
      for (let c = r - 2; c >= 0; c--) w = b.mux(isCycle[c], b.constant(BigInt(weights[c]), ww, true), w, `w${s}_${j}`);
      const p = mulFx(b, { sig: sh[s], frac }, { sig: w, frac: wFrac }, `m${s}_${j}`);
      products.push({ sig: b.reg(p.sig, { hint: `p${s}_${j}` }), frac: p.frac });
      multipliers++;
    }
    const acc = b.sig(fxWidth(k.accum), true, `acc${j}`);
    const init = b.constant(BigInt(k.accInit[j]), fxWidth(k.accum), true);
    const base: Fx = { sig: b.mux(first, init, acc, `base${j}`), frac: accFrac };
    const next = (k.orderFree ? tree : chain)(b, base, products, k.accum, `o${j}`);
    b.reg(b.resize(next.sig, acc.width, true, `acc${j}_n`), { out: acc });
    ys.push(b.reg(castFx(b, { sig: acc, frac: accFrac }, k.result, `res${j}`).sig, { en: done, hint: `y${j}` }));
  }
  pack(b, yPort, ys, k.result);
  const latency = r + 3;
  const mode = k.orderFree ? 'adder tree per cycle' : 'ascending add+cast chain per cycle';
  const comment = [
    ...layerComment(layer, ctx),
    `dense ${k.nIn} -> ${k.nOut}, reuse factor ${r}: ${multipliers} shared multipliers, ${g} inputs per cycle, ${mode}`,
    `latency ${latency} cycles, II ${r}: start must be high only with a valid x, at most every ${r} cycles`,
  ];
  return { module: toModule(b, ctx.moduleName, comment), latency, ii: r, outType: k.result, outSize: k.nOut, sequential: true };
}
