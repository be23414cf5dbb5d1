import type { ModuleBuilder } from './builder.ts';
import type { Sig } from './netlist.ts';

/**
 * A fixed-point value in the netlist: the signed mantissa signal `sig`, value = sig · 2^−frac. Values of unsigned
 * types are carried with one extra (zero) sign bit, so every arithmetic signal is signed and exact.
 */
export interface Fx {
  readonly sig: Sig;
  readonly frac: number;
}

/** The same value on a finer grid (frac ≥ x.frac): append zero bits. */
export function align(b: ModuleBuilder, x: Fx, frac: number): Fx {
  if (frac < x.frac) throw new Error(`cannot align '${x.sig.name}' from ${x.frac} to ${frac} fractional bits`);
  return { sig: b.shiftLeft(x.sig, frac - x.frac), frac };
}

/** Exact a + b on the finer of the two grids. */
export function addFx(b: ModuleBuilder, x: Fx, y: Fx, hint = 'sum'): Fx {
  const frac = Math.max(x.frac, y.frac);
  return { sig: b.add(align(b, x, frac).sig, align(b, y, frac).sig, hint), frac };
}

/** Exact a · b: widths and fractional bits add. */
export function mulFx(b: ModuleBuilder, x: Fx, y: Fx, hint = 'prod'): Fx {
  return { sig: b.mul(x.sig, y.sig, hint), frac: x.frac + y.frac };
}

/** Exact max(a, b) (ties pick a). */
export function maxFx(b: ModuleBuilder, x: Fx, y: Fx, hint = 'max'): Fx {
  const frac = Math.max(x.frac, y.frac);
  const [ax, ay] = [align(b, x, frac).sig, align(b, y, frac).sig];
  return { sig: b.mux(b.lt(ax, ay), ay, ax, hint), frac };
}

/** Exact min(a, b) (ties pick a). */
export function minFx(b: ModuleBuilder, x: Fx, y: Fx, hint = 'min'): Fx {
  const frac = Math.max(x.frac, y.frac);
  const [ax, ay] = [align(b, x, frac).sig, align(b, y, frac).sig];
  return { sig: b.mux(b.lt(ay, ax), ay, ax, hint), frac };
}

export const constFx = (b: ModuleBuilder, mantissa: bigint, frac: number, width: number): Fx => ({
  sig: b.constant(mantissa, width, true),
  frac,
});
