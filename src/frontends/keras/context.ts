import type { Where } from '../../diagnostics/diagnostic.ts';
import type { Layer } from '../../ir/layers.ts';
import type { ConfigReader } from './config-reader.ts';
import type { KerasNode } from './model-config.ts';
import type { WeightTensor } from './tensor.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A layer without the fields every frontend layer gets the same way (name, default precision, origin, …). */
export type LayerSpec = DistributiveOmit<Layer, 'name' | 'precision' | 'reuseFactor' | 'strategy' | 'origin'>;

/** An IR layer output a Keras tensor maps to. */
export interface Produced {
  readonly layer: string;
  readonly shape: readonly number[];
}

/** A variable a layer needs: its Keras name and the shape the model config implies. */
export interface VarSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** another name of the variable in stores that name them (Keras 3's `kernel` is Keras 2's `depthwise_kernel`) */
  readonly alias?: string;
}

/** What a layer handler sees of the Keras layer being translated and of the graph built so far. */
export interface KerasContext {
  readonly node: KerasNode;
  /** the Keras layer name (the IR layer name of its main layer) */
  readonly name: string;
  readonly where: Where;
  readonly inputs: readonly Produced[];
  readonly cfg: ConfigReader;
  /** Keras major version of the file (2 or 3) */
  readonly kerasMajor: number;
  /** the layer's single input */
  input(): Produced;
  /** the layer's variables in creation order, checked for presence and shape */
  weights(vars: readonly VarSpec[]): WeightTensor[];
  /**
   * the variables of an object inside the layer (a recurrent cell, Bidirectional's halves, TimeDistributed's layer):
   * Keras 3 under `<layer path>/<subPath>`, Keras 2 named after the layer or found in its group under `scope`
   */
  innerWeights(vars: readonly VarSpec[], at: { readonly subPath: string; readonly scope: string }): WeightTensor[];
  /** add an IR layer named after this Keras layer (`suffix` names a second one, e.g. a split activation) */
  add(spec: LayerSpec, opts?: { readonly suffix?: string; readonly op?: string }): Produced;
}

/** Translates one Keras layer class into IR layers; returns the output. */
export type LayerHandler = (ctx: KerasContext) => Produced;
