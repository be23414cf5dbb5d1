import { doubleParts } from './double-parts.ts';
import { fracBits, type FixedType } from './fixed-type.ts';

/**
 * Python's `'{:.Nf}'.format(v)` for a finite double: the exact binary value rounded half-to-even to N decimals
 * (JavaScript's toFixed rounds ties up, so it is not used).
 */
export function decimalHalfEven(v: number, decimals: number): string {
  const { mantissa, frac } = doubleParts(v);
  const negative = mantissa < 0;
  const m = BigInt(Math.abs(mantissa)) * 10n ** BigInt(decimals);
  let q: bigint;
  if (frac <= 0) q = m << BigInt(-frac);
  else {
    const d = 1n << BigInt(frac);
    q = m / d;
    const r2 = (m - q * d) * 2n;
    if (r2 > d || (r2 === d && q % 2n === 1n)) q += 1n;
  }
  const digits = q.toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/**
 * The value hls4ml's C++ really holds for a constant of type t: its writer prints the float with max(F, 0) decimals
 * (`'{:.Nf}'`), the compiler reads that decimal back as a double, which the ap_fixed cast then quantizes. Returns
 * that double (the cast itself stays with every implementation's Q_t).
 */
export const hls4mlWrittenValue = (v: number, t: FixedType): number => Number(decimalHalfEven(v, Math.max(fracBits(t), 0)));
