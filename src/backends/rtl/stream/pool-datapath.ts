import { signalPrefix } from '../names.ts';
import { reciprocal, type FixedType } from '../../../fixed/index.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import { castFx } from '../netlist/cast.ts';
import { ModuleBuilder } from '../netlist/builder.ts';
import { addFx, maxFx, mulFx, type Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';
import { schedule } from '../netlist/schedule.ts';
import { pack, unpack } from '../layers/ports.ts';
import type { LayerHardware } from '../layers/types.ts';

/**
 * The per-window math of a pool (docs/arithmetic.md): port x = taps·C elements of the input type (tap-major) and,
 * above them, one inside flag per tap. Max: padding taps take the input type's minimum (they never win against a
 * real tap), a tree of exact maxima, Q_result. Average: the exact sum of the taps that count, times r_n for the
 * window's n (a ROM over the count of inside flags unless countPad), on the common grid of r_taps, one Q_result.
 * Pipelined by the scheduler, II 1.
 */
export function poolDatapath(layer: LayerOf<'pool'>, name: string, taps: number, channels: number, inType: FixedType, stageNs: number): LayerHardware {
  const b = new ModuleBuilder(signalPrefix(layer.name));
  b.port('input', 'clk', 1);
  const x = b.port('input', 'x', taps * channels * inType.width + taps);
  const result = layer.precision.result;
  const y = b.port('output', 'y', channels * result.width);
  const xs = unpack(b, b.slice(x, 0, taps * channels * inType.width, 'taps'), taps * channels, inType);
  const inside = Array.from({ length: taps }, (_, t) => b.slice(x, taps * channels * inType.width + t, 1, `inside${t}`));
  const ys: Sig[] = [];
  if (layer.op === 'max') {
    const lowest = b.constant(inType.signed ? -(1n << BigInt(inType.width - 1)) : 0n, xs[0].sig.width, true);
    for (let c = 0; c < channels; c++) {
      const vs = Array.from({ length: taps }, (_, t) => ({ sig: b.mux(inside[t], xs[t * channels + c].sig, lowest, `v${t}_${c}`), frac: xs[0].frac }));
      ys.push(castFx(b, balanced(vs, (u, v) => maxFx(b, u, v, `max${c}`)), result, `y${c}`).sig);
    }
  } else {
    const fMax = reciprocal(taps).frac;
    const words = Array.from({ length: taps + 1 }, (_, n) => (n === 0 ? 0n : BigInt(reciprocal(n).mantissa) << BigInt(fMax - reciprocal(n).frac)));
    const rw = Math.max(...words.map((w) => w.toString(2).length)) + 1;
    let r: Fx;
    if (layer.countPad) r = { sig: b.constant(words[taps], rw, true), frac: fMax };
    else {
      const count = balanced(inside.map((s) => ({ sig: b.resize(s, 2, true, 'one'), frac: 0 })), (u, v) => addFx(b, u, v, 'count'));
      const cw = Math.ceil(Math.log2(taps + 1));
      const rom = { name: 'reciprocal', width: rw, words: [...words, ...new Array<bigint>(2 ** cw - words.length).fill(0n)], comment: `r_n (n = 0 … ${taps} taps inside) on ${fMax} fraction bits` };
      r = { sig: b.rom(rom, b.resize(count.sig, cw, false, 'count_bits'), true, 'r_n'), frac: fMax };
    }
    for (let c = 0; c < channels; c++) {
      const vs = Array.from({ length: taps }, (_, t) => (layer.countPad ? xs[t * channels + c] : { sig: b.mux(inside[t], xs[t * channels + c].sig, b.constant(0n, xs[0].sig.width, true), `v${t}_${c}`), frac: xs[0].frac }));
      const s = balanced(vs, (u, v) => addFx(b, u, v, `sum${c}`));
      ys.push(castFx(b, mulFx(b, s, r, `avg${c}`), result, `y${c}`).sig);
    }
  }
  const sch = schedule(b, ys, stageNs);
  pack(b, y, sch.outputs, result);
  const comment = [`layer '${layer.name}' (pool ${layer.op}): per-window datapath ${name}, ${taps} taps x ${channels} channels, latency ${sch.latency}, II 1`];
  return { module: { name, comment, ports: b.ports, sigs: b.sigs, cells: b.cells, roms: b.roms }, latency: sch.latency, ii: 1, outType: result, outSize: channels, sequential: false, worstStageNs: sch.worstStageNs };
}

/** A balanced tree of a binary op (ascending pairs; max and exact sums do not depend on the shape). */
function balanced(vs: Fx[], f: (u: Fx, v: Fx) => Fx): Fx {
  let level = vs;
  while (level.length > 1) {
    const next: Fx[] = [];
    for (let k = 0; k + 1 < level.length; k += 2) next.push(f(level[k], level[k + 1]));
    if (level.length % 2) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}

