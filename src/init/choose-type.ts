import { fixedType, formatFixedType, type FixedType } from '../fixed/index.ts';

/** The values a tensor (or a weight array) took: what a type must hold. */
export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

export interface TypeChoice {
  readonly type: FixedType;
  /** one line for the YAML comment: the range, the margin, the bits it needs, the step and its error */
  readonly why: string;
}

export interface ChoiceOptions {
  /** fraction added to the largest magnitude (0.25: 25 % headroom for values the data did not show) */
  readonly margin: number;
  /** the largest rounding error wanted per value: AP_RND rounds to nearest, so the step 2^−F is at most twice it */
  readonly targetError: number;
  /** result types saturate and round (data-driven ranges may be exceeded); weights round, never overflow */
  readonly modes: { readonly quant: 'AP_RND' | 'AP_TRN'; readonly overflow: 'AP_SAT' | 'AP_WRAP' };
}

/** The widest type init writes: the emulator keeps results as double mantissas (53 bits). */
export const MAX_INIT_WIDTH = 48;

/** Fractional bits F for which round-to-nearest errs at most `targetError`: 2^−(F+1) ≤ e. */
export const fracBitsFor = (targetError: number): number => Math.max(0, Math.ceil(-Math.log2(2 * targetError)));

/**
 * The narrowest ap_[u]fixed<W,I> that holds [min, max] widened by the margin, with F = fracBitsFor(targetError):
 * unsigned when no value is negative; I = floor(log2 M) + 1 (+1 for the sign) is the least I with 2^I > M.
 */
export function typeForRange(r: ValueRange, o: ChoiceOptions): TypeChoice {
  const signed = r.min < 0;
  const m = Math.max(Math.abs(r.min), Math.abs(r.max)) * (1 + o.margin);
  const magnitudeBits = m > 0 ? Math.floor(Math.log2(m)) + 1 : 0;
  const integer = Math.max(magnitudeBits, 0) + (signed ? 1 : 0);
  let frac = fracBitsFor(o.targetError);
  const capped = integer + frac > MAX_INIT_WIDTH;
  if (capped) frac = Math.max(0, MAX_INIT_WIDTH - integer);
  const width = Math.max(1, integer + frac);
  const type = fixedType(width, integer, { signed, quant: o.modes.quant, overflow: o.modes.overflow });
  const range = `[${show(r.min)}, ${show(r.max)}]`;
  const margin = o.margin > 0 ? ` +${Math.round(o.margin * 100)}% margin` : '';
  const step = `step 2^-${frac}${capped ? ` (capped at ${MAX_INIT_WIDTH} bits)` : ` (error ≤ ${show(2 ** -(frac + 1))})`}`;
  return { type, why: `${range}${margin} needs ${integer} integer bit${integer === 1 ? '' : 's'}${signed ? ' with sign' : ', unsigned'}; ${step}` };
}

/** The smallest range holding all of them. */
export const unionRange = (rs: readonly ValueRange[]): ValueRange => ({
  min: Math.min(0, ...rs.map((r) => r.min)),
  max: Math.max(0, ...rs.map((r) => r.max)),
});

export const rangeOf = (values: ArrayLike<number>): ValueRange => {
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  return { min, max };
};

export const typeText = (t: FixedType): string => formatFixedType(t);

const show = (x: number): string => (x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? String(Number(x.toPrecision(4))) : x.toExponential(2));
