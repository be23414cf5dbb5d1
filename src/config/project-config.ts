import type { FixedType } from '../fixed/fixed-type.ts';
import type { PrecisionVar, Strategy } from '../ir/layers.ts';
import type { SoftmaxImplementation } from '../fixed/softmax-hls4ml.ts';

/** `Arithmetic`: hlsforge's own (docs/arithmetic.md) or hls4ml's C simulation reproduced bit for bit. */
export type Arithmetic = 'hlsforge' | 'hls4ml';

export type BackendName = 'Vivado' | 'Vitis' | 'RTL';
/** io_parallel: whole tensors as arrays; io_stream: one pixel (all channels) per transfer (docs/configuration.md) */
export type IOType = 'io_parallel' | 'io_stream';

/** The resolved project configuration (hls4ml keys, after defaults, YAML and CLI flags). */
export interface ProjectConfig {
  /** model file, resolved to an absolute path (`OnnxModel`, `KerasJson`, `KerasModel`, or `KerasH5` given alone) */
  readonly model: string;
  /** the weights file of a Keras JSON model (`KerasH5` beside `KerasJson`), absolute; the frontend reads it */
  readonly weights?: string;
  /** output directory (absolute) */
  readonly outputDir: string;
  /** a safe C++ identifier, checked by the config loader */
  readonly projectName: string;
  readonly part: string;
  /** ns */
  readonly clockPeriod: number;
  readonly ioType: IOType;
  readonly backend: BackendName;
  /** `Arithmetic` (top level) or `--arithmetic`; absent = hlsforge */
  readonly arithmetic?: Arithmetic;
  /** HLSConfig.Model: defaults for every layer (per-layer settings are applied to the graph by the apply-config pass) */
  readonly defaults: ModelDefaults;
  /** HLSConfig.LayerType, keyed by our layer kind (hls4ml class names are mapped when loading) */
  readonly layerType: Readonly<Record<string, LayerSettings>>;
  /** HLSConfig.LayerName, keyed by the model's layer name */
  readonly layerName: Readonly<Record<string, LayerSettings>>;
  /** test vectors for tb_data (hls4ml `InputData`), absolute path */
  readonly inputData?: string;
  /** reference outputs for `InputData` (hls4ml `OutputPredictions`), absolute path: predict and convert compare against them */
  readonly outputPredictions?: string;
  /** the configuration file it came from, for diagnostics */
  readonly file?: string;
  /**
   * RTL backend: LUTs one DSP48E2 slice is worth when each constant multiplier is chosen (`DspCost`, docs/rtl.md,
   * "Constant multipliers"); Infinity: no DSP (`DspCost: none`); undefined: the default, 55
   */
  readonly dspCost?: number;
}

export interface ModelDefaults {
  /** `Precision` (or `Precision: {default: …}`) */
  readonly precision: FixedType;
  /** per-variable model defaults (`Precision: {accum: …}`) */
  readonly precisionVars: Readonly<Partial<Record<PrecisionVar, FixedType>>>;
  readonly reuseFactor: number;
  readonly strategy: Strategy;
  readonly tableSize: number;
  /** variables set to `auto` in `HLSConfig.Model.Precision` (the `precision` above is their placeholder) */
  readonly autoPrecision?: readonly PrecisionVar[];
  /** `Precision: {maximum: …}`: cap of the inferred types */
  readonly precisionMaximum?: FixedType;
  readonly prune?: PruneSettings;
  /** `TraceOutput: true` (or `Trace: true`) at Model level: `predict --trace` writes every layer */
  readonly trace?: boolean;
}

export interface LayerSettings {
  readonly precision?: Readonly<Partial<Record<PrecisionVar, FixedType>>>;
  readonly reuseFactor?: number;
  readonly strategy?: Strategy;
  readonly tableSize?: number;
  /** softmax `Implementation` */
  readonly implementation?: SoftmaxImplementation;
  /** softmax `exp_table_size` / `inv_table_size` (hls4ml): each table's own size, over TableSize */
  readonly expTableSize?: number;
  readonly invTableSize?: number;
  /** variables set to `auto` at this level (an explicit type at a higher level wins, and the other way round) */
  readonly autoPrecision?: readonly PrecisionVar[];
  readonly precisionMaximum?: FixedType;
  readonly prune?: PruneSettings;
  /** hls4ml `Trace`: selects the layers `predict --trace` writes */
  readonly trace?: boolean;
}

/** `Prune: {sparsity}` or `Prune: {threshold}`: exactly one is set. */
export type PruneSettings = { readonly sparsity: number; readonly threshold?: undefined } | { readonly threshold: number; readonly sparsity?: undefined };
