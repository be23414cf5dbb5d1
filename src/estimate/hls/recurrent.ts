import type { IOType } from '../../config/project-config.ts';
import type { FixedType } from '../../fixed/index.ts';
import type { DenseLayer, RecurrentLayer } from '../../ir/layers.ts';
import { gateCount } from '../../ir/recurrent.ts';
import { dspSlices } from '../multiplier.ts';
import type { LayerEstimate } from '../types.ts';
import { HLS_DSP_MIN_PRODUCT } from './constants.ts';

/**
 * The HLS model of a recurrent layer (hls/nnet/nnet_recurrent.h; docs/estimation.md, "HLS model"): one cell
 * datapath iterating the T steps, a step every R = ReuseFactor cycles.
 * - the two gate matrix-vector products are priced by the dense rule (x_t → G·u with `weight`, h → G·u with
 *   `recurrent_weight` read in the `state` type), sharing their multipliers over R like a dense layer;
 * - one table lookup (8 LUT, ROMs as the table rule) per gate value, plus u for LSTM's φ(c_t);
 * - the state updates' general products (LSTM 3u, GRU 3u, SimpleRNN none) between a gate and a state value;
 * - the state held in registers (h, and c for LSTM);
 * - latency T·R plus the depth of one step (both products, a lookup, an update); the II is ir/timing.ts's (T·R).
 * - io_stream (hls/nnet/nnet_recurrent_stream.h) adds the buffers the stream needs: the whole input sequence going
 *   backwards (T·F values of the input type), the outputs with reversed outputs (T·u of the result type), each
 *   filled or drained one step per cycle (T more cycles): registers below 1024 bits, else BRAM18s as wide as a step
 *   (36 bits and 512 steps each).
 */
type Figures = Omit<LayerEstimate, 'name' | 'kind' | 'ii'>;
type Context = { inType: FixedType; inSize: number; inShape: readonly number[]; ioType?: IOType };
export type DenseRule = (layer: DenseLayer, ctx: Context) => Figures;

const UPDATE_PRODUCTS = { lstm: 3, gru: 3, simple_rnn: 0 } as const;

/** The dense layer of one gate product, as the dense rule prices it. */
function part(l: RecurrentLayer, suffix: string, nIn: number, weights: Float64Array, bias: Float64Array, weight: FixedType | undefined): DenseLayer {
  const p = l.precision;
  return {
    kind: 'dense', name: `${l.name}/${suffix}`, inputs: [], shape: [bias.length], nIn, nOut: bias.length, weights, bias,
    precision: { weight, bias: p.bias, accum: p.accum, result: p.accum ?? p.result }, reuseFactor: l.reuseFactor, strategy: l.strategy,
  };
}

/** Storage of `steps` words of `wordBits` (the same unit as `bram` elsewhere: BRAM36, a BRAM18 counting ½). */
export function stepBuffer(steps: number, wordBits: number): { ff: number; bram: number } {
  if (steps * wordBits < 1024) return { ff: steps * wordBits, bram: 0 };
  return { ff: 0, bram: (Math.ceil(wordBits / 36) * Math.ceil(steps / 512)) / 2 };
}

/** The io_stream buffers of one layer (none in io_parallel, where the whole sequence is one array). */
function streamBuffers(layer: RecurrentLayer, ctx: Context): { ff: number; bram: number; cycles: number } {
  const none = { ff: 0, bram: 0, cycles: 0 };
  if (ctx.ioType !== 'io_stream') return none;
  const buffers = [
    ...(layer.goBackwards ? [stepBuffer(layer.steps, layer.nIn * ctx.inType.width)] : []),
    ...(layer.returnSequences && layer.reverseOutputs ? [stepBuffer(layer.steps, layer.units * layer.precision.result.width)] : []),
  ];
  return buffers.reduce<typeof none>((a, b) => ({ ff: a.ff + b.ff, bram: a.bram + b.bram, cycles: a.cycles + layer.steps }), none);
}

export const recurrentRule =
  (dense: DenseRule) =>
  (layer: RecurrentLayer, ctx: Context): Figures => {
    const { units: u, steps: T } = layer;
    const g = gateCount(layer) * u;
    const state = layer.precision.state ?? layer.precision.result;
    const gate = (layer.kind === 'simple_rnn' ? layer.precision.table : layer.precision.recurrent_table) ?? layer.precision.result;
    const input = dense(part(layer, 'input', layer.nIn, layer.kernel, layer.bias, layer.precision.weight), { inType: ctx.inType, inSize: layer.nIn, inShape: [layer.nIn] });
    const rec = dense(part(layer, 'recurrent', u, layer.recurrentKernel, layer.recurrentBias, layer.precision.recurrent_weight), { inType: state, inSize: u, inShape: [u] });
    const lookups = g + (layer.kind === 'lstm' ? u : 0);
    const tables = [layer.activation, ...(layer.kind === 'simple_rnn' ? [] : [layer.recurrentActivation])].filter((a) => a.fn === 'tanh' || a.fn === 'sigmoid').length;
    const tableWidth = Math.max(layer.precision.table?.width ?? 18, gate.width);
    const bram = tables === 0 ? 0 : Math.ceil(lookups / 2) * Math.ceil((layer.tableSize * tableWidth) / (18 * 1024)) / 2;
    const products = UPDATE_PRODUCTS[layer.kind] * u;
    const wide = gate.width + state.width >= HLS_DSP_MIN_PRODUCT;
    const updateDsp = wide ? products * dspSlices(gate.width, state.width) : 0;
    const updateLut = wide ? 0 : Math.round(products * gate.width * state.width * 0.6);
    const stateBits = u * state.width * (layer.kind === 'lstm' ? 2 : 1);
    const rf = Math.max(1, layer.reuseFactor);
    const buffers = streamBuffers(layer, ctx);
    return {
      lut: input.lut + rec.lut + lookups * 8 + updateLut + stateBits,
      ff: input.ff + rec.ff + stateBits + lookups * gate.width + buffers.ff,
      dsp: input.dsp + rec.dsp + updateDsp,
      carry: input.carry + rec.carry + Math.ceil((products * state.width) / 8),
      bram: input.bram + rec.bram + bram + buffers.bram,
      multipliers: {
        dsp: input.multipliers.dsp + rec.multipliers.dsp + (wide ? products : 0),
        lut: input.multipliers.lut + rec.multipliers.lut + (wide ? 0 : products),
        free: input.multipliers.free + rec.multipliers.free,
      },
      latencyCycles: T * rf + input.latencyCycles + rec.latencyCycles + 3 + buffers.cycles,
    };
  };
