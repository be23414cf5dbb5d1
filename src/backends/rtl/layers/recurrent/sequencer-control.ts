import type { RecurrentLayer } from '../../../../ir/layers.ts';
import type { ModuleBuilder } from '../../netlist/builder.ts';
import type { Sig } from '../../netlist/netlist.ts';

/** Bits of an unsigned counter reaching n. */
const bitsFor = (n: number): number => Math.max(1, Math.ceil(Math.log2(n + 1)));

export interface StepControl {
  /** cycle within the pass: 0 … k + L − 1 (its low bits are the group issued while it is below k) */
  readonly phase: Sig;
  /** high in the last cycle of a step (the state registers take the step's values) */
  readonly stepEnd: Sig;
  /** high in the last cycle of the last step (the outputs are complete) */
  readonly finalEnd: Sig;
  /** high when group q of pass p leaves the pipeline (L cycles after its issue) */
  capture(p: number, q: number): Sig;
}

/**
 * The step sequencer: `start` zeroes the counters and sets `busy`; the phase counts the cycles of a pass, the pass
 * counter the passes of a step, the step counter the T steps; `busy` falls after the last step's last cycle.
 */
export function counters(b: ModuleBuilder, o: { start: Sig; passCycles: number; passes: number; steps: number; depth: number }): StepControl {
  const busy = b.sig(1, false, 'busy');
  const phase = b.sig(bitsFor(o.passCycles - 1), false, 'phase');
  const step = b.sig(bitsFor(o.steps - 1), false, 'step');
  const pass = o.passes > 1 ? b.sig(bitsFor(o.passes - 1), false, 'pass') : undefined;
  const is = (s: Sig, v: number, hint: string) => b.eq(s, b.constant(BigInt(v), s.width + 1, true), hint);
  const inc = (s: Sig) => b.slice(b.add(s, b.constant(1n, 2, true), `${s.name}_inc`), 0, s.width, `${s.name}_inc`);
  const zero = (s: Sig) => b.constant(0n, s.width, false);
  const passIs = (p: number) => (pass ? is(pass, p, `pass_is${p}`) : b.constant(1n, 1, false));
  const phaseEnd = is(phase, o.passCycles - 1, 'phase_end');
  const lastPass = passIs(o.passes - 1);
  const stepEnd = b.and(busy, b.and(phaseEnd, lastPass, 'pass_end'), 'step_end');
  const finalEnd = b.and(stepEnd, is(step, o.steps - 1, 'last_step'), 'final_end');
  const run = b.or(o.start, busy, 'run');
  const next = (s: Sig, v: Sig) => b.resize(b.mux(o.start, zero(s), v, `${s.name}_n`), s.width, false, `${s.name}_n`);
  b.reg(next(phase, b.mux(phaseEnd, zero(phase), inc(phase), 'phase_wrap')), { en: run, out: phase });
  if (pass) b.reg(next(pass, b.mux(phaseEnd, b.mux(lastPass, zero(pass), inc(pass), 'pass_wrap'), pass, 'pass_keep')), { en: run, out: pass });
  b.reg(next(step, inc(step)), { en: b.or(o.start, stepEnd, 'step_en'), out: step });
  b.reg(b.mux(o.start, b.constant(1n, 1, false), b.mux(finalEnd, b.constant(0n, 1, false), busy, 'busy_keep'), 'busy_n'), { reset: 0n, out: busy });
  const captures = new Map<string, Sig>();
  return {
    phase,
    stepEnd,
    finalEnd,
    capture(p, q) {
      const key = `${p},${q}`;
      let s = captures.get(key);
      if (!s) captures.set(key, (s = b.and(busy, b.and(passIs(p), is(phase, o.depth + q, `phase_is${o.depth + q}`), `cap${p}_${q}`), `cap${p}_${q}`)));
      return s;
    },
  };
}

/**
 * The layer's outputs from the row Q_result(h_t) of each step: without return_sequences the last row; with it, a
 * shift register of the first T − 1 rows (step k lands at time k, or T−1−k with reverseOutputs) and the last row.
 * All are captured into the output register at the end of the last step, so y holds a whole sample until the next.
 */
export function collectOutputs(b: ModuleBuilder, layer: RecurrentLayer, row: readonly Sig[], c: StepControl): Sig[] {
  const [T, u] = [layer.steps, row.length];
  let full: readonly Sig[] = row;
  if (layer.returnSequences && T > 1) {
    const acc = Array.from({ length: (T - 1) * u }, (_, e) => b.sig(row[0].width, true, `ys${e}`));
    acc.forEach((a, e) => {
      const d = layer.reverseOutputs ? (e < u ? row[e] : acc[e - u]) : e < (T - 2) * u ? acc[e + u] : row[e - (T - 2) * u];
      b.reg(d, { en: c.stepEnd, out: a });
    });
    full = layer.reverseOutputs ? [...row, ...acc] : [...acc, ...row];
  }
  return full.map((v, e) => b.reg(v, { en: c.finalEnd, hint: `y${e}_q` }));
}
