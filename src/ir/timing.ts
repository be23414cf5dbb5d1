import type { Graph } from './graph.ts';
import type { KindRegistry, Layer, LayerKind, LayerOf, RecurrentLayer } from './layers.ts';

/**
 * Initiation interval: the cycles between two samples a layer (or the whole design) can accept. The HLS backend's ONE
 * definition: the HLS top-level pragma (backends/hls/build-view.ts) and the HLS estimate (estimate/hls) use it
 * (docs/hls.md, "II"). The RTL backend's hardware has the same II for every kind but the recurrent ones, whose
 * sequencer plans its own step period P (docs/rtl.md, "Recurrent layers"): there the RTL design, the RTL estimate and
 * every RTL summary use the plan's T·P, never this. Both checked in tests/ir/timing.test.ts.
 *
 * - dense: II = its ReuseFactor R, whatever the Strategy. The strategy decides where the weights live (Latency:
 *   constants spread over the logic; Resource: a ROM read one word per cycle), not how often a multiplier is reused:
 *   as in hls4ml, a Latency dense with R > 1 still pipelines at II = R and shares each multiplier R times.
 * - recurrent (lstm, gru, simple_rnn): T·R, the C++ step loop pipelined at II = R over the T steps.
 * - every other kind: II = 1. They have no multipliers to share; a ReuseFactor set on them (hls4ml accepts one at
 *   Model level for every layer) has no effect and does not slow the design down.
 * The design's II is the largest layer II: layers run as a pipeline, the slowest stage sets the pace.
 */
type IiRule<K extends LayerKind> = (layer: LayerOf<K>) => number;

const one = () => 1;
const recurrentII = (l: RecurrentLayer): number => l.steps * Math.max(1, l.reuseFactor);

export const LAYER_II: KindRegistry<{ [K in LayerKind]: IiRule<K> }> = {
  input: one,
  dense: (l) => Math.max(1, l.reuseFactor),
  // io_parallel: every output position at once, each multiplier shared R times, as dense (io_stream: per pixel)
  conv: (l) => Math.max(1, l.reuseFactor),
  depthwise_conv: (l) => Math.max(1, l.reuseFactor),
  pool: one,
  pad: one,
  crop: one,
  upsample: one,
  batchnorm: one,
  relu: one,
  leaky_relu: one,
  clip: one,
  sigmoid: one,
  tanh: one,
  softmax: one,
  linear: one,
  quant: one,
  identity: one,
  reshape: one,
  transpose: one,
  merge: one,
  concatenate: one,
  dot: one,
  abs: one,
  prelu: one,
  hard_sigmoid: one,
  hard_tanh: one,
  thresholded_relu: one,
  binary_tanh: one,
  ternary_tanh: one,
  elu: one,
  selu: one,
  softplus: one,
  softsign: one,
  silu: one,
  // HLS: one cell datapath iterates the T steps, a step every R cycles (R = ReuseFactor): II = T·R (RTL: its plan's T·P)
  lstm: recurrentII,
  gru: recurrentII,
  simple_rnn: recurrentII,
};

export function layerInitiationInterval<K extends LayerKind>(layer: LayerOf<K>): number {
  return (LAYER_II[layer.kind as K] as IiRule<K>)(layer);
}

/** The design's II: the largest layer II (1 for a design without layers). */
export function designInitiationInterval(graph: Graph): number {
  return graph.layers.reduce((ii, l: Layer) => Math.max(ii, layerInitiationInterval(l)), 1);
}

/**
 * How the HLS top function is scheduled (docs/hls.md, "Top function"):
 * - `pipeline`: one `PIPELINE II = <design II>` over the whole network; every loop is unrolled into one pipeline.
 *   Right when no layer is time-multiplexed through a memory (all dense layers use the Latency strategy).
 * - `dataflow`: each layer call is its own process, running concurrently on consecutive samples. Needed as soon as
 *   one dense layer uses the Resource strategy: its ReuseLoop must stay a loop (pipelined at II 1, R iterations,
 *   one ROM word per iteration), which a surrounding PIPELINE would unroll. hls4ml chooses the same way.
 */
export type PipelineStyle = 'pipeline' | 'dataflow';

export function usesResourceKernel(layer: Layer): boolean {
  return layer.kind === 'dense' && layer.strategy === 'resource';
}

export function pipelineStyle(graph: Graph): PipelineStyle {
  return graph.layers.some(usesResourceKernel) ? 'dataflow' : 'pipeline';
}
