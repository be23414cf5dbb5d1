import { fail } from '../../../diagnostics/diagnostic.ts';
import type { OpHandler } from '../op-context.ts';
import { decodeTensor } from '../tensor.ts';
import { constValue } from '../values.ts';

/** A constant tensor: attribute value (a tensor), value_float(s) or value_int(s). */
export const Constant: OpHandler = (ctx) => {
  const { attrs } = ctx;
  const tensor = attrs.tensor('value');
  if (tensor) return constValue(decodeTensor(tensor, ctx.where));
  const floats = attrs.floats('value_floats');
  if (floats) return constValue({ dims: [floats.length], data: Float64Array.from(floats) });
  const ints = attrs.ints('value_ints');
  if (ints) return constValue({ dims: [ints.length], data: Float64Array.from(ints), integer: true });
  if (attrs.has('value_float')) return constValue({ dims: [], data: Float64Array.of(attrs.float('value_float', 0)) });
  if (attrs.has('value_int')) return constValue({ dims: [], data: Float64Array.of(attrs.int('value_int', 0)), integer: true });
  const given = attrs.names().join(', ') || 'none';
  throw fail('unsupported-attribute', ctx.where, `the value must be one of value, value_float(s), value_int(s), not ${given}`);
};
