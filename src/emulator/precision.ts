import type { FixedType } from '../fixed/index.ts';
import type { Layer, PrecisionVar } from '../ir/layers.ts';
import type { Tensor } from '../ir/tensor.ts';

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

/** The type of the one input of a single-input layer. */
export const single = (layer: Layer, inputs: readonly Tensor[]): FixedType => singleTensor(layer, inputs).type;

export function singleTensor(layer: Layer, inputs: readonly Tensor[]): Tensor {
  if (inputs.length !== 1) throw new Error(`layer '${layer.name}' (${layer.kind}) takes one input, not ${inputs.length}`);
  return inputs[0];
}
