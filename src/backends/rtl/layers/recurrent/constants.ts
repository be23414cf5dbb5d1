import { fracBits, isOrderFreeAccumulator, quantizeDouble, quantizeScaled, type FixedType } from '../../../../fixed/index.ts';
import type { RecurrentLayer } from '../../../../ir/layers.ts';
import { gateCount } from '../../../../ir/recurrent.ts';
import { need } from '../elementwise.ts';
import type { Fx } from '../../netlist/fx.ts';
import { dotColumn, type Lane } from './lane.ts';

/** The quantized constants of a recurrent layer (docs/arithmetic.md, "Recurrent layers"), as mantissas. */
export interface RecurrentConstants {
  readonly u: number;
  /** G · u columns */
  readonly cols: number;
  /** wq = Q_weight(W) [nIn][G·u] and uq = Q_recurrent_weight(U) [u][G·u] */
  readonly w: readonly number[];
  readonly uw: readonly number[];
  /** Q_accum(bq) and Q_accum(brq): the start values of the input and recurrent parts */
  readonly bx: readonly number[];
  readonly bh: readonly number[];
  readonly weight: FixedType;
  readonly recurrentWeight: FixedType;
  readonly accum: FixedType;
  readonly orderFree: boolean;
}

export function recurrentConstants(l: RecurrentLayer): RecurrentConstants {
  const [weight, recurrentWeight, bias, accum] = (['weight', 'recurrent_weight', 'bias', 'accum'] as const).map((v) => need(l, v));
  const toAccum = (v: number) => quantizeScaled(quantizeDouble(v, bias), fracBits(bias), accum);
  return {
    u: l.units,
    cols: gateCount(l) * l.units,
    w: Array.from(l.kernel, (v) => quantizeDouble(v, weight)),
    uw: Array.from(l.recurrentKernel, (v) => quantizeDouble(v, recurrentWeight)),
    bx: Array.from(l.bias, toAccum),
    bh: Array.from(l.recurrentBias, toAccum),
    weight,
    recurrentWeight,
    accum,
    orderFree: isOrderFreeAccumulator(accum),
  };
}

/** Gate g's input part ax = Dense(x_t; wq, bq) for the lane's unit. */
export const inputPart = (lane: Lane, k: RecurrentConstants, g: number): Fx =>
  dotColumn(lane, lane.x, (i, j) => k.w[i * k.cols + g * k.u + j], (j) => k.bx[g * k.u + j], { wType: k.weight, accum: k.accum, orderFree: k.orderFree }, `l${lane.slot}_ax${g}_`);

/** Gate g's recurrent part Dense(v; uq, brq) over the vector `v` (h_{t−1}, or GRU's r·h) for the lane's unit. */
export const recurrentPart = (lane: Lane, k: RecurrentConstants, g: number, v = 'h'): Fx =>
  dotColumn(lane, lane.vec(v), (i, j) => k.uw[i * k.cols + g * k.u + j], (j) => k.bh[g * k.u + j], { wType: k.recurrentWeight, accum: k.accum, orderFree: k.orderFree }, `l${lane.slot}_a${v}${g}_`);
