import { Caster, fracBits } from '../../fixed/index.ts';
import { bipolarType, commonExponent, exactCastType, isBipolar, quantValue } from '../../ir/quantizer.ts';
import type { QuantLayer } from '../../ir/layers.ts';
import { mapStep } from '../elementwise.ts';
import type { FixedStep, Kernel } from '../kernel.ts';
import { single } from '../precision.ts';

/**
 * A QONNX quantizer. Float mode is the QONNX reference formula (src/ir/quantizer.ts): the oracle of an imported
 * QONNX graph. Fixed mode handles what is exactly a fixed-point operation (power-of-two scale, zero point 0):
 * a cast to the quantizer's type, or for a bipolar quantizer the sign as ±1 on the grid 2^e; anything else must be
 * lowered by the import-qonnx pass first.
 */
export const quant: Kernel<'quant'> = {
  fixed(layer, inputs, counters) {
    const inType = single(layer, inputs);
    const e = commonExponent(layer.scale);
    if (isBipolar(layer) && e !== undefined && layer.zeroPoint.every((z) => z === 0)) {
      return mapStep(bipolarType(e), (m) => (m >= 0 ? 1 : -1));
    }
    const exact = exactCastType(layer);
    if ('reason' in exact) throw notExact(layer, exact.reason);
    const caster = new Caster(fracBits(inType), exact.type, counters.stats('result'));
    return mapStep(caster.type, (m) => caster.cast(m)) satisfies FixedStep;
  },
  float(layer, [x]) {
    const channels = layer.shape[layer.shape.length - 1];
    const y = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = quantValue(layer, x[i], i % channels);
    return y;
  },
};

const notExact = (layer: QuantLayer, reason: string): Error =>
  new Error(`layer '${layer.name}' (quant): this quantizer has no exact fixed-point emulation (${reason}); it must be lowered by the import-qonnx pass`);
