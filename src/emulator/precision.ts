import type { FixedType } from '../fixed/index.ts';
import type { Layer, PrecisionVar } from '../ir/layers.ts';

/** The layer's type for a precision variable, or an Error naming layer and variable (apply-config fills them). */
export function need(layer: Layer, variable: PrecisionVar): FixedType {
  const t = layer.precision[variable];
  if (!t) {
    throw new Error(
      `layer '${layer.name}' (${layer.kind}): precision '${variable}' is missing; the apply-config pass normally fills it`,
    );
  }
  if (variable === 'result' && t.width > 53) {
    throw new Error(`layer '${layer.name}' (${layer.kind}): the emulator supports result types up to 53 bits, not ${t.width}`);
  }
  return t;
}

/** The one input of a single-input layer. */
export function single<T>(layer: Layer, inputs: readonly T[]): T {
  if (inputs.length !== 1) throw new Error(`layer '${layer.name}' (${layer.kind}) takes one input, not ${inputs.length}`);
  return inputs[0];
}
