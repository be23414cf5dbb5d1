import type { FixedType } from '../../../../fixed/index.ts';
import type { CellActivation, LayerOf, RecurrentLayer } from '../../../../ir/layers.ts';
import { castFx } from '../../netlist/cast.ts';
import { addFx, align, mulFx, type Fx } from '../../netlist/fx.ts';
import { need } from '../elementwise.ts';
import type { RtlLayer } from '../types.ts';
import { cellActivationFx } from './activation.ts';
import type { CellSpec } from './cell.ts';
import { inputPart, recurrentConstants, recurrentPart } from './constants.ts';
import { gateSum, type Lane } from './lane.ts';
import { recurrentModule } from './sequencer.ts';

/** The types and activations every kind uses, and the gate pre-activation z_g = Q_accum(ax_g + ah_g). */
function common(l: RecurrentLayer) {
  const k = recurrentConstants(l);
  const [state, result, table] = [need(l, 'state'), l.precision.result, need(l, 'table')];
  const act = (a: CellActivation, out: FixedType) => (lane: Lane, v: Fx, hint: string) =>
    cellActivationFx(lane.b, { activation: a, out, tableSize: l.tableSize, param: l.precision.param }, v, lane.roms, `l${lane.slot}_${hint}`);
  const phi = act(l.activation, table);
  const sigma = l.kind === 'simple_rnn' ? phi : act(l.recurrentActivation, need(l, 'recurrent_table'));
  const z = (lane: Lane, g: number) => gateSum(lane, inputPart(lane, k, g), recurrentPart(lane, k, g), k.accum, `l${lane.slot}_z${g}`);
  const cast = (lane: Lane, v: Fx, t: FixedType, hint: string) => castFx(lane.b, v, t, `l${lane.slot}_${hint}`);
  return { k, state, result, phi, sigma, z, cast };
}

/** LSTM: c_t = Q_state(f·c_{t−1} + i·g), h_t = Q_state(o · φ(c_t)) (one pass). */
export const lstm: RtlLayer<'lstm'> = (l, ctx) => {
  const { state, result, phi, sigma, z, cast } = common(l);
  const spec: CellSpec = {
    state: [{ name: 'h', type: state }, { name: 'c', type: state }],
    buffers: [],
    passes: [
      (lane) => {
        const b = lane.b;
        const [i, f, g, o] = [sigma(lane, z(lane, 0), 'i'), sigma(lane, z(lane, 1), 'f'), phi(lane, z(lane, 2), 'g'), sigma(lane, z(lane, 3), 'o')];
        const c = cast(lane, addFx(b, mulFx(b, f, lane.own('c'), `l${lane.slot}_fc`), mulFx(b, i, g, `l${lane.slot}_ig`), `l${lane.slot}_cs`), state, 'c');
        const h = cast(lane, mulFx(b, o, phi(lane, c, 'tc'), `l${lane.slot}_oh`), state, 'h');
        return { h, c, y: cast(lane, h, result, 'y') };
      },
    ],
    notes: ['LSTM cell: gates i, f, c, o; c_t = Q_state(f*c + i*g), h_t = Q_state(o * act(c_t))'],
  };
  return recurrentModule(l, ctx, spec);
};

/** h_t = Q_state(z·h_{t−1} + (1 − z)·h̃), 1 − z exact. */
function gruUpdate(lane: Lane, zg: Fx, hh: Fx, state: FixedType): Fx {
  const b = lane.b;
  const f1 = Math.max(zg.frac, 0);
  const oneMinusZ: Fx = { sig: b.sub(b.constant(1n << BigInt(f1), f1 + 2, true), align(b, zg, f1).sig, `l${lane.slot}_omz`), frac: f1 };
  const sum = addFx(b, mulFx(b, zg, lane.own('h'), `l${lane.slot}_zh`), mulFx(b, oneMinusZ, hh, `l${lane.slot}_zc`), `l${lane.slot}_hs`);
  return castFx(b, sum, state, `l${lane.slot}_h`);
}

/**
 * GRU, gates z, r, h. reset_after: one pass, h̃ = φ(Q_accum(ax_h + r·ah_h)). reset_before: pass 1 computes
 * rh = Q_state(r·h_{t−1}) for every unit (a buffer), pass 2 z and h̃ = φ(Q_accum(ax_h + Dense(rh; uq_h, brq_h))).
 */
export const gru: RtlLayer<'gru'> = (l: LayerOf<'gru'>, ctx) => {
  const { k, state, result, phi, sigma, z, cast } = common(l);
  const finish = (lane: Lane, zg: Fx, pre: Fx) => {
    const h = gruUpdate(lane, zg, phi(lane, cast(lane, pre, k.accum, 'pre'), 'hh'), state);
    return { h, y: cast(lane, h, result, 'y') };
  };
  const after = (lane: Lane) => {
    const b = lane.b;
    const [zg, r] = [sigma(lane, z(lane, 0), 'zg'), sigma(lane, z(lane, 1), 'r')];
    return finish(lane, zg, addFx(b, inputPart(lane, k, 2), mulFx(b, r, recurrentPart(lane, k, 2), `l${lane.slot}_rah`), `l${lane.slot}_pre_s`));
  };
  const resetPass = (lane: Lane) => ({ rh: cast(lane, mulFx(lane.b, sigma(lane, z(lane, 1), 'r'), lane.own('h'), `l${lane.slot}_rhp`), state, 'rh') });
  const candidatePass = (lane: Lane) =>
    finish(lane, sigma(lane, z(lane, 0), 'zg'), addFx(lane.b, inputPart(lane, k, 2), recurrentPart(lane, k, 2, 'rh'), `l${lane.slot}_pre_s`));
  const spec: CellSpec = l.resetAfter
    ? { state: [{ name: 'h', type: state }], buffers: [], passes: [after], notes: ['GRU cell (reset_after): gates z, r, h in one pass'] }
    : {
        state: [{ name: 'h', type: state }],
        buffers: [{ name: 'rh', type: state }],
        passes: [resetPass, candidatePass],
        notes: ['GRU cell (reset_before): pass 1 r*h for every unit, pass 2 z, the candidate and the update'],
      };
  return recurrentModule(l, ctx, spec);
};

/** SimpleRNN: h_t = Q_state(φ(Q_accum(ax + ah))) (one pass). */
export const simpleRnn: RtlLayer<'simple_rnn'> = (l, ctx) => {
  const { state, result, phi, z, cast } = common(l);
  const spec: CellSpec = {
    state: [{ name: 'h', type: state }],
    buffers: [],
    passes: [
      (lane) => {
        const h = cast(lane, phi(lane, z(lane, 0), 'a'), state, 'h');
        return { h, y: cast(lane, h, result, 'y') };
      },
    ],
    notes: ['SimpleRNN cell: h_t = Q_state(act(z))'],
  };
  return recurrentModule(l, ctx, spec);
};
