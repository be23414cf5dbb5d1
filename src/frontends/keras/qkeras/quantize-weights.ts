import type { FixedType } from '../../../fixed/fixed-type.ts';
import type { KerasContext } from '../context.ts';
import { parseQuantizer } from './parse-quantizer.ts';
import { kerasQuantizer } from './quantizers.ts';
import { fail } from '../../../diagnostics/diagnostic.ts';

/** The values of a weight after the layer's quantizer `key` (unchanged when the key is absent or null). */
export function quantizeWeights(ctx: KerasContext, key: string, x: Float64Array): { values: Float64Array; type: FixedType | undefined } {
  const raw = ctx.cfg.raw(key);
  if (raw === undefined || raw === null) return { values: x, type: undefined };
  const spec = parseQuantizer(raw);
  if (!spec) throw fail('unsupported-quantizer', ctx.where, `${key} must be a QKeras quantizer, not ${JSON.stringify(raw).slice(0, 60)}`);
  return kerasQuantizer(spec, ctx.where, key).fold(x);
}
