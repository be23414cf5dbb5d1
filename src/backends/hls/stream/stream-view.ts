import type { CallView, LocalView, PortView, TypedefView } from '../view-model.ts';

/** The io_stream parts of the project view (templates/hls/firmware/*_stream.*.hbs, project_stream_test.cpp.hbs). */
export interface StreamView {
  /** typedef groups of defines.h: element and pack types of every stream, precision types of every layer */
  readonly typedefGroups: readonly TypedefGroupView[];
  /** streams declared in the top function (not the ports) with their FIFO depths */
  readonly streams: readonly StreamVarView[];
  /** the generated step functions (pack-by-pack and whole-tensor layers, clones) defined before the top function */
  readonly functions: readonly StepFunctionView[];
  /** the processes of the DATAFLOW region, in topological order */
  readonly processes: readonly ProcessView[];
  readonly inputs: readonly StreamPortView[];
  readonly outputs: readonly StreamPortView[];
  /** `hls::stream<input_t> &input_1, hls::stream<result_t> &layer7_out` */
  readonly parameters: string;
  /** the schedule's cycles from the first input pack to the last output pack of one sample */
  readonly latency: number;
  /** packs of the largest stream per sample */
  readonly ii: number;
}

export interface TypedefGroupView {
  readonly comment: string;
  readonly typedefs: readonly TypedefView[];
}

export interface StreamVarView {
  readonly name: string;
  readonly packType: string;
  readonly depth: number;
  /** why this depth: the schedule's peak occupancy */
  readonly comment: string;
}

export interface ProcessView {
  readonly comment: string;
  readonly call: string;
}

/** A generated process: `steps` iterations, each reading packs into locals, calling kernels, writing packs. */
export interface StepFunctionView {
  readonly name: string;
  readonly comment: string;
  readonly params: string;
  readonly steps: number;
  readonly ii: number;
  /** PIPELINE the step loop (pack by pack); a whole-tensor step leaves the pipelining to its kernel */
  readonly pipelined: boolean;
  /** `static` locals: a whole-tensor step's arrays can be image-sized (too large for the C simulation's stack) */
  readonly staticLocals: boolean;
  readonly reads: readonly PackMoveView[];
  readonly locals: readonly LocalView[];
  readonly calls: readonly CallView[];
  readonly writes: readonly PackMoveView[];
}

/** `nnet::read_packs<pack, packs>(stream, local)` or `nnet::write_packs<…>(stream, local)` */
export interface PackMoveView {
  readonly stream: string;
  readonly packType: string;
  readonly packs: number;
  readonly local: string;
}

/** A port of the top function and how the testbench moves a sample's values through it. */
export interface StreamPortView extends PortView {
  readonly elemType: string;
  readonly pack: number;
  readonly packs: number;
  /** the testbench converts through a gather index (an edge transpose moved out of the firmware): port[j] = row[order[j]] */
  readonly hasOrder: boolean;
  readonly orderFile: string;
}
