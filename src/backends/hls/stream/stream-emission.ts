import type { Layer, LayerKind, LayerOf, PrecisionVar } from '../../../ir/layers.ts';
import type { EmitContext } from '../emit-context.ts';
import type { ArrayFileView, ConstantView, TypedefView } from '../view-model.ts';
import type { Iterations } from './process.ts';

/**
 * How a layer kind runs in io_stream (one process per layer, docs/hls.md "io_stream"):
 * - `alias`: no process; the consumers read the producer's stream (identity; a reshape that keeps the pack size).
 * - `steps`: the io_parallel kernel of HLS_EMITTERS applied step by step: `perPack` one pack in and out per step
 *   (elementwise and last-axis layers, merges, channel concatenation, dense on a 1-D tensor), otherwise one step over
 *   the whole tensor (the kernel needs all of it: transpose, dot, concatenation along a spatial axis).
 *   `layer` replaces the layer the io_parallel emitter sees (a channel concatenation becomes one over a pack).
 * - `kernel`: a streaming kernel of hls/nnet/*_stream.h (line buffers, padding, repacking).
 */
export type StreamEmission = AliasStream | StepsStream | KernelStream;

export interface AliasStream {
  readonly kind: 'alias';
}

export interface StepsStream {
  readonly kind: 'steps';
  readonly perPack: boolean;
  readonly layer?: Layer;
}

export interface KernelStream {
  readonly kind: 'kernel';
  /** `nnet::conv_stream`: called as kernel<input pack, output pack, configN>(in, out, ...args) */
  readonly kernel: string;
  /** template arguments: both packs, or only the input's (a data move keeps the type) */
  readonly templateArgs: 'in-out' | 'in';
  readonly args: readonly string[];
  readonly types: readonly PrecisionVar[];
  readonly constants: readonly ConstantView[];
  readonly configTypedefs?: readonly TypedefView[];
  /** typedefs of defines.h besides the precision variables' (types of constant arrays) */
  readonly typedefs?: readonly TypedefView[];
  readonly arrays: readonly ArrayFileView[];
  readonly headers: readonly string[];
  readonly iterations: Iterations;
  /** one line for the generated comment: how the process streams */
  readonly note: string;
}

export type StreamEmitter<K extends LayerKind> = (layer: LayerOf<K>, ctx: EmitContext) => StreamEmission;
