import type { StreamView } from './stream/stream-view.ts';

/**
 * Typed view models for the templates in templates/hls/. Everything a template prints is prepared here as plain
 * strings, booleans and arrays; templates only `#if` on booleans and `#each` over arrays (STYLE.md habit 7).
 * Every string that came from the model has been through names.ts.
 */

/** `typedef <cppType> <name>;` */
export interface TypedefView {
  readonly name: string;
  readonly cppType: string;
}

/** `static const <cType> <name> = <value>;` inside a CONFIG_T struct */
export interface ConstantView {
  readonly cType: string;
  readonly name: string;
  readonly value: string;
}

/** A per-layer CONFIG_T struct in parameters.h */
export interface ConfigStructView {
  readonly name: string;
  readonly constants: readonly ConstantView[];
  readonly typedefs: readonly TypedefView[];
}

/** A constant array emitted as its own header under firmware/weights/ */
export interface ArrayFileView {
  /** file name inside firmware/weights/, e.g. `w2.h` */
  readonly fileName: string;
  readonly guard: string;
  readonly comment: string;
  readonly cppType: string;
  readonly name: string;
  readonly size: number;
  /** comma-joined exact decimals, one template line each */
  readonly rows: readonly string[];
}

/** One kernel call in the top function: `nnet::dense<layer1_t, layer2_t, config2>(layer1_out, layer2_out, w2, b2);` */
export interface CallView {
  readonly kernel: string;
  readonly args: string;
}

/** A local array of the top function besides a layer's output (a merge's exact accumulator). */
export interface LocalView {
  readonly type: string;
  readonly name: string;
  readonly size: string;
}

/** A layer as it appears in every file: comment, types, config, kernel calls. */
export interface LayerView {
  readonly index: number;
  /** sanitized `layer 2 'fc1' (dense, from Gemm 'node')` */
  readonly comment: string;
  readonly typedefs: readonly TypedefView[];
  readonly hasConfig: boolean;
  readonly config: ConfigStructView;
  /** the kernel calls computing the layer, in order (one, or one per input for merges and concatenations) */
  readonly calls: readonly CallView[];
  readonly locals: readonly LocalView[];
  /** the top function declares the output array (false for a network output: it is a parameter of the top function) */
  readonly declaresOutput: boolean;
  readonly outputType: string;
  readonly outputVar: string;
  readonly outputSize: string;
  /** `#define N_LAYER_2 64` */
  readonly sizeDefine: string;
  readonly sizeValue: number;
  readonly arrays: readonly ArrayFileView[];
}

/** An input or output parameter of the top function, and how the testbench fills or reads it. */
export interface PortView {
  /** `input_1`, `layer7_out` */
  readonly name: string;
  /** `input_t`, `input2_t`, `result_t`, `result2_t` */
  readonly type: string;
  readonly cppType: string;
  /** `N_INPUT_1`, `N_LAYER_7` */
  readonly sizeDefine: string;
  readonly size: number;
  /** where the port's values start in a test vector row */
  readonly offset: number;
  /** the testbench's variable for it */
  readonly tbVar: string;
  /** sanitized: which model layer it is */
  readonly comment: string;
}

/** An output port that is not written by a kernel (the output is an input, a reshape, or listed twice): a copy. */
export interface CopyView {
  readonly dest: string;
  readonly source: string;
  readonly sizeDefine: string;
}

/** `#define <name> <value>` */
export interface SizeDefineView {
  readonly name: string;
  readonly value: number;
}

export interface ProjectView {
  readonly project: string;
  /** `io_parallel` or `io_stream` (the io_stream files read `stream`) */
  readonly ioType: string;
  readonly isStream: boolean;
  readonly stream?: StreamView;
  readonly headerGuard: string;
  readonly generator: string;
  readonly modelComment: string;
  readonly part: string;
  /** the part as one Tcl word: `{xcvu9p-flga2104-2-e}` */
  readonly partTcl: string;
  readonly clockPeriod: string;
  readonly backend: string;
  readonly vivadoPrimary: boolean;
  /** a test vector row: every input port's values one after another (likewise the outputs) */
  readonly inputSize: number;
  readonly outputSize: number;
  /** the design's initiation interval (ir/timing.ts): the PIPELINE II, or what the DATAFLOW processes achieve */
  readonly pipelineII: number;
  /** top function scheduled as DATAFLOW (a Resource-strategy dense is present), else one PIPELINE (docs/hls.md) */
  readonly dataflow: boolean;
  readonly layers: readonly LayerView[];
  readonly arrays: readonly ArrayFileView[];
  readonly inputs: readonly PortView[];
  readonly outputs: readonly PortView[];
  readonly copies: readonly CopyView[];
  readonly hasCopies: boolean;
  /** `input_t input_1[N_INPUT_1], result_t layer7_out[N_LAYER_7]` */
  readonly parameters: string;
  /** `input_1, layer7_out` */
  readonly portNames: string;
  /** the testbench's call for sample `s` */
  readonly tbCallArgs: string;
  /** the first output's testbench variable, for the throughput loop's checksum */
  readonly tbFirstOutput: string;
  readonly sizeDefines: readonly SizeDefineView[];
  /** the hls/nnet headers parameters.h includes (those of the kinds the model uses) */
  readonly includes: readonly string[];
  readonly inputSizeDefine: string;
  readonly outputSizeDefine: string;
}
