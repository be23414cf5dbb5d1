import type { FixedType } from '../fixed/index.ts';
import { reusableBuffer, type FixedStep, type OutputBuffer } from './kernel.ts';

/** A fixed step applying f to every mantissa independently. */
export function mapStep(type: FixedType, f: (m: number) => number): FixedStep {
  const out = reusableBuffer();
  return {
    type,
    run(inputs, _batch) {
      const x = inputs[0];
      const y = out(x.length);
      for (let i = 0; i < x.length; i++) y[i] = f(x[i]);
      return y;
    },
  };
}

/** A float step applying f to every value. */
export function mapFloat(x: Float64Array, f: (v: number) => number, out?: OutputBuffer): Float64Array {
  const y = out ? out(x.length) : new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = f(x[i]);
  return y;
}
