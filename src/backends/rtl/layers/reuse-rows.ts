import { signalPrefix } from '../names.ts';
import { fracBits, type FixedType } from '../../../fixed/index.ts';
import type { Layer } from '../../../ir/layers.ts';
import { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { mulFx, type Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';
import { chain, tree } from './accumulate.ts';
import { layerComment, toModule } from './comb-layer.ts';
import type { DotRow } from './dot-rows.ts';
import { fxWidth, pack, packedWidth, unpack } from './ports.ts';
import type { LayerContext, LayerHardware } from './types.ts';

/**
 * Dense products with reuse factor R > 1 (dense, and every output position of a convolution at once): per row
 * G = ceil(nIn / R) multiplier slots per output, each shared over R cycles.
 * Timeline (t0 = the cycle `start` is high with a valid x):
 *   t0        each row's input vector is loaded into its shift register of G·R elements (padding taps: 0)
 *   t0+1+c    slot s multiplies element c·G + s (ascending) by its weight, selected by the cycle counter c = 0…R−1
 *   t0+2+c    the registered products of group c are accumulated in ascending order (chain) or summed (tree);
 *             group 0 starts from Q_accum(bq_j) (flag `first`)
 *   t0+R+2    the final sum is cast to the result type and captured in y (flag `done`)
 * Latency R + 3, a new sample every R cycles. The counter, the flags and each slot's weight multiplexer (a function of
 * the counter, the same for every output position of a convolution) are shared by all rows.
 */
export function reuseLayer(
  layer: Layer,
  ctx: LayerContext,
  out: { type: FixedType; size: number },
  rowsOf: (xs: Fx[]) => DotRow[],
  /** the module's outputs in order, from the outputs of each row */
  order: (ys: Sig[][]) => Sig[],
  notes: (multipliers: number, g: number) => string[],
): LayerHardware {
  const r = layer.reuseFactor;
  const b = new ModuleBuilder(signalPrefix(layer.name));
  b.port('input', 'clk', 1);
  b.port('input', 'rst', 1);
  const start = b.port('input', 'start', 1);
  const xPort = b.port('input', 'x', packedWidth(ctx.inSize, ctx.inType));
  const yPort = b.port('output', 'y', packedWidth(out.size, out.type));
  const xs = unpack(b, xPort, ctx.inSize, ctx.inType);
  const rows = rowsOf(xs);
  const { ys, multipliers, g } = reuseRows(b, start, xs[0], rows, r);
  pack(b, yPort, order(ys), out.type);
  const latency = r + 3;
  const comment = [
    ...layerComment(layer, ctx),
    ...notes(multipliers, g),
    `latency ${latency} cycles, II ${r}: start must be high only with a valid x, at most every ${r} cycles`,
  ];
  return { module: toModule(b, ctx.moduleName, comment), latency, ii: r, outType: out.type, outSize: out.size, sequential: true };
}

function reuseRows(b: ModuleBuilder, start: Sig, x0: Fx, rows: readonly DotRow[], r: number): { ys: Sig[][]; multipliers: number; g: number } {
  const [xw, frac] = [x0.sig.width, x0.frac];
  const zeroX = b.constant(0n, xw, true);

  // cycle counter and phase flags
  const cw = Math.max(1, Math.ceil(Math.log2(r + 1)));
  const cnt = b.sig(cw, false, 'cnt');
  b.reg(b.mux(start, b.constant(0n, cw, false), b.slice(b.add(cnt, b.constant(1n, 2, true), 'cnt_inc'), 0, cw, 'cnt_inc'), 'cnt_n'), { out: cnt });
  const ph: Sig[] = [];
  for (let p = 0; p <= r + 1; p++) ph.push(b.reg(p === 0 ? start : ph[p - 1], { reset: 0n, hint: `ph${p}` }));
  const [first, done] = [ph[1], ph[r + 1]];
  const isCycle = Array.from({ length: r }, (_, c) => b.eq(cnt, b.constant(BigInt(c), cw + 1, true), `cyc${c}`));

  // the weight of a slot in cycle c: a mux over the R constants, built once per distinct sequence
  const weightMuxes = new Map<string, Sig>();
  const weightOf = (weights: number[], ww: number, hint: string): Sig => {
    const key = `${ww}:${weights.join(',')}`;
    let w = weightMuxes.get(key);
    if (!w) {
      w = b.constant(BigInt(weights[r - 1]), ww, true);
      // `<hint>_k<c>`: the step picking cycle c's weight; the last step is `<hint>`
      for (let c = r - 2; c >= 0; c--) w = b.mux(isCycle[c], b.constant(BigInt(weights[c]), ww, true), w, c === 0 ? hint : `${hint}_k${c}`);
      weightMuxes.set(key, w);
    }
    return w;
  };

  // shift register slots are shared between rows: a slot is the same register wherever it loads the same element and
  // shifts in the same slot (neighbouring output positions of a convolution hold overlapping columns), as Yosys's
  // opt_merge would find; `slots` interns (element, next slot) pairs
  const slots = new Map<string, { id: number; sig: Sig }>();
  const elementIds = new Map<Fx, number>();
  const elementId = (x: Fx | undefined) => (x ? (elementIds.get(x) ?? elementIds.set(x, elementIds.size).get(x)!) : -1);
  let multipliers = 0;
  let g = 1;
  const ys = rows.map(({ xs, k, hint }) => {
    g = Math.ceil(k.nIn / r);
    // input shift register: element p moves down by G each cycle, so slot s sees element c·G + s in cycle c
    const total = g * r;
    const sh: Sig[] = new Array<Sig>(total);
    const ids: number[] = new Array<number>(total);
    for (let p = total - 1; p >= 0; p--) {
      const key = `${elementId(xs[p])},${p + g < total ? ids[p + g] : -1}`;
      let slot = slots.get(key);
      if (!slot) {
        const q = b.sig(xw, true, `${hint}sh${p}`);
        b.reg(b.mux(start, xs[p]?.sig ?? zeroX, p + g < total ? sh[p + g] : zeroX, `${hint}sh${p}_n`), { out: q });
        slot = { id: slots.size, sig: q };
        slots.set(key, slot);
      }
      [sh[p], ids[p]] = [slot.sig, slot.id];
    }
    const [accFrac, wFrac, ww] = [fracBits(k.accum), fracBits(k.weightType), fxWidth(k.weightType)];
    const out: Sig[] = [];
    for (let j = 0; j < k.nOut; j++) {
      const products: Fx[] = [];
      for (let s = 0; s < g; s++) {
        // a slot whose weights are all 0, or whose inputs are all padding, multiplies nothing
        const weights = Array.from({ length: r }, (_, c) => (c * g + s < k.nIn && xs[c * g + s] ? k.weight[(c * g + s) * k.nOut + j] : 0));
        if (weights.every((w) => w === 0)) continue;
        const p = mulFx(b, { sig: sh[s], frac }, { sig: weightOf(weights, ww, `w${s}_${j}`), frac: wFrac }, `${hint}m${s}_${j}`);
        products.push({ sig: b.reg(p.sig, { hint: `${hint}p${s}_${j}` }), frac: p.frac });
        multipliers++;
      }
      const acc = b.sig(fxWidth(k.accum), true, `${hint}acc${j}`);
      const init = b.constant(BigInt(k.accInit[j]), fxWidth(k.accum), true);
      const base: Fx = { sig: b.mux(first, init, acc, `${hint}base${j}`), frac: accFrac };
      const next = k.orderFree ? tree(b, base, products, k.accum, `${hint}o${j}`) : chain(b, base, products, k.accum, `${hint}o${j}`, { castTerms: k.castProducts });
      b.reg(b.resize(next.sig, acc.width, true, `${hint}acc${j}_n`), { out: acc });
      out.push(b.reg(castFx(b, { sig: acc, frac: accFrac }, k.result, `${hint}res${j}`).sig, { en: done, hint: `${hint}y${j}` }));
    }
    return out;
  });
  return { ys, multipliers, g };
}
