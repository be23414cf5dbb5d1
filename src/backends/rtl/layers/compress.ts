import type { ModuleBuilder } from '../netlist/builder.ts';
import type { Sig } from '../netlist/netlist.ts';
import { LUT_LEVEL_NS } from '../timing.ts';

/**
 * A carry-save (compressor) sum (docs/rtl.md, "Adder trees"): Σ operands + constant mod 2^width, as `width` bits.
 *
 * Every operand is a signed (two's complement) signal; its bits become entries of bit columns (column k weighs 2^k).
 * A signed operand of w ≤ width bits is made unsigned by flipping its sign bit, u = v + 2^(w−1), and the 2^(w−1) is
 * subtracted from the constant (an operand known never negative, `nonNegative`, drops its always-zero sign bit
 * instead); bits at or above `width` are dropped (they weigh 0 mod 2^width). The constant's one bits are column
 * entries too. Each level then replaces the bits of every column taller than two by counters, 6:3 at most (the
 * population count of up to six bits of one column, its output bits going to columns k, k+1, k+2): each counter output
 * is a function of at most six inputs, one LUT6 and one LUT level. Once no column holds more than two bits, one carry
 * adder of `width` bits sums the two rows. Every step keeps the same sum mod 2^width, so the result is exact.
 */
export function compressSum(
  b: ModuleBuilder,
  operands: readonly { sig: Sig; nonNegative?: boolean; arrivalNs?: number }[],
  constant: bigint,
  width: number,
  hint: string,
): Sig {
  const shape = layout(operands.map((o) => ({ width: o.sig.width, nonNegative: o.nonNegative })), constant, width);
  const columns: { bit: Sig; t: number }[][] = Array.from({ length: width }, () => []);
  operands.forEach(({ sig, arrivalNs = 0 }, n) => {
    const { bits, flip } = shape.operands[n];
    for (let i = 0; i < bits; i++) {
      const bit = b.slice(sig, i, 1);
      columns[i].push({ bit: flip && i === bits - 1 ? b.not(bit, `${bit.name}_f`) : bit, t: arrivalNs });
    }
  });
  for (let i = 0; i < width; i++) if ((shape.constant >> BigInt(i)) & 1n) columns[i].push({ bit: b.constant(1n, 1, false), t: 0 });

  let counter = 0;
  // `<hint>_c<column>_<k>_<bit>`: bit `bit` of counter k (of the whole sum), which counts bits of that column
  const rows = reduceColumns(columns, (bits, col) => count(b, bits, `${hint}_c${col}_${counter++}`).map((o) => b.lutOutput(o))).map((c) => c.map((e) => e.bit));
  const row = (r: number) =>
    b.concat(
      rows.map((c) => c[r] ?? b.constant(0n, 1, false)).reverse(),
      false,
      `${hint}_r${r}`,
    );
  const [r0, r1] = [row(0), row(1)];
  if (b.isConstant(r1) && b.constValue(r1) === 0n) return r0;
  return b.binary('add', r0, r1, width, false, `${hint}_cs`);
}

/** Which bits of each operand enter the columns (the low `bits`, the top one flipped or not), and the constant mod 2^width. */
function layout(operands: readonly { width: number; nonNegative?: boolean }[], constant: bigint, width: number) {
  let k = constant;
  const shapes = operands.map(({ width: w, nonNegative }) => {
    if (w > width) return { bits: width, flip: false };
    if (nonNegative) return { bits: w - 1, flip: false };
    k -= 1n << BigInt(w - 1);
    return { bits: w, flip: true };
  });
  const m = 1n << BigInt(width);
  return { operands: shapes, constant: ((k % m) + m) % m };
}

/** The arrival times (ns) of the bits of each column `compressSum` starts from. */
export function columnTimes(operands: readonly { width: number; nonNegative?: boolean; arrivalNs?: number }[], constant: bigint, width: number): number[][] {
  const shape = layout(operands, constant, width);
  return Array.from({ length: width }, (_, i) => [
    ...operands.filter((_, n) => shape.operands[n].bits > i).map((o) => o.arrivalNs ?? 0),
    ...((shape.constant >> BigInt(i)) & 1n ? [0] : []),
  ]);
}

/**
 * The arrival-driven reduction (docs/rtl.md "Adder trees"), level by level, Dadda-style: a level at time τ (starting
 * at the earliest bit) counts only bits that have arrived by τ; it aims at a target height (half the tallest column,
 * at least 2: the first target every column meets) and, column by column from the least significant, counts only as
 * many bits (the earliest, up to six per counter) as that column needs so that its own outputs, the bits it keeps and
 * the carries arriving from the columns below fit the target. A counter's outputs arrive one LUT level after its latest
 * input (`counterNs`): the low one in the same column, the others in the next two (when below the sum's width). Late bits (deep
 * products) so enter the reduction where they arrive instead of delaying every counter; a level with nothing to count
 * waits for the next arrival.
 */
export function reduceColumns<T>(columns: readonly (readonly { bit: T; t: number }[])[], counter: (bits: T[], column: number) => T[]): { bit: T; t: number }[][] {
  let pools = columns.map((c) => [...c].sort((p, q) => p.t - q.t));
  let tau = Math.min(...pools.flat().map((e) => e.t));
  while (pools.some((p) => p.length > 2)) {
    const h = pools.map((p) => p.length);
    const ready = pools.map((p) => p.filter((e) => e.t <= tau + 1e-9).length);
    const tallest = Math.max(...h);
    let plan: number[][] | undefined;
    for (let target = Math.max(2, Math.ceil(tallest / 2)); target < tallest && !plan; target++) {
      const level = planLevel(h, ready, target);
      if (Math.max(...level.next) <= target) plan = level.groups;
    }
    plan ??= planLevel(h, ready, 2).groups;
    if (plan.every((g) => g.length === 0)) {
      tau = Math.min(...pools.flat().filter((e) => e.t > tau + 1e-9).map((e) => e.t));
      continue;
    }
    const next = pools.map(() => [] as { bit: T; t: number }[]);
    pools.forEach((pool, col) => {
      let used = 0;
      for (const size of plan![col]) {
        const take = pool.slice(used, used + size);
        used += size;
        const t = Math.max(...take.map((e) => e.t)) + counterNs(size);
        counter(take.map((e) => e.bit), col).forEach((bit, j) => col + j < pools.length && next[col + j].push({ bit, t }));
      }
      next[col].push(...pool.slice(used));
    });
    pools = next.map((p) => p.sort((x, y) => x.t - y.t));
    tau += LUT_LEVEL_NS;
  }
  return pools;
}

/**
 * The delay of a counter as Yosys maps it (bench/timing-calibration.json, csa rows): a full or half adder is one LUT
 * level, a counter of 4 to 6 bits two (ABC splits its xor-heavy outputs over two LUT levels).
 */
export const counterNs = (size: number): number => (size <= 3 ? 1 : 2) * LUT_LEVEL_NS;

/** One level towards `target`: per column the fewest counters (of its `ready` bits) that bring it, with its incoming carries, to the target. */
function planLevel(h: readonly number[], ready: readonly number[], target: number): { groups: number[][]; next: number[] } {
  const next = h.map(() => 0);
  const groups = h.map((height, col) => {
    const sizes: number[] = [];
    // each counter of s bits leaves one bit here: it removes s − 1
    let need = height + next[col] - target;
    let left = ready[col];
    while (need > 0 && left >= 2) {
      const size = Math.min(6, left, need + 1);
      sizes.push(size);
      [need, left] = [need - (size - 1), left - size];
    }
    const counted = sizes.reduce((n, x) => n + x, 0);
    next[col] += height - counted;
    for (const size of sizes) for (let j = 0; j < (size <= 3 ? 2 : 3) && col + j < h.length; j++) next[col + j]++;
    return sizes;
  });
  return { groups, next };
}

/**
 * What `compressSum` would build for columns of these bit arrival times (ns): when its two rows are ready (ns), and
 * its counters' output bits (about one LUT each).
 */
export function compressorShape(columns: readonly (readonly number[])[]): { rowsNs: number; counterBits: number } {
  let counterBits = 0;
  const rows = reduceColumns(
    columns.map((c) => c.map((t) => ({ bit: 0, t }))),
    (bits) => {
      const n = bits.length <= 3 ? 2 : 3;
      counterBits += n;
      return Array(n).fill(0);
    },
  );
  return { rowsNs: Math.max(0, ...rows.flat().map((e) => e.t)), counterBits };
}

/**
 * The population count of 2 to 6 one-bit signals (of one column) as 2 (2 or 3 bits) or 3 bits, least significant first,
 * from and/or/xor gates: two full (or half) adders over the first three and the rest, then their sums' and carries'
 * combination. Each output depends on at most six inputs (one LUT6).
 */
function count(b: ModuleBuilder, bits: readonly Sig[], hint: string): Sig[] {
  if (bits.length <= 3) return full(b, bits, hint);
  // as Yosys maps it: the two adders are one LUT level, their combination a second (`counterNs`)
  const [s1, c1] = full(b, bits.slice(0, 3), `${hint}_a`).map((o) => b.lutOutput(o));
  const rest = bits.slice(3);
  const [s2, c2] = rest.length === 1 ? [rest[0], undefined] : full(b, rest, `${hint}_b`).map((o) => b.lutOutput(o));
  const t = b.and(s1, s2, `${hint}_t`);
  const bit0 = b.xor(s1, s2, `${hint}_0`);
  if (!c2) return [bit0, b.xor(c1, t, `${hint}_1`), b.and(c1, t, `${hint}_2`)];
  const x = b.xor(c1, c2, `${hint}_x`);
  return [bit0, b.xor(x, t, `${hint}_1`), b.or(b.and(c1, c2, `${hint}_k`), b.and(x, t, `${hint}_y`), `${hint}_2`)];
}

/** Sum and carry of two (half adder) or three (full adder) bits. */
function full(b: ModuleBuilder, bits: readonly Sig[], hint: string): [Sig, Sig] {
  const [x, y, z] = bits;
  const p = b.xor(x, y, `${hint}_p`);
  if (!z) return [p, b.and(x, y, `${hint}_g`)];
  return [b.xor(p, z, `${hint}_s`), b.or(b.and(x, y, `${hint}_g`), b.and(p, z, `${hint}_h`), `${hint}_c`)];
}
