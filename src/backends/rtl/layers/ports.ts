import type { FixedType } from '../../../fixed/fixed-type.ts';
import { fracBits } from '../../../fixed/fixed-type.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import type { Fx } from '../netlist/fx.ts';
import type { Sig } from '../netlist/netlist.ts';

/**
 * Packed vectors between layers: element i occupies bits [i·W + W − 1 : i·W] as the W-bit two's complement (or, for
 * ap_ufixed, plain binary) mantissa of its type. Inside a module each element is an Fx (signed, exact).
 */
export const packedWidth = (n: number, t: FixedType): number => n * t.width;

/** Internal (always signed) width of a value of type t. */
export const fxWidth = (t: FixedType): number => (t.signed ? t.width : t.width + 1);

/** The input port of input k of n: `x` for a single-input layer, `x0`, `x1`, … for a merge. */
export const inputPort = (k: number, n: number): string => (n === 1 ? 'x' : `x${k}`);

/** Element i of a packed port as its raw W bits (unsigned). */
export const rawElement = (b: ModuleBuilder, port: Sig, i: number, t: FixedType, prefix = 'x'): Sig => b.slice(port, i * t.width, t.width, `${prefix}${i}_raw`);

export function unpack(b: ModuleBuilder, port: Sig, n: number, t: FixedType, prefix = 'x'): Fx[] {
  const xs: Fx[] = [];
  for (let i = 0; i < n; i++) {
    const raw = rawElement(b, port, i, t, prefix);
    // the raw bits are unsigned; a signed type reinterprets them, an unsigned one gets a zero sign bit
    const sig = t.signed ? b.resize(raw, t.width, true, `${prefix}${i}`) : b.resize(raw, t.width + 1, true, `${prefix}${i}`);
    xs.push({ sig, frac: fracBits(t) });
  }
  return xs;
}

/** Drive `port` with the low W bits of each element (element 0 in the low bits). */
export function pack(b: ModuleBuilder, port: Sig, ys: readonly Sig[], t: FixedType): void {
  const parts = ys.map((y, i) => (y.width === t.width && !y.signed ? y : b.slice(y, 0, t.width, `y${i}_bits`)));
  b.cell({ op: 'concat', out: port, parts: [...parts].reverse() });
}
