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

/** A layer as it appears in every file: comment, types, config, kernel call. */
export interface LayerView {
  readonly index: number;
  /** sanitized `layer 2 'fc1' (dense, from Gemm 'node')` */
  readonly comment: string;
  readonly typedefs: readonly TypedefView[];
  readonly hasConfig: boolean;
  readonly config: ConfigStructView;
  readonly hasCall: boolean;
  /** `nnet::dense<layer1_t, layer2_t, config2>` */
  readonly kernel: string;
  /** `layer1_out, layer2_out, w2, b2` */
  readonly args: string;
  /** the top function declares the output array (false for the network output, which writes `y`) */
  readonly declaresOutput: boolean;
  readonly outputType: string;
  readonly outputVar: string;
  readonly outputSize: string;
  /** `#define N_LAYER_2 64` */
  readonly sizeDefine: string;
  readonly sizeValue: number;
  readonly arrays: readonly ArrayFileView[];
}

export interface ProjectView {
  readonly project: string;
  readonly headerGuard: string;
  readonly generator: string;
  readonly modelComment: string;
  readonly part: string;
  /** the part as one Tcl word: `{xcvu9p-flga2104-2-e}` */
  readonly partTcl: string;
  readonly clockPeriod: string;
  readonly backend: string;
  readonly vivadoPrimary: boolean;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly inputType: string;
  readonly resultType: string;
  readonly pipelineII: number;
  readonly layers: readonly LayerView[];
  readonly arrays: readonly ArrayFileView[];
  /** the output is the input itself (a graph of identities): the top function copies x to y */
  readonly copiesInputToOutput: boolean;
  readonly inputSizeDefine: string;
  readonly outputSizeDefine: string;
}
