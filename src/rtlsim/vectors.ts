import { fracBits, quantizeDouble, type FixedType } from '../fixed/index.ts';

/**
 * The packed port format of the RTL top as 32-bit words, least significant word first: what the testbench writes to
 * in_data and reads from out_data. The port holds segments (the graph's inputs, or outputs) one after the other, the
 * first in the low bits; in a segment of W-bit type, element i is at bits [lo + i·W + W − 1 : lo + i·W].
 */
export interface Segment {
  readonly size: number;
  readonly type: FixedType;
}

export const segmentWords = (segs: readonly Segment[]): number => Math.ceil(segs.reduce((n, s) => n + s.size * s.type.width, 0) / 32);

/** One sample (exact doubles, the segments one after the other) → Q mantissas of each segment's type → packed words in hex. */
export function packSegments(values: ArrayLike<number>, segs: readonly Segment[]): string[] {
  // each element into the few words it spans (linear in the sample: a whole image is one line of many words)
  const words = new Array<bigint>(segmentWords(segs)).fill(0n);
  let [bit, i] = [0, 0];
  for (const { size, type: t } of segs) {
    const mask = (1n << BigInt(t.width)) - 1n;
    for (let e = 0; e < size; e++, bit += t.width) {
      const m = BigInt(quantizeDouble(values[i++], t)) & mask;
      for (let k = bit >> 5; k <= (bit + t.width - 1) >> 5; k++) words[k] |= (k * 32 >= bit ? m >> BigInt(k * 32 - bit) : m << BigInt(bit - k * 32)) & 0xffffffffn;
    }
  }
  return words.map((w) => w.toString(16));
}

/** Packed words (hex, least significant first) → the exact values of every segment, one after the other. */
export function unpackSegments(words: readonly string[], segs: readonly Segment[]): number[] {
  // each element from the few words it spans (linear in the sample: a whole image is one line of many words)
  const ws = words.map((x) => BigInt(`0x${x}`));
  const out: number[] = [];
  let bit = 0;
  for (const { size, type: t } of segs) {
    const w = BigInt(t.width);
    const mask = (1n << w) - 1n;
    for (let i = 0; i < size; i++, bit += t.width) {
      let m = 0n;
      for (let k = bit >> 5; k <= (bit + t.width - 1) >> 5; k++) m |= (ws[k] ?? 0n) << BigInt(k * 32 - bit);
      m &= mask;
      if (t.signed && m >> (w - 1n)) m -= 1n << w;
      out.push(Number(m) * 2 ** -fracBits(t));
    }
  }
  return out;
}
