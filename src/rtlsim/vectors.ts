import { fracBits, quantizeDouble, type FixedType } from '../fixed/index.ts';

/**
 * The packed port format of the RTL top (element i at bits [i·W + W − 1 : i·W], the W-bit mantissa) as 32-bit words,
 * least significant word first: what the testbench writes to in_data and reads from out_data.
 */
export const wordsFor = (n: number, t: FixedType): number => Math.ceil((n * t.width) / 32);

/** One input sample (exact doubles) → Q_input mantissas → packed words in hex. */
export function packSample(values: ArrayLike<number>, t: FixedType): string[] {
  const mask = (1n << BigInt(t.width)) - 1n;
  let v = 0n;
  for (let i = values.length - 1; i >= 0; i--) v = (v << BigInt(t.width)) | (BigInt(quantizeDouble(values[i], t)) & mask);
  return toWords(v, wordsFor(values.length, t));
}

function toWords(v: bigint, n: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < n; k++, v >>= 32n) out.push((v & 0xffffffffn).toString(16));
  return out;
}

/** Packed words (hex, least significant first) → the n exact values of type t. */
export function unpackSample(words: readonly string[], n: number, t: FixedType): number[] {
  let v = 0n;
  for (let k = words.length - 1; k >= 0; k--) v = (v << 32n) | BigInt(`0x${words[k]}`);
  const w = BigInt(t.width);
  const mask = (1n << w) - 1n;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let m = (v >> (BigInt(i) * w)) & mask;
    if (t.signed && m >> (w - 1n)) m -= 1n << w;
    out.push(Number(m) * 2 ** -fracBits(t));
  }
  return out;
}
