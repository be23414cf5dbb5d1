/** Pre-synthesis resource and latency estimation (docs/estimation.md). */
export { estimate } from './estimate.ts';
export { estimateRtl } from './rtl/estimate-rtl.ts';
export { estimateHls } from './hls/estimate-hls.ts';
export { moduleCost } from './rtl/module-cost.ts';
export { constantMultiply, variableMultiply, csdDigits, type MultiplierPlace } from './multiplier.ts';
export type { Estimate, BackendEstimate, LayerEstimate, Resources } from './types.ts';
export { formatEstimate } from './format.ts';
