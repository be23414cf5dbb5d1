import type { BackendName } from '../../config/project-config.ts';

/** File names of a generated project, relative to its folder. */
export const PROJECT_FILES = {
  meta: 'hlsforge.json',
  inputs: 'tb_data/tb_input_features.dat',
  predictions: 'tb_data/tb_output_predictions.dat',
  csimResults: 'tb_data/csim_results.log',
  firmware: 'firmware',
  nnetUtils: 'firmware/nnet_utils',
  apTypes: 'firmware/ap_types',
  weights: 'firmware/weights',
} as const;

export const META_FORMAT = 'hlsforge-hls-project';

/** hlsforge.json: what the csim runner and later RTL tools read about a generated project. */
export interface HlsProjectMeta {
  readonly format: typeof META_FORMAT;
  readonly formatVersion: 1;
  readonly hlsforgeVersion: string;
  /** the top function, and the stem of its files */
  readonly project: string;
  readonly model: string;
  readonly backend: BackendName;
  readonly buildScript: string;
  readonly part: string;
  readonly clockPeriod: number;
  readonly ioType: string;
  /** a test vector row: every input port's values one after another (type: the first port's) */
  readonly input: { readonly size: number; readonly type: string };
  /** a result row: every output port's values one after another (type: the first port's) */
  readonly output: { readonly size: number; readonly type: string };
  /** the top function's ports, in the order of a row */
  readonly inputs?: readonly PortMeta[];
  readonly outputs?: readonly PortMeta[];
  /** the design's initiation interval (src/ir/timing.ts) and how the top function is scheduled (docs/hls.md) */
  readonly ii?: number;
  readonly pipelineStyle?: 'pipeline' | 'dataflow';
  readonly samples: number;
  readonly files: {
    readonly top: string;
    readonly testbench: string;
    readonly inputs: string;
    readonly predictions: string;
    readonly csimResults: string;
  };
  readonly layers: readonly LayerMeta[];
}

export interface PortMeta {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

export interface LayerMeta {
  readonly index: number;
  readonly name: string;
  readonly kind: string;
  readonly shape: readonly number[];
  readonly reuseFactor: number;
  readonly strategy: string;
  /** precision variable → C++ type */
  readonly precision: Readonly<Record<string, string>>;
}
