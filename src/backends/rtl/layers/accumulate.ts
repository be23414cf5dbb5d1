import type { FixedType } from '../../../fixed/index.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, type Fx } from '../netlist/fx.ts';

/** The exact accumulation of docs/arithmetic.md: acc = Q_accum(acc + p) for each term in the given (ascending) order. */
export function chain(b: ModuleBuilder, init: Fx, terms: readonly Fx[], accum: FixedType, hint: string): Fx {
  let acc = init;
  terms.forEach((p, k) => (acc = castFx(b, addFx(b, acc, p, `${hint}_s${k}`), accum, `${hint}_a${k}`)));
  return acc;
}

/**
 * Order-free accumulation (accum AP_TRN/AP_RND/AP_RND_MIN_INF with AP_WRAP): init + Σ Q_accum(p) mod 2^W, summed by a
 * balanced tree of W-bit wrapping adders (a wrap cast of an on-grid sum is keeping its low W bits).
 */
export function tree(b: ModuleBuilder, init: Fx, terms: readonly Fx[], accum: FixedType, hint: string): Fx {
  let level: Fx[] = [init, ...terms.map((p, k) => castFx(b, p, accum, `${hint}_q${k}`))];
  for (let depth = 0; level.length > 1; depth++) {
    const next: Fx[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? wrapAdd(b, level[i], level[i + 1], accum, `${hint}_t${depth}`) : level[i]);
    }
    level = next;
  }
  return level[0];
}

/** (a + b) mod 2^W for two values on the accum grid: a W-bit adder (an unsigned accum keeps its zero sign bit). */
function wrapAdd(b: ModuleBuilder, x: Fx, y: Fx, accum: FixedType, hint: string): Fx {
  if (accum.signed) return { sig: b.binary('add', x.sig, y.sig, accum.width, true, hint), frac: x.frac };
  return { sig: b.resize(b.binary('add', x.sig, y.sig, accum.width, false, hint), accum.width + 1, true, hint), frac: x.frac };
}
