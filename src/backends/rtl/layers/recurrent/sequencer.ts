import { signalPrefix } from '../../names.ts';
import { fracBits } from '../../../../fixed/index.ts';
import type { RecurrentLayer } from '../../../../ir/layers.ts';
import { ModuleBuilder } from '../../netlist/builder.ts';
import type { Fx } from '../../netlist/fx.ts';
import type { Rom, Sig } from '../../netlist/netlist.ts';
import { schedule } from '../../netlist/schedule.ts';
import { layerComment, toModule } from '../comb-layer.ts';
import { fxWidth, pack, packedWidth, unpack } from '../ports.ts';
import type { LayerContext, LayerHardware } from '../types.ts';
import type { CellSpec } from './cell.ts';
import { groupPicker, type Lane } from './lane.ts';
import { collectOutputs, counters } from './sequencer-control.ts';

/** Lanes and groups of a recurrent layer: k = groups cycles issue the u units, `lanes` at a time (k ≤ ReuseFactor). */
export function laneGeometry(units: number, reuseFactor: number): { lanes: number; groups: number } {
  const lanes = Math.ceil(units / Math.min(Math.max(1, reuseFactor), units));
  return { lanes, groups: Math.ceil(units / lanes) };
}

/**
 * One datapath iterating the time steps (docs/rtl.md, "Recurrent layers"). A step is `passes` passes; in each pass the
 * k = groups unit groups are issued on consecutive cycles into the lanes' pipeline (scheduled like any combinational
 * layer: depth L), and each group's results are captured L cycles after its issue. A pass thus takes k + L cycles,
 * a step P = passes · (k + L); the state registers change only at the end of a step. The sequence register holds the
 * T inputs (loaded on `start`, shifted one step at each step end); outputs are collected per step.
 * Latency T·P + 1 (from `start` to `y`), II T·P.
 */
export function recurrentModule(layer: RecurrentLayer, ctx: LayerContext, spec: CellSpec): LayerHardware {
  const { units: u, steps: T, nIn } = layer;
  const { lanes, groups } = laneGeometry(u, layer.reuseFactor);
  const res = layer.precision.result;
  const outSize = (layer.returnSequences ? T : 1) * u;
  const b = new ModuleBuilder(signalPrefix(layer.name));
  b.port('input', 'clk', 1);
  b.port('input', 'rst', 1);
  const start = b.port('input', 'start', 1);
  const xPort = b.port('input', 'x', packedWidth(T * nIn, ctx.inType));
  const yPort = b.port('output', 'y', packedWidth(outSize, res));

  // what the scheduled datapath reads: registers driven below (the group index is a slice of the phase counter)
  const gw = Math.max(1, Math.ceil(Math.log2(groups)));
  const grp = b.sig(gw, false, 'grp');
  const xt = b.sig(packedWidth(nIn, ctx.inType), false, 'x_t');
  const x = unpack(b, xt, nIn, ctx.inType, 'xt');
  const vectors = new Map<string, Fx[]>();
  for (const v of [...spec.state, ...spec.buffers])
    vectors.set(v.name, Array.from({ length: u }, (_, j) => ({ sig: b.sig(fxWidth(v.type), true, `${v.name}${j}`), frac: fracBits(v.type) })));
  const sel = Array.from({ length: groups }, (_, q) => b.eq(grp, b.constant(BigInt(q), gw + 1, true), `grp_is${q}`));
  const pick = groupPicker(b, sel);
  const roms = new Map<string, Rom>();
  const laneOf = (s: number): Lane => {
    const units = Array.from({ length: groups }, (_, q) => (q * lanes + s < u ? q * lanes + s : -1));
    const vec = (name: string) => vectors.get(name) ?? [];
    return {
      b,
      slot: s,
      units,
      x,
      vec,
      own: (name) => {
        const v = vec(name);
        return { sig: pick(units.map((j) => (j < 0 ? b.constant(0n, v[0].sig.width, true) : v[j].sig)), `l${s}_${name}`), frac: v[0].frac };
      },
      perUnit: (value, t, hint = 'k') => ({
        sig: pick(units.map((j) => b.constant(BigInt(j < 0 ? 0 : value(j)), fxWidth(t), true)), hint.startsWith(`l${s}_`) ? hint : `l${s}_${hint}`),
        frac: fracBits(t),
      }),
      roms,
    };
  };
  const built = spec.passes.map((pass) => Array.from({ length: lanes }, (_, s) => pass(laneOf(s))));
  const flat = built.flatMap((ls) => ls.flatMap((o) => Object.values(o).map((f) => f.sig)));
  const scheduled = schedule(b, flat, ctx.stageNs);
  const depth = scheduled.latency;
  let n = 0;
  const outs = built.map((ls) => ls.map((o) => Object.fromEntries(Object.keys(o).map((key) => [key, scheduled.outputs[n++]]))));

  const passCycles = groups + depth;
  const period = spec.passes.length * passCycles;
  const c = counters(b, { start, passCycles, passes: spec.passes.length, steps: T, depth });
  b.cell({ op: 'slice', out: grp, a: c.phase, lo: 0 });
  // the sequence register: x_t is its first (last, going backwards) step
  const stepBits = packedWidth(nIn, ctx.inType);
  const seq = b.sig(xPort.width, false, 'seq');
  const shifted = T === 1 ? seq : layer.goBackwards
    ? b.concat([b.slice(seq, 0, (T - 1) * stepBits, 'seq_lo'), b.constant(0n, stepBits, false)], false, 'seq_up')
    : b.resize(b.slice(seq, stepBits, (T - 1) * stepBits, 'seq_hi'), xPort.width, false, 'seq_down');
  b.reg(b.mux(start, xPort, shifted, 'seq_n'), { en: b.or(start, c.stepEnd, 'seq_en'), out: seq });
  b.cell({ op: 'slice', out: xt, a: seq, lo: layer.goBackwards ? (T - 1) * stepBits : 0 });

  // per unit j = q · lanes + s: the value the last pass's lane s produced for it (captured when its group leaves the
  // pipeline; the last group's is used directly at the step end, which is its capture cycle)
  const last = spec.passes.length - 1;
  const valueOf = (key: string, j: number, width: number): Sig => {
    const [q, s] = [Math.floor(j / lanes), j % lanes];
    const v = b.resize(outs[last][s][key], width, true, `${key}${j}_v`);
    return q === groups - 1 ? v : b.reg(v, { en: c.capture(last, q), hint: `${key}${j}_buf` });
  };
  spec.buffers.forEach((v) => {
    const p = built.findIndex((ls, k) => k < last && v.name in ls[0]);
    vectors.get(v.name)!.forEach((f, j) => {
      const [q, s] = [Math.floor(j / lanes), j % lanes];
      b.reg(b.resize(outs[p][s][v.name], f.sig.width, true, `${v.name}${j}_v`), { en: c.capture(p, q), out: f.sig });
    });
  });
  const stateEn = b.or(start, c.stepEnd, 'state_en');
  spec.state.forEach((v) => {
    vectors.get(v.name)!.forEach((f, j) => {
      const next = b.mux(start, b.constant(0n, f.sig.width, true), valueOf(v.name, j, f.sig.width), `${v.name}${j}_n`);
      b.reg(b.resize(next, f.sig.width, true), { en: stateEn, out: f.sig });
    });
  });
  const row = Array.from({ length: u }, (_, j) => valueOf('y', j, fxWidth(res)));
  pack(b, yPort, collectOutputs(b, layer, row, c), res);

  const latency = T * period + 1;
  const comment = [
    ...layerComment(layer, ctx),
    ...spec.notes,
    `${lanes} lane(s) x ${groups} group(s): a step is ${spec.passes.length} pass(es) of ${groups} issue + ${depth} pipeline cycles = ${period} cycles`,
    `latency ${latency} cycles (T = ${T} steps x ${period} + 1), II ${T * period}: start must be high only with a valid x, at most every ${T * period} cycles`,
  ];
  return { module: toModule(b, ctx.moduleName, comment), latency, ii: T * period, outType: res, outSize, sequential: true, worstStageNs: scheduled.worstStageNs };
}
