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

export function unpack(b: ModuleBuilder, port: Sig, n: number, t: FixedType): Fx[] {
  const xs: Fx[] = [];
  for (let i = 0; i < n; i++) {
    const raw = b.slice(port, i * t.width, t.width, `x${i}_raw`);
    // the raw bits are unsigned; a signed type reinterprets them, an unsigned one gets a zero sign bit
    const sig = t.signed ? b.resize(raw, t.width, true, `x${i}`) : b.resize(raw, t.width + 1, true, `x${i}`);
    xs.push({ sig, frac: fracBits(t) });
  }
  return xs;
}

/** Drive `port` with the low W bits of each element (element 0 in the low bits). */
export function pack(b: ModuleBuilder, port: Sig, ys: readonly Sig[], t: FixedType): void {
  const parts = ys.map((y, i) => (y.width === t.width && !y.signed ? y : b.slice(y, 0, t.width, `y${i}_bits`)));
  b.cell({ op: 'concat', out: port, parts: [...parts].reverse() });
}
