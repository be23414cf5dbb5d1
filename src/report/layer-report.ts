import { compareToFloat } from '../emulator/compare.ts';
import { formatFixedType, type FixedType } from '../fixed/index.ts';
import { typeExtent, type TypeExtent } from '../fixed/extent.ts';
import { sizeOf } from '../ir/graph.ts';
import { KINDS } from '../ir/kinds.ts';
import type { Layer, PrecisionVar } from '../ir/layers.ts';
import { parametersOf } from '../ir/parameters.ts';
import type { LayerEstimate } from '../estimate/types.ts';
import { magnitudes, type Distribution } from './distribution.ts';

/** A tensor's magnitudes drawn against the type that holds it (absent when no type is configured for it). */
export interface Profile extends Distribution {
  readonly type?: string;
  readonly extent?: TypeExtent;
}

export interface WeightProfile extends Profile {
  /** the parameter's name (weights, bias, scale, …) */
  readonly name: string;
}

export interface LayerReport {
  readonly name: string;
  readonly kind: string;
  readonly op: string;
  readonly shape: readonly number[];
  readonly precision: Record<string, string>;
  readonly weights: readonly WeightProfile[];
  /** the layer's outputs in the float evaluation, against its result type */
  readonly activation: Profile;
  /** casts that wrapped or saturated, all precision variables together, and per variable */
  readonly overflows: number;
  readonly overflowsByVar: Partial<Record<PrecisionVar, number>>;
  /** the bit-exact outputs of this layer against its float outputs */
  readonly errorVsFloat: { readonly maxAbs: number; readonly meanAbs: number };
  /** the estimator's figures for the layer (absent for layers that build no hardware) */
  readonly estimate?: { readonly lut: number; readonly ff: number; readonly dsp: number; readonly bram: number; readonly latencyCycles: number; readonly ii: number };
}

/** The precision variable that holds each named parameter (src/ir/parameters.ts names them). */
const PARAMETER_TYPE: Readonly<Record<string, PrecisionVar>> = {
  weights: 'weight',
  kernel: 'weight',
  'recurrent kernel': 'recurrent_weight',
  bias: 'bias',
  'recurrent bias': 'bias',
  scale: 'scale',
  alpha: 'param',
  theta: 'param',
};

const profile = (values: ArrayLike<number>, t: FixedType | undefined): Profile => ({
  ...magnitudes(values),
  ...(t && { type: formatFixedType(t), extent: typeExtent(t) }),
});

export interface LayerRun {
  readonly fixed: Float64Array;
  readonly float: Float64Array;
  readonly overflows: number;
  readonly overflowsByVar: Partial<Record<PrecisionVar, number>>;
}

export function layerReport(layer: Layer, run: LayerRun, estimate: LayerEstimate | undefined): LayerReport {
  const weights = KINDS[layer.kind].hasWeights
    ? parametersOf(layer)
        .filter(([, v]) => v.length > 0)
        .map(([name, v]) => ({ name, ...profile(v, layer.precision[PARAMETER_TYPE[name]]) }))
    : [];
  const size = Math.max(1, sizeOf(layer.shape));
  const err = compareToFloat(run.fixed, run.float, size);
  return {
    name: layer.name,
    kind: layer.kind,
    op: layer.origin?.op ?? layer.kind,
    shape: [...layer.shape],
    precision: Object.fromEntries(Object.entries(layer.precision).map(([k, t]) => [k, formatFixedType(t!)])),
    weights,
    activation: profile(run.float, layer.precision.result),
    overflows: run.overflows,
    overflowsByVar: run.overflowsByVar,
    errorVsFloat: { maxAbs: err.maxAbs, meanAbs: err.meanAbs },
    ...(estimate && {
      estimate: { lut: estimate.lut, ff: estimate.ff, dsp: estimate.dsp, bram: estimate.bram, latencyCycles: estimate.latencyCycles, ii: estimate.ii },
    }),
  };
}
