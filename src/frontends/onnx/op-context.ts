import type { Where } from '../../diagnostics/diagnostic.ts';
import type { Layer } from '../../ir/layers.ts';
import type { Attributes } from './attributes.ts';
import type { ConstTensor } from './tensor.ts';
import type { LayerValue, Value } from './values.ts';

/** Lookup-table size of sigmoid, tanh and softmax layers before configuration (docs/arithmetic.md). */
export const DEFAULT_TABLE_SIZE = 1024;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A layer without the fields every frontend layer gets the same way (name, default precision, origin, …). */
export type LayerSpec = DistributiveOmit<Layer, 'name' | 'precision' | 'reuseFactor' | 'strategy' | 'origin'>;

/** What an op handler sees of the node being translated and of the graph built so far. */
export interface OpContext {
  /** the unique layer name for this node: its ONNX name, or `<op>_<index>` */
  readonly name: string;
  readonly op: string;
  readonly opset: number;
  readonly where: Where;
  readonly attrs: Attributes;
  /** tensor names of the node's inputs and outputs ('' = optional input left out) */
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /** value of input i, undefined when the optional input is absent */
  input(i: number): Value | undefined;
  /** input i, which must be the output of a layer (not a constant) with the batch axis first */
  layerInput(i: number): LayerValue;
  /** input i, the output of a layer with its batch axis anywhere (`batchAxis`; ops that move or read around it) */
  layerInputAnyBatch(i: number): LayerValue;
  /** a layer added so far, by name (ops that look through the layers producing their input) */
  layer(name: string): Layer;
  /** input i, which must be a constant (initializer or Constant node); `role` names it in diagnostics */
  constInput(i: number, role: string): ConstTensor;
  /** how many node inputs and graph outputs read the tensor */
  uses(tensor: string): number;
  /** add a layer named after this node; `op` overrides the reported source op; `suffix` names a second layer of the node */
  addLayer(spec: LayerSpec, op?: string, suffix?: string): LayerValue;
}

/** Translates one ONNX node; returns the values of its outputs in order (or of output 0 alone). */
export type OpHandler = (ctx: OpContext) => Value | readonly (Value | undefined)[];
