import { fracBits, type FixedType } from '../../../../fixed/index.ts';
import type { ModuleBuilder } from '../../netlist/builder.ts';
import { castFx } from '../../netlist/cast.ts';
import { addFx, mulFx, type Fx } from '../../netlist/fx.ts';
import type { Rom, Sig } from '../../netlist/netlist.ts';
import { chain, tree } from '../accumulate.ts';
import { fxWidth } from '../ports.ts';

/**
 * One lane of the step datapath: in group q (q = 0 … groups−1, one group issued per cycle) lane s computes unit
 * j = q · lanes + s. Everything a lane reads: x_t, the module's vectors (state, buffers), and constants that depend on
 * its unit, selected by the group (a multiplexer over the groups' constants: the shared multiplier's weight).
 */
export interface Lane {
  readonly b: ModuleBuilder;
  readonly slot: number;
  /** the unit this lane computes in group q, or −1 (a padding slot of the last group) */
  readonly units: readonly number[];
  readonly x: readonly Fx[];
  /** a vector of u elements (state h, c, or an earlier pass's buffer) */
  vec(name: string): readonly Fx[];
  /** this lane's element of a vector (its unit's, selected by the group) */
  own(name: string): Fx;
  /** a constant of type t per unit j, selected by the group (0 for a padding slot) */
  /** `hint`: the role of the constant (signal `l<slot>_<hint>`) */
  perUnit(value: (j: number) => number, t: FixedType, hint?: string): Fx;
  readonly roms: Map<string, Rom>;
}

/** The selector of per-group values: `sel[q]` is high while group q is issued. */
export function groupPicker(b: ModuleBuilder, sel: readonly Sig[]) {
  const muxes = new Map<string, Sig>();
  return (values: readonly Sig[], hint: string): Sig => {
    if (values.every((v) => v === values[0])) return values[0];
    const key = values.map((v) => v.id).join(',');
    let m = muxes.get(key);
    if (!m) {
      m = values[values.length - 1];
      // `<hint>_g<q>`: the chain's step picking group q; the last step is `<hint>`
      for (let q = values.length - 2; q >= 0; q--) m = b.mux(sel[q], values[q], m, q === 0 ? hint : `${hint}_g${q}`);
      muxes.set(key, m);
    }
    return m;
  };
}

/** Exact constant of type t as an Fx (value given as a mantissa). */
export const mantissaFx = (b: ModuleBuilder, m: number, t: FixedType): Fx => ({ sig: b.constant(BigInt(m), fxWidth(t), true), frac: fracBits(t) });

/**
 * One column of a gate's matrix-vector product, the dense contract with result type accum: acc = Q_accum(bias), then
 * acc = Q_accum(acc + v_i · w_i) for i ascending (an adder tree when accum is order-free). Weights of type wType
 * given per unit; an input whose weight is 0 for every unit of the lane builds no multiplier.
 */
export function dotColumn(
  lane: Lane,
  v: readonly Fx[],
  weight: (i: number, j: number) => number,
  bias: (j: number) => number,
  k: { wType: FixedType; accum: FixedType; orderFree: boolean },
  hint: string,
): Fx {
  const b = lane.b;
  const terms: Fx[] = [];
  const inputs: number[] = [];
  // `<hint>w<i>` the weight of input i (a group multiplexer), `<hint>m<i>` the product, `<hint>p<i>` its Q_accum
  v.forEach((x, i) => {
    if (lane.units.every((j) => j < 0 || weight(i, j) === 0)) return;
    terms.push(mulFx(b, x, lane.perUnit((j) => weight(i, j), k.wType, `${hint}w${i}`), `${hint}m${i}`));
    inputs.push(i);
  });
  const h = hint.replace(/_+$/, '');
  const init = lane.perUnit(bias, k.accum, `${hint}b`);
  return k.orderFree ? tree(b, init, terms, k.accum, h, { labels: inputs }) : chain(b, init, terms, k.accum, h, { labels: inputs });
}

/** Q_accum(ax + ah): a gate's pre-activation from its input and recurrent parts. */
export const gateSum = (lane: Lane, ax: Fx, ah: Fx, accum: FixedType, hint: string): Fx => castFx(lane.b, addFx(lane.b, ax, ah, `${hint}s`), accum, hint);
