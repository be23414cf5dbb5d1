/** One non-zero digit of a canonical signed-digit (CSD) form: sign · 2^shift. */
export interface Digit {
  readonly shift: number;
  readonly sign: 1 | -1;
}

/**
 * The canonical signed-digit form of an integer c: c = Σ sign_k · 2^shift_k with no two adjacent non-zero digits, the
 * form with the fewest non-zero digits (a run of ones 0111 becomes 100(−1)). Ascending shifts; [] for 0.
 */
export function csd(c: bigint): Digit[] {
  const digits: Digit[] = [];
  let n = c;
  for (let shift = 0; n !== 0n; shift++, n >>= 1n) {
    if ((n & 1n) === 0n) continue;
    const sign = (n & 3n) === 3n ? -1 : 1; // ...11 → −1 and carry into the run, ...01 → +1
    digits.push({ shift, sign });
    n -= BigInt(sign);
  }
  return digits;
}

/** c = odd · 2^shift with odd odd (c ≠ 0). */
export function oddPart(c: bigint): { odd: bigint; shift: number } {
  if (c === 0n) throw new Error('oddPart(0)');
  let [odd, shift] = [c, 0];
  while ((odd & 1n) === 0n) [odd, shift] = [odd >> 1n, shift + 1];
  return { odd, shift };
}

/** Bits of |c| (0 for 0). */
export function bitLength(c: bigint): number {
  let [n, w] = [c < 0n ? -c : c, 0];
  while (n > 0n) [n, w] = [n >> 1n, w + 1];
  return w;
}
