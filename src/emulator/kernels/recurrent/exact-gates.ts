import { quantizeScaledBig, type Caster } from '../../../fixed/index.ts';

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Q((a·b·2^e1 + c·d·2^e2) · 2^−caster.fromFrac) exactly, a, b, c, d safe integers, e1, e2 ≥ 0: the gate updates of
 * docs/arithmetic.md ("Recurrent layers"), e.g. c_t = Q_state(f·c_{t−1} + i·g). Doubles when every partial result is
 * a safe integer (then each is exact: rounding is monotonic), BigInt otherwise.
 */
export function castTwoProducts(a: number, b: number, e1: number, c: number, d: number, e2: number, caster: Caster): number {
  const p = a * b * (e1 === 0 ? 1 : 2 ** e1);
  const q = c * d * (e2 === 0 ? 1 : 2 ** e2);
  const s = p + q;
  if (Math.abs(p) <= SAFE && Math.abs(q) <= SAFE && Math.abs(s) <= SAFE) return caster.cast(s);
  const exact = ((BigInt(a) * BigInt(b)) << BigInt(e1)) + ((BigInt(c) * BigInt(d)) << BigInt(e2));
  return Number(quantizeScaledBig(exact, caster.fromFrac, caster.type, caster.stats));
}

/** The exponents that put two products with fractional bits f1 and f2 on their common grid G = max(f1, f2). */
export const commonGrid = (f1: number, f2: number): { grid: number; e1: number; e2: number } => {
  const grid = Math.max(f1, f2);
  return { grid, e1: grid - f1, e2: grid - f2 };
};
