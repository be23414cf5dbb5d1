import type { ModuleBuilder } from '../netlist/builder.ts';
import type { Sig } from '../netlist/netlist.ts';

/** The stream ports of a stage: per input k `x…`, `x…_valid` (in), `x…_ready` (out); `y`, `y_valid` (out), `y_ready` (in). */
export interface StagePorts {
  readonly clk: Sig;
  readonly rst: Sig;
  readonly xs: readonly { data: Sig; valid: Sig; ready: Sig }[];
  readonly y: { data: Sig; valid: Sig; ready: Sig };
}

/** Input port names of input k of n: `x` for one input, `x0`, `x1`, … for a join (as the io_parallel layers). */
export const streamInput = (k: number, n: number): string => (n === 1 ? 'x' : `x${k}`);

export function stagePorts(b: ModuleBuilder, inWidths: readonly number[], outWidth: number): StagePorts {
  const clk = b.port('input', 'clk', 1);
  const rst = b.port('input', 'rst', 1);
  const xs = inWidths.map((w, k) => {
    const name = streamInput(k, inWidths.length);
    return { data: b.port('input', name, w), valid: b.port('input', `${name}_valid`, 1), ready: b.port('output', `${name}_ready`, 1) };
  });
  const y = { data: b.port('output', 'y', outWidth), valid: b.port('output', 'y_valid', 1), ready: b.port('input', 'y_ready', 1) };
  return { clk, rst, xs, y };
}

/** AND of several 1-bit signals (1 when there are none). */
export function andAll(b: ModuleBuilder, sigs: readonly Sig[], hint: string): Sig {
  if (sigs.length === 0) return b.constant(1n, 1, false);
  return sigs.slice(1).reduce((acc, s) => b.and(acc, s, hint), sigs[0]);
}

/** A counter register of `width` bits, reset to 0: `next(q)` gives its next value when `en` (or always). */
export function counter(b: ModuleBuilder, width: number, hint: string, next: (q: Sig) => Sig, en?: Sig): Sig {
  const q = b.sig(width, false, hint);
  b.reg(b.resize(next(q), width, false, `${hint}_n`), { out: q, en, reset: 0n });
  return q;
}

/** q + 1 modulo 2^width (unsigned). */
export const increment = (b: ModuleBuilder, q: Sig, hint: string): Sig => b.slice(b.add(q, b.constant(1n, 2, true), `${hint}_inc`), 0, q.width, `${hint}_inc`);

/** Bits to count 0 … n − 1 (at least 1). */
export const countWidth = (n: number): number => Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));
