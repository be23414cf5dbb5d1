import type { LayerOf, RecurrentLayer } from '../../../ir/layers.ts';
import type { EmitContext } from '../emit-context.ts';
import { recurrentParts } from '../emitters/recurrent.ts';
import type { Iteration, Iterations } from './process.ts';
import type { KernelStream, StreamEmitter } from './stream-emission.ts';

/**
 * Recurrent layers in io_stream (hls/nnet/nnet_recurrent_stream.h; docs/hls.md, "Recurrent layers in io_stream"): one
 * time step per transfer in, the io_parallel cell step on each, a step every R cycles (R = ReuseFactor). The same
 * weights, tables and CONFIG_T as io_parallel (emitters/recurrent.ts).
 */
export function recurrentIterations(l: Pick<RecurrentLayer, 'steps' | 'reuseFactor' | 'returnSequences' | 'goBackwards' | 'reverseOutputs'>): Iterations {
  const T = l.steps;
  const r = Math.max(1, l.reuseFactor);
  const held = l.returnSequences && l.reverseOutputs;
  return function* (): Generator<Iteration> {
    // go_backwards: the whole sequence is read first, one pack per cycle
    if (l.goBackwards) for (let t = 0; t < T; t++) yield { reads: [0], writes: 0, cycles: 1 };
    for (let k = 0; k < T; k++) {
      const writes = held ? 0 : l.returnSequences || k === T - 1 ? 1 : 0;
      yield { reads: l.goBackwards ? [] : [0], writes, cycles: r };
    }
    // reverse_outputs: the held outputs leave in time order after the last step, one pack per cycle
    if (held) for (let t = 0; t < T; t++) yield { reads: [], writes: 1, cycles: 1 };
  };
}

function streamRecurrent(layer: RecurrentLayer, ctx: EmitContext): KernelStream {
  const parts = recurrentParts(layer, ctx);
  const buffered = [layer.goBackwards && `the ${layer.steps} input steps (go_backwards)`, layer.returnSequences && layer.reverseOutputs && `the ${layer.steps} output steps (reversed outputs)`].filter(Boolean);
  return {
    kind: 'kernel',
    kernel: `nnet::${layer.kind}_stream`,
    templateArgs: 'in-out',
    ...parts,
    typedefs: [],
    headers: ['nnet_recurrent_stream.h'],
    iterations: recurrentIterations(layer),
    note: `${layer.steps} steps of ${layer.nIn} features, one per transfer, a step every ${Math.max(1, layer.reuseFactor)} cycle(s), ${layer.returnSequences ? 'every step out' : 'the last state out'}${buffered.length ? `; buffers ${buffered.join(' and ')}` : ''}`,
  };
}

export const streamLstm: StreamEmitter<'lstm'> = (layer: LayerOf<'lstm'>, ctx) => streamRecurrent(layer, ctx);
export const streamGru: StreamEmitter<'gru'> = (layer: LayerOf<'gru'>, ctx) => streamRecurrent(layer, ctx);
export const streamSimpleRnn: StreamEmitter<'simple_rnn'> = (layer: LayerOf<'simple_rnn'>, ctx) => streamRecurrent(layer, ctx);
